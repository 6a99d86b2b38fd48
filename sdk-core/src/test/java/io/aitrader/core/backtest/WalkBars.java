package io.aitrader.core.backtest;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.calendar.ExchangeCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test data: a seeded random walk of complete bars per instrument over the NSE sessions between two dates. */
final class WalkBars {
  private WalkBars() {}

  static List<Bar> of(List<Instrument> instruments, BarInterval interval, LocalDate from, LocalDate to, long seed) {
    List<Bar> out = new ArrayList<>();
    ExchangeCalendar nse = ExchangeCalendar.nse();
    for (int k = 0; k < instruments.size(); k++) {
      Instrument instrument = instruments.get(k);
      SplittableRandom random = new SplittableRandom(seed * 31 + k);
      long price = 1_000_0000L + k * 100_0000L; // ₹1,000 + ₹100 k, in ₹0.0001
      long tick = instrument.tickSize().units();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        TradingSession s = nse.session(d).orElse(null);
        if (s == null) {
          continue;
        }
        for (long t = s.openMillis(); t < s.closeMillis(); t += interval.millis()) {
          long close = Math.min(t + interval.millis(), s.closeMillis());
          long open = price;
          long next = Math.max(tick, (price + (long) (random.nextGaussian() * price * 0.002)) / tick * tick);
          long high = Math.max(open, next) + tick * random.nextInt(3);
          long low = Math.max(tick, Math.min(open, next) - tick * random.nextInt(3));
          long volume = 100 + random.nextInt(5_000);
          out.add(new Bar(instrument, interval, t, close, open, high, low, next, volume, volume * next, 10, true));
          price = next;
        }
      }
    }
    return out;
  }
}
