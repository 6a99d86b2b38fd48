package io.aitrader.groww.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groww's live-data REST calls (§3.6): quote, LTP and OHLC (Live-data bucket, 10/s and 300/min), option chain and
 * greeks (no documented bucket: the Live-data bucket is used, UNCONFIRMED).
 *
 * <pre>{@code
 * Map<String, Price> ltp = client.liveData().ltp(Segment.CASH, List.of("NSE_RELIANCE", "BSE_SENSEX"));
 * }</pre>
 *
 * <p>LTP and OHLC take any number of {@code EXCHANGE_SYMBOL} keys and send them 50 per call (Groww's limit),
 * comma-separated in one {@code exchange_symbols} parameter. OHLC values are read both as JSON objects and as
 * Groww's non-JSON string form {@code "{open: 149.50,high: 150.50,low: 148.50,close: 149.50}"}. Thread-safe.
 */
public final class GrowwLiveData {
  /** The most symbols one LTP or OHLC call may carry. */
  public static final int MAX_SYMBOLS_PER_CALL = 50;

  private static final Pattern OHLC_FIELD = Pattern.compile("\"?(open|high|low|close)\"?\\s*:\\s*\"?(-?[0-9.]+)\"?");

  private final GrowwHttp http;

  GrowwLiveData(GrowwHttp http) {
    this.http = http;
  }

  /** {@code GET /v1/live-data/quote?exchange=&segment=&trading_symbol=}. */
  public GrowwQuote quote(Exchange exchange, Segment segment, String tradingSymbol) {
    ValidationException.requireText(tradingSymbol, "GrowwLiveData.tradingSymbol");
    GrowwHttp.Call call = http.get("/v1/live-data/quote").query("exchange", exchange.name())
        .query("segment", segment.name()).query("trading_symbol", tradingSymbol).bucket(GrowwHttp.LIVE_DATA);
    JsonNode p = call.send();
    String e = call.endpoint();
    JsonNode depth = p.path("depth");
    return new GrowwQuote(Wire.positivePrice(p, "last_price", e), Wire.optTime(p, "last_trade_time", e),
        Wire.decimalOrZero(p, "last_trade_quantity", e), Wire.absent(p, "ohlc") ? Optional.empty()
        : Optional.of(ohlcOf(p.get("ohlc"), "ohlc", e)), Wire.decimalOrZero(p, "day_change", e),
        Wire.decimalOrZero(p, "day_change_perc", e), Wire.positivePrice(p, "average_price", e),
        Wire.decimalOrZero(p, "volume", e), Wire.positivePrice(p, "bid_price", e),
        Wire.decimalOrZero(p, "bid_quantity", e), Wire.positivePrice(p, "offer_price", e),
        Wire.decimalOrZero(p, "offer_quantity", e), Wire.decimalOrZero(p, "total_buy_quantity", e),
        Wire.decimalOrZero(p, "total_sell_quantity", e), Wire.positivePrice(p, "upper_circuit_limit", e),
        Wire.positivePrice(p, "lower_circuit_limit", e), Wire.positivePrice(p, "week_52_high", e),
        Wire.positivePrice(p, "week_52_low", e), Wire.decimalOrZero(p, "open_interest", e),
        Wire.optDecimal(p, "implied_volatility", e), levels(depth.path("buy"), e), levels(depth.path("sell"), e));
  }

  private static List<DepthLevel> levels(JsonNode rows, String endpoint) {
    List<DepthLevel> out = new ArrayList<>();
    if (rows.isArray()) {
      for (JsonNode r : rows) {
        out.add(new DepthLevel(Wire.price(Wire.decimalOrZero(r, "price", endpoint)),
            Wire.decimalOrZero(r, "quantity", endpoint)));
      }
    }
    return out;
  }

  /**
   * Last traded prices of {@code exchangeSymbols} ({@code NSE_RELIANCE}, …; all of one segment), keyed as given.
   * Symbols Groww does not return are absent from the map.
   */
  public Map<String, Price> ltp(Segment segment, List<String> exchangeSymbols) {
    Map<String, Price> out = new LinkedHashMap<>();
    for (List<String> batch : batches(exchangeSymbols)) {
      GrowwHttp.Call call = http.get("/v1/live-data/ltp").query("segment", segment.name())
          .query("exchange_symbols", String.join(",", batch)).bucket(GrowwHttp.LIVE_DATA);
      JsonNode p = call.send();
      requireObject(p, call.endpoint());
      for (Map.Entry<String, JsonNode> f : p.properties()) {
        if (!f.getValue().isNull()) {
          out.put(f.getKey(), Wire.price(Wire.decimalOf(f.getValue(), f.getKey(), call.endpoint())));
        }
      }
    }
    return out;
  }

  /** Day OHLC of {@code exchangeSymbols} (all of one segment), keyed as given; 50 per call. */
  public Map<String, Ohlc> ohlc(Segment segment, List<String> exchangeSymbols) {
    Map<String, Ohlc> out = new LinkedHashMap<>();
    for (List<String> batch : batches(exchangeSymbols)) {
      GrowwHttp.Call call = http.get("/v1/live-data/ohlc").query("segment", segment.name())
          .query("exchange_symbols", String.join(",", batch)).bucket(GrowwHttp.LIVE_DATA);
      JsonNode p = call.send();
      requireObject(p, call.endpoint());
      for (Map.Entry<String, JsonNode> f : p.properties()) {
        if (!f.getValue().isNull()) {
          out.put(f.getKey(), ohlcOf(f.getValue(), f.getKey(), call.endpoint()));
        }
      }
    }
    return out;
  }

  private static void requireObject(JsonNode p, String endpoint) {
    if (!p.isObject()) {
      throw Wire.malformed(endpoint, "the payload is not a map of symbols");
    }
  }

  private static List<List<String>> batches(List<String> symbols) {
    ValidationException.required(symbols, "GrowwLiveData.exchangeSymbols");
    ValidationException.check(!symbols.isEmpty(), "GrowwLiveData.exchangeSymbols", "must not be empty", symbols);
    for (String s : symbols) {
      ValidationException.check(s != null && s.indexOf('_') > 0, "GrowwLiveData.exchangeSymbols",
          "must be EXCHANGE_SYMBOL keys like NSE_RELIANCE", s);
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < symbols.size(); i += MAX_SYMBOLS_PER_CALL) {
      out.add(List.copyOf(symbols.subList(i, Math.min(symbols.size(), i + MAX_SYMBOLS_PER_CALL))));
    }
    return out;
  }

  /** An OHLC value: a JSON object, or Groww's non-JSON string {@code "{open: 149.50,high: …}"}. */
  static Ohlc ohlcOf(JsonNode v, String field, String endpoint) {
    if (v.isObject()) {
      Variants.seen("OHLC value", "JSON object");
      return new Ohlc(Wire.price(Wire.decimal(v, "open", endpoint)), Wire.price(Wire.decimal(v, "high", endpoint)),
          Wire.price(Wire.decimal(v, "low", endpoint)), Wire.price(Wire.decimal(v, "close", endpoint)));
    }
    if (v.isTextual()) {
      Variants.seen("OHLC value", "string form");
      Map<String, BigDecimal> parts = new LinkedHashMap<>();
      Matcher m = OHLC_FIELD.matcher(v.asText());
      while (m.find()) {
        try {
          parts.put(m.group(1), new BigDecimal(m.group(2)));
        } catch (NumberFormatException e) {
          throw Wire.malformed(endpoint, field + " has a bad number '" + Wire.shorten(m.group(2)) + "'");
        }
      }
      if (parts.size() == 4) {
        return new Ohlc(Wire.price(parts.get("open")), Wire.price(parts.get("high")), Wire.price(parts.get("low")),
            Wire.price(parts.get("close")));
      }
      throw Wire.malformed(endpoint, field + " is not an OHLC value: '" + Wire.shorten(v.asText()) + "'");
    }
    throw Wire.malformed(endpoint, field + " is not an OHLC value: " + Wire.shorten(v.toString()));
  }

  /** {@code GET /v1/option-chain/exchange/{exchange}/underlying/{underlying}?expiry_date=}. */
  public OptionChain optionChain(Exchange exchange, String underlying, LocalDate expiry) {
    ValidationException.requireText(underlying, "GrowwLiveData.underlying");
    ValidationException.required(expiry, "GrowwLiveData.expiry");
    GrowwHttp.Call call = http.get("/v1/option-chain/exchange/" + exchange.name() + "/underlying/" + underlying)
        .query("expiry_date", expiry.toString()).bucket(GrowwHttp.LIVE_DATA);
    JsonNode p = call.send();
    String e = call.endpoint();
    List<OptionChain.Strike> strikes = new ArrayList<>();
    JsonNode rows = p.path("strikes");
    for (Map.Entry<String, JsonNode> f : rows.properties()) {
      Price strike;
      try {
        strike = Wire.price(new BigDecimal(f.getKey().trim()));
      } catch (NumberFormatException ex) {
        throw Wire.malformed(e, "strike key '" + Wire.shorten(f.getKey()) + "' is not a number");
      }
      strikes.add(new OptionChain.Strike(strike, leg(f.getValue().get("CE"), e), leg(f.getValue().get("PE"), e)));
    }
    strikes.sort((a, b) -> a.strike().compareTo(b.strike()));
    return new OptionChain(Wire.positivePrice(p, "underlying_ltp", e), strikes);
  }

  private static Optional<OptionChain.Leg> leg(JsonNode n, String endpoint) {
    if (n == null || !n.isObject()) {
      return Optional.empty();
    }
    JsonNode g = n.get("greeks");
    return Optional.of(new OptionChain.Leg(Wire.text(n, "trading_symbol", endpoint),
        Wire.positivePrice(n, "ltp", endpoint), Wire.decimalOrZero(n, "open_interest", endpoint),
        Wire.decimalOrZero(n, "volume", endpoint),
        g == null || !g.isObject() ? Optional.empty() : Optional.of(greeksOf(g, endpoint))));
  }

  static Greeks greeksOf(JsonNode g, String endpoint) {
    return new Greeks(Wire.decimalOrZero(g, "delta", endpoint), Wire.decimalOrZero(g, "gamma", endpoint),
        Wire.decimalOrZero(g, "theta", endpoint), Wire.decimalOrZero(g, "vega", endpoint),
        Wire.decimalOrZero(g, "rho", endpoint), Wire.decimalOrZero(g, "iv", endpoint));
  }

  /**
   * {@code GET /v1/live-data/greeks/exchange/{e}/underlying/{u}/trading_symbol/{s}/expiry/{yyyy-MM-dd}}. The
   * response shape is UNCONFIRMED: the greeks are read from a {@code greeks} object when there is one, else from
   * the payload itself.
   */
  public Greeks greeks(Exchange exchange, String underlying, String tradingSymbol, LocalDate expiry) {
    ValidationException.requireText(underlying, "GrowwLiveData.underlying");
    ValidationException.requireText(tradingSymbol, "GrowwLiveData.tradingSymbol");
    ValidationException.required(expiry, "GrowwLiveData.expiry");
    GrowwHttp.Call call = http.get("/v1/live-data/greeks/exchange/" + exchange.name() + "/underlying/" + underlying
        + "/trading_symbol/" + tradingSymbol + "/expiry/" + expiry).bucket(GrowwHttp.LIVE_DATA);
    JsonNode p = call.send();
    JsonNode g = p.path("greeks");
    Variants.seen("greeks response", g.isObject() ? "greeks object" : "flat payload");
    return greeksOf(g.isObject() ? g : p, call.endpoint());
  }
}
