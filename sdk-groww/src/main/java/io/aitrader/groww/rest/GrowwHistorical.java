package io.aitrader.groww.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.time.Ist;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Groww's historical calls (§3.7): candles, expiries, contracts. No bucket is documented for them: the
 * Non-trading bucket (20/s, 500/min) is used, UNCONFIRMED.
 *
 * <pre>{@code
 * List<Candle> c = client.historical().candles(Exchange.NSE, Segment.CASH, "NSE-WIPRO",
 *     LocalDateTime.parse("2025-01-01T09:15"), LocalDateTime.parse("2025-03-31T15:30"), CandleInterval.MINUTE_5);
 * }</pre>
 *
 * <p>{@link #candles} splits a range longer than the interval's maximum span into several requests and stitches
 * the answers in time order without duplicates (consecutive requests share their boundary; a candle opening at it
 * is taken from the later request, so neither an inclusive nor an exclusive {@code end_time} loses or cuts it).
 * Times are IST; candle times are accepted with a space or a {@code T}, or as epoch seconds. Thread-safe.
 */
public final class GrowwHistorical {
  private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final GrowwHttp http;

  GrowwHistorical(GrowwHttp http) {
    this.http = http;
  }

  /** The candles of {@code [start, end]} (IST), in time order, from as many requests as the maximum span needs. */
  public List<Candle> candles(Exchange exchange, Segment segment, String growwSymbol, LocalDateTime start,
      LocalDateTime end, CandleInterval interval) {
    ValidationException.requireText(growwSymbol, "GrowwHistorical.growwSymbol");
    ValidationException.required(start, "GrowwHistorical.start");
    ValidationException.required(end, "GrowwHistorical.end");
    ValidationException.required(interval, "GrowwHistorical.interval");
    ValidationException.check(!end.isBefore(start), "GrowwHistorical.end", "must not be before start " + start, end);
    TreeMap<Long, Candle> byStart = new TreeMap<>();
    long startMillis = millis(start);
    long endMillis = millis(end);
    // asked up to the last second of the candle opening at `end`, so that candle comes back whether Groww's end_time
    // is inclusive or exclusive (UNCONFIRMED); candles opening after `end` are dropped below
    LocalDateTime until = end.plus(interval.length()).minusSeconds(1);
    LocalDateTime from = start;
    while (true) {
      LocalDateTime to = from.plus(interval.maxSpan());
      boolean last = !to.isBefore(until);
      if (last) {
        to = until;
      }
      // consecutive requests meet at `to`: a candle opening there is taken from the next request, which asks for it
      // from its start, whether Groww's end_time is inclusive or exclusive (UNCONFIRMED)
      long fromMillis = millis(from);
      long toMillis = millis(to);
      for (Candle c : candlesOnce(exchange, segment, growwSymbol, from, to, interval)) {
        if (c.startMillis() >= fromMillis && (c.startMillis() < toMillis || last)) {
          byStart.putIfAbsent(c.startMillis(), c);
        }
      }
      if (last) {
        break;
      }
      from = to;
    }
    return List.copyOf(byStart.subMap(startMillis, true, endMillis, true).values());
  }

  private static long millis(LocalDateTime t) {
    return Ist.toEpochMillis(t.toLocalDate(), t.toLocalTime());
  }

  /** One {@code GET /v1/historical/candles} request (the span must not exceed the interval's maximum). */
  public List<Candle> candlesOnce(Exchange exchange, Segment segment, String growwSymbol, LocalDateTime start,
      LocalDateTime end, CandleInterval interval) {
    GrowwHttp.Call call = http.get("/v1/historical/candles").query("exchange", exchange.name())
        .query("segment", segment.name()).query("groww_symbol", growwSymbol)
        .query("start_time", WIRE_TIME.format(start)).query("end_time", WIRE_TIME.format(end))
        .query("candle_interval", interval.wireName()).bucket(GrowwHttp.NON_TRADING);
    JsonNode rows = call.send().path("candles");
    String e = call.endpoint();
    if (rows.isMissingNode() || rows.isNull()) {
      return List.of();
    }
    if (!rows.isArray()) {
      throw Wire.malformed(e, "candles is not a list");
    }
    List<Candle> out = new ArrayList<>(rows.size());
    for (JsonNode r : rows) {
      out.add(candle(r, e));
    }
    return out;
  }

  static Candle candle(JsonNode r, String endpoint) {
    if (!r.isArray() || r.size() < 6) {
      throw Wire.malformed(endpoint, "a candle must be [time, open, high, low, close, volume, oi], was "
          + Wire.shorten(r.toString()));
    }
    long start;
    JsonNode ts = r.get(0);
    if (ts.isNumber()) {
      Variants.seen("candle time", "epoch number");
      start = Wire.fromEpochNumber(ts.asLong());
    } else {
      String t = ts.asText();
      Variants.seen("candle time", t.length() > 10 && t.charAt(10) == 'T' ? "ISO with T" : "space-separated");
      try {
        start = Wire.epochMillis(t);
      } catch (DateTimeParseException ex) {
        throw Wire.malformed(endpoint, "candle time '" + Wire.shorten(t) + "' is not a date-time");
      }
    }
    Optional<BigDecimal> oi = r.size() > 6 && !r.get(6).isNull()
        ? Optional.of(Wire.decimalOf(r.get(6), "open_interest", endpoint)) : Optional.empty();
    return new Candle(start, Wire.price(Wire.decimalOf(r.get(1), "open", endpoint)),
        Wire.price(Wire.decimalOf(r.get(2), "high", endpoint)), Wire.price(Wire.decimalOf(r.get(3), "low", endpoint)),
        Wire.price(Wire.decimalOf(r.get(4), "close", endpoint)),
        r.get(5).isNull() ? BigDecimal.ZERO : Wire.decimalOf(r.get(5), "volume", endpoint), oi);
  }

  /** {@code GET /v1/historical/expiries?exchange=&underlying_symbol=[&year=][&month=]}, in date order. */
  public List<LocalDate> expiries(Exchange exchange, String underlying, Optional<Integer> year,
      Optional<Integer> month) {
    ValidationException.requireText(underlying, "GrowwHistorical.underlying");
    GrowwHttp.Call call = http.get("/v1/historical/expiries").query("exchange", exchange.name())
        .query("underlying_symbol", underlying).queryIfPresent("year", year).queryIfPresent("month", month)
        .bucket(GrowwHttp.NON_TRADING);
    List<LocalDate> out = new ArrayList<>();
    for (String s : strings(call.send().path("expiries"), "expiries", call.endpoint())) {
      try {
        out.add(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
      } catch (DateTimeParseException e) {
        throw Wire.malformed(call.endpoint(), "expiry '" + Wire.shorten(s) + "' is not a date YYYY-MM-DD");
      }
    }
    out.sort(null);
    return List.copyOf(out);
  }

  /** {@code GET /v1/historical/contracts?exchange=&underlying_symbol=&expiry_date=}: Groww symbols of the contracts. */
  public List<String> contracts(Exchange exchange, String underlying, LocalDate expiry) {
    ValidationException.requireText(underlying, "GrowwHistorical.underlying");
    ValidationException.required(expiry, "GrowwHistorical.expiry");
    GrowwHttp.Call call = http.get("/v1/historical/contracts").query("exchange", exchange.name())
        .query("underlying_symbol", underlying).query("expiry_date", expiry.toString()).bucket(GrowwHttp.NON_TRADING);
    return List.copyOf(strings(call.send().path("contracts"), "contracts", call.endpoint()));
  }

  private static List<String> strings(JsonNode rows, String field, String endpoint) {
    if (rows.isMissingNode() || rows.isNull()) {
      return List.of();
    }
    if (!rows.isArray()) {
      throw Wire.malformed(endpoint, field + " is not a list");
    }
    List<String> out = new ArrayList<>(rows.size());
    for (JsonNode r : rows) {
      out.add(r.asText());
    }
    return out;
  }
}
