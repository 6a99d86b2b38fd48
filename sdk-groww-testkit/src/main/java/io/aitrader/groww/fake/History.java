package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.time.TimeSource;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/** Historical candles, the deprecated candle range, expiries and contracts (§3.7). Callers hold the fake's lock. */
final class History {
  private static final long DAY = 86_400_000L;

  private final InstrumentRepository instruments;
  private final FakeMarket market;
  private final TimeSource clock;
  private final boolean timesWithT;

  History(InstrumentRepository instruments, FakeMarket market, TimeSource clock, boolean timesWithT) {
    this.instruments = instruments;
    this.market = market;
    this.clock = clock;
    this.timesWithT = timesWithT;
  }

  Reply candles(Call c) {
    Exchange ex = Wire.enumValue(Exchange.class, c.requiredQuery("exchange"), "exchange");
    Segment seg = Wire.enumValue(Segment.class, c.requiredQuery("segment"), "segment");
    String symbol = c.requiredQuery("groww_symbol");
    Instrument inst = instruments.findByGrowwSymbol(symbol).filter(i -> i.exchange() == ex)
        .orElseThrow(() -> ApiError.badRequest("Invalid groww_symbol: " + symbol + " is not a " + ex
            + " instrument of the master (e.g. NSE-RELIANCE)"));
    if (inst.segment() != seg) {
      throw ApiError.badRequest(symbol + " is in segment " + inst.segment() + ", not " + seg);
    }
    CandleInterval interval = CandleInterval.parse(c.requiredQuery("candle_interval"));
    long from = Wire.parseTime(c.requiredQuery("start_time"), "start_time");
    long to = Wire.parseTime(c.requiredQuery("end_time"), "end_time");
    checkSpan(from, to, interval, "candle_interval " + interval.wire);
    List<long[]> candles = market.candles(inst, interval, from, to, clock.currentTimeMillis());
    ObjectNode p = Json.object();
    ArrayNode list = p.putArray("candles");
    for (long[] k : candles) {
      ArrayNode row = list.addArray();
      row.add(timesWithT ? Wire.localIso(k[0]) : Wire.localSpace(k[0]));
      row.add(Json.rupees(k[1])).add(Json.rupees(k[2])).add(Json.rupees(k[3])).add(Json.rupees(k[4])).add(k[5]);
      if (inst.segment() == Segment.FNO) {
        row.add(1_000L * inst.lotSize());
      } else {
        row.addNull();
      }
    }
    if (candles.isEmpty()) {
      p.putNull("closing_price");
    } else {
      p.set("closing_price", Json.rupees(candles.get(candles.size() - 1)[4]));
    }
    p.put("start_time", Wire.localSpace(from));
    p.put("end_time", Wire.localSpace(to));
    p.put("interval_in_minutes", interval.minutes);
    return Endpoints.ok(p);
  }

  /** The deprecated {@code /v1/historical/candle/range}: 6-element candles with epoch-second times. */
  Reply candleRange(Call c, OrderBook book) {
    Instrument inst = book.instrument(c.requiredQuery("exchange"), c.requiredQuery("segment"),
        c.requiredQuery("trading_symbol"));
    int minutes = c.intQuery("interval_in_minutes", 1, 1, 43_200);
    CandleInterval interval = CandleInterval.ofMinutes(minutes);
    long from = Wire.parseTime(c.requiredQuery("start_time"), "start_time");
    long to = Wire.parseTime(c.requiredQuery("end_time"), "end_time");
    checkSpan(from, to, interval, "interval_in_minutes " + minutes);
    ObjectNode p = Json.object();
    ArrayNode list = p.putArray("candles");
    for (long[] k : market.candles(inst, interval, from, to, clock.currentTimeMillis())) {
      list.addArray().add(k[0] / 1000).add(Json.rupees(k[1])).add(Json.rupees(k[2])).add(Json.rupees(k[3]))
          .add(Json.rupees(k[4])).add(k[5]);
    }
    return Endpoints.ok(p);
  }

  private static void checkSpan(long from, long to, CandleInterval interval, String what) {
    if (to <= from) {
      throw ApiError.badRequest("end_time " + Wire.localSpace(to) + " must be after start_time " + Wire.localSpace(from));
    }
    if (to - from > interval.maxDays * DAY) {
      throw ApiError.badRequest("the span from start_time to end_time is " + (to - from + DAY - 1) / DAY
          + " days, above the documented maximum of " + interval.maxDays + " days for " + what
          + " (the fake refuses it; what Groww does is UNCONFIRMED)");
    }
  }

  Reply expiries(Call c) {
    Exchange ex = Wire.enumValue(Exchange.class, c.requiredQuery("exchange"), "exchange");
    String underlying = c.requiredQuery("underlying_symbol");
    int year = c.intQuery("year", 0, 0, 9999);
    int month = c.intQuery("month", 0, 0, 12);
    TreeSet<LocalDate> dates = new TreeSet<>();
    for (Instrument i : derivatives(ex, underlying)) {
      LocalDate d = i.expiry().orElseThrow();
      if ((year == 0 || d.getYear() == year) && (month == 0 || d.getMonthValue() == month)) {
        dates.add(d);
      }
    }
    ObjectNode p = Json.object();
    ArrayNode list = p.putArray("expiries");
    dates.forEach(d -> list.add(d.toString()));
    return Endpoints.ok(p);
  }

  Reply contracts(Call c) {
    Exchange ex = Wire.enumValue(Exchange.class, c.requiredQuery("exchange"), "exchange");
    String underlying = c.requiredQuery("underlying_symbol");
    LocalDate expiry = Wire.parseDate(c.requiredQuery("expiry_date"), "expiry_date");
    TreeSet<String> symbols = new TreeSet<>();
    for (Instrument i : derivatives(ex, underlying)) {
      if (i.expiry().orElseThrow().equals(expiry)) {
        symbols.add(i.growwSymbol());
      }
    }
    ObjectNode p = Json.object();
    ArrayNode list = p.putArray("contracts");
    symbols.forEach(list::add);
    return Endpoints.ok(p);
  }

  /** Futures and options of {@code underlying} on {@code exchange}, with an expiry. */
  List<Instrument> derivatives(Exchange exchange, String underlying) {
    return instruments.all().stream()
        .filter(i -> i.exchange() == exchange && i.type().isDerivative() && i.expiry().isPresent()
            && i.underlying().map(u -> u.equalsIgnoreCase(underlying.trim())).orElse(false))
        .toList();
  }
}
