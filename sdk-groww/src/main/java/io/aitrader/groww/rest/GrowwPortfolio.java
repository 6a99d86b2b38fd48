package io.aitrader.groww.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Groww's portfolio calls (§3.4), Non-trading bucket: holdings and positions.
 *
 * <pre>{@code
 * List<Holding> h = client.portfolio().holdings();
 * List<GrowwPosition> fno = client.portfolio().positions(Optional.of(Segment.FNO));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class GrowwPortfolio {
  private final GrowwHttp http;

  GrowwPortfolio(GrowwHttp http) {
    this.http = http;
  }

  /** {@code GET /v1/holdings/user}. */
  public List<Holding> holdings() {
    GrowwHttp.Call call = http.get("/v1/holdings/user").bucket(GrowwHttp.NON_TRADING);
    String e = call.endpoint();
    List<Holding> out = new ArrayList<>();
    for (JsonNode h : list(call.send(), "holdings", e)) {
      out.add(new Holding(Wire.optText(h, "isin"), Wire.text(h, "trading_symbol", e), Wire.decimal(h, "quantity", e),
          Wire.positivePrice(h, "average_price", e), Wire.decimalOrZero(h, "pledge_quantity", e),
          Wire.decimalOrZero(h, "demat_locked_quantity", e), Wire.decimalOrZero(h, "groww_locked_quantity", e),
          Wire.decimalOrZero(h, "repledge_quantity", e), Wire.decimalOrZero(h, "t1_quantity", e),
          Wire.decimalOrZero(h, "demat_free_quantity", e),
          Wire.decimalOrZero(h, "corporate_action_additional_quantity", e),
          Wire.decimalOrZero(h, "active_demat_transfer_quantity", e)));
    }
    return List.copyOf(out);
  }

  /** {@code GET /v1/positions/user[?segment=]}: every segment when empty. */
  public List<GrowwPosition> positions(Optional<Segment> segment) {
    GrowwHttp.Call call = http.get("/v1/positions/user").queryIfPresent("segment", segment.map(Segment::name))
        .bucket(GrowwHttp.NON_TRADING);
    return positionsOf(call);
  }

  /** {@code GET /v1/positions/trading-symbol?trading_symbol=&segment=}. */
  public List<GrowwPosition> positionsFor(String tradingSymbol, Segment segment) {
    ValidationException.requireText(tradingSymbol, "GrowwPortfolio.tradingSymbol");
    GrowwHttp.Call call = http.get("/v1/positions/trading-symbol").query("trading_symbol", tradingSymbol)
        .query("segment", segment.name()).bucket(GrowwHttp.NON_TRADING);
    return positionsOf(call);
  }

  private static List<GrowwPosition> positionsOf(GrowwHttp.Call call) {
    String e = call.endpoint();
    List<GrowwPosition> out = new ArrayList<>();
    for (JsonNode p : list(call.send(), "positions", e)) {
      out.add(new GrowwPosition(Wire.text(p, "trading_symbol", e), Wire.parse(p, "segment", e, Segment::parse),
          Wire.optText(p, "exchange"), Wire.optText(p, "product"), Wire.optText(p, "symbol_isin"),
          Wire.decimalOrZero(p, "quantity", e), Wire.decimalOrZero(p, "credit_quantity", e),
          Wire.decimalOrZero(p, "credit_price", e), Wire.decimalOrZero(p, "debit_quantity", e),
          Wire.decimalOrZero(p, "debit_price", e), Wire.decimalOrZero(p, "carry_forward_credit_quantity", e),
          Wire.decimalOrZero(p, "carry_forward_credit_price", e),
          Wire.decimalOrZero(p, "carry_forward_debit_quantity", e),
          Wire.decimalOrZero(p, "carry_forward_debit_price", e), Wire.decimalOrZero(p, "net_carry_forward_quantity", e),
          Wire.decimalOrZero(p, "net_price", e), Wire.decimalOrZero(p, "net_carry_forward_price", e),
          Wire.decimalOrZero(p, "realised_pnl", e)));
    }
    return List.copyOf(out);
  }

  static JsonNode list(JsonNode payload, String field, String endpoint) {
    JsonNode rows = payload.path(field);
    if (!rows.isArray()) {
      throw Wire.malformed(endpoint, field + " is not a list");
    }
    return rows;
  }
}
