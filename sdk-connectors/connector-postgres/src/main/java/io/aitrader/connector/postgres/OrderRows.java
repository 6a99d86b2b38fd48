package io.aitrader.connector.postgres;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.StoredOrder;
import io.aitrader.api.order.Validity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/** Maps orders to the columns of the {@code orders} table and back. Stateless. */
final class OrderRows {
  /** The request columns, in binding order; the state copy prefixes each with {@code state_}. */
  static final String[] REQUEST_COLUMNS = {"instrument_id", "side", "quantity", "order_type", "limit_price_units",
      "trigger_price_units", "product", "validity", "strategy_id", "algo_id", "tag"};
  static final String[] STATE_COLUMNS = {"broker_order_id", "status", "filled_quantity", "average_fill_price_units",
      "remark", "created_at_millis", "updated_at_millis"};

  private OrderRows() {}

  static String columns(String prefix) {
    StringBuilder b = new StringBuilder();
    for (String c : REQUEST_COLUMNS) {
      b.append(b.length() == 0 ? "" : ", ").append(prefix).append(c);
    }
    return b.toString();
  }

  /** Binds the request's 11 columns from parameter {@code from}; returns the next parameter index. */
  static int bindRequest(PreparedStatement p, int from, OrderRequest r) throws SQLException {
    int i = from;
    p.setString(i++, r.instrument().id());
    p.setString(i++, r.side().name());
    p.setLong(i++, r.quantity());
    p.setString(i++, r.orderType().name());
    setUnits(p, i++, r.limitPrice());
    setUnits(p, i++, r.triggerPrice());
    p.setString(i++, r.product().name());
    p.setString(i++, r.validity().name());
    p.setString(i++, r.strategyId());
    p.setString(i++, r.algoId().orElse(null));
    p.setString(i++, r.tag().orElse(null));
    return i;
  }

  /** Binds the order's request and its 7 state columns; returns the next parameter index. */
  static int bindState(PreparedStatement p, int from, Order o) throws SQLException {
    int i = bindRequest(p, from, o.request());
    p.setString(i++, o.brokerOrderId());
    p.setString(i++, o.status().name());
    p.setLong(i++, o.filledQuantity());
    setUnits(p, i++, o.averageFillPrice());
    p.setString(i++, o.remark().orElse(null));
    p.setLong(i++, o.createdAtMillis());
    p.setLong(i++, o.updatedAtMillis());
    return i;
  }

  private static void setUnits(PreparedStatement p, int index, Optional<Price> price) throws SQLException {
    if (price.isPresent()) {
      p.setLong(index, price.orElseThrow().units());
    } else {
      p.setNull(index, Types.BIGINT);
    }
  }

  /** The stored order of the current row (selected with {@code SELECT *}). */
  static StoredOrder read(ResultSet rs, InstrumentRepository instruments) throws SQLException {
    String referenceId = rs.getString("reference_id");
    OrderRequest request = request(rs, "", referenceId, instruments);
    Optional<Order> state = Optional.empty();
    if (rs.getString("broker_order_id") != null) {
      state = Optional.of(new Order(request(rs, "state_", referenceId, instruments), rs.getString("broker_order_id"),
          OrderStatus.valueOf(rs.getString("status")), rs.getLong("filled_quantity"),
          units(rs, "average_fill_price_units"), Optional.ofNullable(rs.getString("remark")),
          rs.getLong("created_at_millis"), rs.getLong("updated_at_millis")));
    }
    return new StoredOrder(request, rs.getLong("recorded_at_millis"), state,
        Optional.ofNullable(rs.getString("failure")));
  }

  private static OrderRequest request(ResultSet rs, String prefix, String referenceId, InstrumentRepository instruments)
      throws SQLException {
    String instrumentId = rs.getString(prefix + "instrument_id");
    Instrument instrument = instruments.findById(instrumentId).orElseThrow(() -> new ConfigurationException(
        "order " + referenceId + " in PostgreSQL trades instrument " + instrumentId + ", which the instrument"
            + " repository does not have: load the instrument master that has it"));
    OrderRequest.Builder b = OrderRequest.builder().instrument(instrument)
        .side(Side.valueOf(rs.getString(prefix + "side"))).quantity(rs.getLong(prefix + "quantity"))
        .orderType(OrderType.valueOf(rs.getString(prefix + "order_type")))
        .product(Product.valueOf(rs.getString(prefix + "product")))
        .validity(Validity.valueOf(rs.getString(prefix + "validity")))
        .referenceId(referenceId).strategyId(rs.getString(prefix + "strategy_id"));
    units(rs, prefix + "limit_price_units").ifPresent(b::limitPrice);
    units(rs, prefix + "trigger_price_units").ifPresent(b::triggerPrice);
    String algo = rs.getString(prefix + "algo_id");
    if (algo != null) {
      b.algoId(algo);
    }
    String tag = rs.getString(prefix + "tag");
    if (tag != null) {
      b.tag(tag);
    }
    return b.build();
  }

  private static Optional<Price> units(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Price.ofUnits(v));
  }
}
