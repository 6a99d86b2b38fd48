package io.aitrader.groww.broker;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.backtest.HistoricalBars;
import io.aitrader.groww.rest.Candle;
import io.aitrader.groww.rest.CandleInterval;
import io.aitrader.groww.rest.GrowwClient;
import io.aitrader.groww.rest.GrowwHistorical;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backtest bars from Groww's candles endpoint ({@code GET /v1/historical/candles}), one request per session
 * (ranges longer than Groww's maximum span per interval are split and stitched by
 * {@link GrowwHistorical#candles}). Candle times are IST; a bar's close time is its open time plus the interval,
 * cut at the session close; its turnover, which candles do not carry, is volume × typical price
 * {@code (high + low + close) / 3}, as for candle CSV files.
 *
 * <pre>{@code
 * HistoricalBars history = new GrowwHistoricalBars(client);
 * Backtest.run(config, history, ...);
 * }</pre>
 *
 * <p>Answers are cached per instrument, interval and session, so a parameter sweep asks Groww once and every run
 * sees the same bars. Candles that break a bar's rules (a low above the close, a zero price) are skipped and
 * counted in a warning. Thread-safe.
 */
public final class GrowwHistoricalBars implements HistoricalBars {
  private static final Logger LOG = LoggerFactory.getLogger(GrowwHistoricalBars.class);

  private final GrowwHistorical historical;
  private final String host;
  private final Map<String, List<Bar>> cache = new ConcurrentHashMap<>();

  public GrowwHistoricalBars(GrowwClient client) {
    ValidationException.required(client, "GrowwHistoricalBars.client");
    this.historical = client.historical();
    this.host = client.config().baseUri().getHost();
  }

  @Override
  public List<Bar> bars(Instrument instrument, BarInterval interval, TradingSession session) {
    ValidationException.required(instrument, "GrowwHistoricalBars.instrument");
    ValidationException.required(interval, "GrowwHistoricalBars.interval");
    ValidationException.required(session, "GrowwHistoricalBars.session");
    String key = instrument.id() + '|' + interval.label() + '|' + session.date();
    return cache.computeIfAbsent(key, k -> fetch(instrument, interval, session));
  }

  private List<Bar> fetch(Instrument instrument, BarInterval interval, TradingSession session) {
    LocalDateTime from = Ist.at(session.openMillis()).toLocalDateTime();
    LocalDateTime to = Ist.at(session.closeMillis() - 1).toLocalDateTime();
    List<Candle> candles = historical.candles(instrument.exchange(), instrument.segment(), instrument.growwSymbol(),
        from, to, CandleInterval.of(interval));
    List<Bar> out = new ArrayList<>(candles.size());
    int skipped = 0;
    for (Candle c : candles) {
      long open = c.startMillis();
      if (open < session.openMillis() || open >= session.closeMillis()) {
        continue;
      }
      long close = interval.isDaily() ? session.closeMillis() : Math.min(open + interval.millis(),
          session.closeMillis());
      try {
        long h = c.high().units();
        long l = c.low().units();
        long cl = c.close().units();
        long volume = c.volume().setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        long turnover = Math.multiplyExact((h + l + cl) / 3, volume);
        out.add(new Bar(instrument, interval, open, close, c.open().units(), h, l, cl, volume, turnover, 0, true));
      } catch (ValidationException | ArithmeticException e) {
        skipped++;
      }
    }
    if (skipped > 0) {
      LOG.warn("Skipped {} invalid Groww candles of {} {} on {}", skipped, instrument, interval, session.date());
    }
    return List.copyOf(out);
  }

  @Override
  public String description() {
    return "Groww historical candles (" + host + ")";
  }
}
