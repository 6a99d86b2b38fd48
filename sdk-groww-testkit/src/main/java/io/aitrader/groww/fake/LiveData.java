package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.TimeSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Quote, LTP and OHLC (§3.6) from the fake market at the clock's time. Callers hold the fake's lock. */
final class LiveData {
  static final int MAX_SYMBOLS = 50;
  private static final int DEPTH_LEVELS = 5;

  private final InstrumentRepository instruments;
  private final FakeMarket market;
  private final TimeSource clock;
  private final boolean ohlcAsObject;

  LiveData(InstrumentRepository instruments, FakeMarket market, TimeSource clock, boolean ohlcAsObject) {
    this.instruments = instruments;
    this.market = market;
    this.clock = clock;
    this.ohlcAsObject = ohlcAsObject;
  }

  Reply quote(Call c, OrderBook book) {
    Instrument inst = book.instrument(c.requiredQuery("exchange"), c.requiredQuery("segment"),
        c.requiredQuery("trading_symbol"));
    long now = clock.currentTimeMillis();
    FakeMarket.Day d = day(inst, now);
    Tick t = d.last();
    ObjectNode q = Json.object();
    q.set("average_price", d.volume() == 0 ? Json.rupees(t.lastPrice())
        : Json.decimal(BigDecimal.valueOf(d.turnoverUnits()).divide(BigDecimal.valueOf(d.volume()), 0,
            RoundingMode.HALF_EVEN).movePointLeft(Price.SCALE).setScale(2, RoundingMode.HALF_EVEN)));
    q.put("bid_quantity", t.bidQuantity());
    Json.putRupees(q, "bid_price", t.bidPrice());
    long change = t.lastPrice() - d.previousClose();
    Json.putRupees(q, "day_change", change);
    q.set("day_change_perc", Json.decimal(BigDecimal.valueOf(change * 100).divide(BigDecimal.valueOf(d.previousClose()),
        2, RoundingMode.HALF_EVEN)));
    long tick = inst.tickSize().units();
    Json.putRupees(q, "upper_circuit_limit", d.previousClose() * 12 / 10 / tick * tick);
    Json.putRupees(q, "lower_circuit_limit", (d.previousClose() * 8 / 10 + tick - 1) / tick * tick);
    q.set("ohlc", ohlc(d, t));
    ObjectNode depth = q.putObject("depth");
    ArrayNode buy = depth.putArray("buy");
    ArrayNode sell = depth.putArray("sell");
    long totalBuy = 0;
    long totalSell = 0;
    if (t.bidPrice() > 0 || t.askPrice() > 0) {
      for (int level = 0; level < DEPTH_LEVELS; level++) {
        long bidQty = t.bidQuantity() + level * inst.lotSize() * 3L;
        long askQty = t.askQuantity() + level * inst.lotSize() * 2L;
        long bid = t.bidPrice() - level * tick;
        if (bid > 0) {
          ObjectNode b = buy.addObject();
          Json.putRupees(b, "price", bid);
          b.put("quantity", bidQty);
          totalBuy += bidQty;
        }
        ObjectNode s = sell.addObject();
        Json.putRupees(s, "price", t.askPrice() + level * tick);
        s.put("quantity", askQty);
        totalSell += askQty;
      }
    }
    long[] year = market.yearRange(inst, now);
    Json.putRupees(q, "high_trade_range", d.previousClose() * 12 / 10 / tick * tick);
    q.set("implied_volatility", inst.type().isOption() ? Json.decimal(new BigDecimal("18.00")) : NullNode.getInstance());
    q.put("last_trade_quantity", d.lastQuantity());
    q.put("last_trade_time", t.timestampMillis());
    Json.putRupees(q, "low_trade_range", (d.previousClose() * 8 / 10 + tick - 1) / tick * tick);
    Json.putRupees(q, "last_price", t.lastPrice());
    q.set("market_cap", NullNode.getInstance());
    Json.putRupees(q, "offer_price", t.askPrice());
    q.put("offer_quantity", t.askQuantity());
    q.put("oi_day_change", 0);
    q.put("oi_day_change_percentage", 0);
    q.put("open_interest", inst.segment() == Segment.FNO ? 1_000L * inst.lotSize() : 0);
    q.put("previous_open_interest", inst.segment() == Segment.FNO ? 1_000L * inst.lotSize() : 0);
    q.put("total_buy_quantity", totalBuy);
    q.put("total_sell_quantity", totalSell);
    q.put("volume", d.volume());
    Json.putRupees(q, "week_52_high", Math.max(year[0], d.high()));
    Json.putRupees(q, "week_52_low", year[1] == 0 ? d.low() : Math.min(year[1], d.low()));
    return Endpoints.ok(q);
  }

  Reply ltp(Call c) {
    Segment segment = Wire.enumValue(Segment.class, c.requiredQuery("segment"), "segment");
    ObjectNode p = Json.object();
    long now = clock.currentTimeMillis();
    for (Map.Entry<String, Instrument> e : symbols(c, segment).entrySet()) {
      Json.putRupees(p, e.getKey(), day(e.getValue(), now).last().lastPrice());
    }
    return Endpoints.ok(p);
  }

  Reply ohlc(Call c) {
    Segment segment = Wire.enumValue(Segment.class, c.requiredQuery("segment"), "segment");
    ObjectNode p = Json.object();
    long now = clock.currentTimeMillis();
    for (Map.Entry<String, Instrument> e : symbols(c, segment).entrySet()) {
      FakeMarket.Day d = day(e.getValue(), now);
      p.set(e.getKey(), ohlc(d, d.last()));
    }
    return Endpoints.ok(p);
  }

  private com.fasterxml.jackson.databind.JsonNode ohlc(FakeMarket.Day d, Tick t) {
    if (ohlcAsObject) {
      ObjectNode o = Json.object();
      Json.putRupees(o, "open", d.open());
      Json.putRupees(o, "high", d.high());
      Json.putRupees(o, "low", d.low());
      Json.putRupees(o, "close", t.lastPrice());
      return o;
    }
    return Json.object().textNode("{open: " + Price.format(d.open()) + ",high: " + Price.format(d.high()) + ",low: "
        + Price.format(d.low()) + ",close: " + Price.format(t.lastPrice()) + "}");
  }

  /** {@code exchange_symbols}, comma-separated or repeated, as {@code EXCHANGE_SYMBOL} → instrument (≤ 50). */
  private Map<String, Instrument> symbols(Call c, Segment segment) {
    List<String> keys = new ArrayList<>();
    for (String v : c.queryAll("exchange_symbols")) {
      for (String k : v.split(",")) {
        if (!k.isBlank()) {
          keys.add(k.trim());
        }
      }
    }
    if (keys.isEmpty()) {
      throw ApiError.badRequest("query parameter 'exchange_symbols' is required (e.g. NSE_RELIANCE,NSE_TCS)");
    }
    if (keys.size() > MAX_SYMBOLS) {
      throw ApiError.badRequest("'exchange_symbols' may name at most " + MAX_SYMBOLS + " instruments per call, was "
          + keys.size());
    }
    Map<String, Instrument> out = new LinkedHashMap<>();
    for (String k : keys) {
      int u = k.indexOf('_');
      if (u <= 0 || u == k.length() - 1) {
        throw ApiError.badRequest("'exchange_symbols' entries must be EXCHANGE_TRADINGSYMBOL (e.g. NSE_RELIANCE), was '"
            + k + "'");
      }
      Exchange ex = Wire.enumValue(Exchange.class, k.substring(0, u), "exchange_symbols");
      Instrument inst = instruments.find(ex, k.substring(u + 1)).orElseThrow(() -> ApiError.badRequest(
          "Invalid trading symbol: " + k + " is not in the instrument master"));
      if (inst.segment() != segment) {
        throw ApiError.badRequest(k + " is in segment " + inst.segment() + ", not " + segment
            + " (all symbols of one call share the segment)");
      }
      out.put(k, inst);
    }
    return out;
  }

  private FakeMarket.Day day(Instrument inst, long now) {
    return market.day(inst, now).orElseThrow(() -> new ApiError(400, ApiError.UNAVAILABLE,
        "no market data for " + inst.id() + " at " + Wire.localIso(now) + " IST"));
  }
}
