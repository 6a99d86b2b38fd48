package io.aitrader.groww.broker;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.groww.rest.GrowwOrder;
import io.aitrader.groww.rest.GrowwTrade;
import java.util.Optional;

/** Turns Groww's order and trade objects into the SDK's {@link Order} and {@link Fill}. Stateless. */
final class OrderMapping {
  /** The strategy id given to orders this process did not place (made in the Groww app or another process). */
  static final String EXTERNAL_STRATEGY = "external";

  private OrderMapping() {}

  /** The request behind a Groww order that this broker did not place; empty when it cannot be expressed. */
  static Optional<OrderRequest> requestOf(GrowwOrder o, InstrumentRepository instruments) {
    Optional<Instrument> instrument = instruments.find(o.exchange(), o.tradingSymbol());
    if (instrument.isEmpty()) {
      return Optional.empty();
    }
    String ref = o.referenceId().filter(OrderRequest::isValidReferenceId).orElse(o.growwOrderId());
    if (!OrderRequest.isValidReferenceId(ref)) {
      return Optional.empty();
    }
    OrderRequest.Builder b = OrderRequest.builder().instrument(instrument.get()).side(o.side())
        .quantity(o.quantity()).orderType(o.orderType()).product(o.product()).validity(o.validity())
        .referenceId(ref).strategyId(EXTERNAL_STRATEGY);
    if (o.orderType().requiresLimitPrice()) {
      o.price().ifPresent(b::limitPrice);
    }
    if (o.orderType().requiresTriggerPrice()) {
      o.triggerPrice().ifPresent(b::triggerPrice);
    }
    try {
      return Optional.of(b.build());
    } catch (io.aitrader.api.ValidationException e) {
      return Optional.empty();
    }
  }

  /** The SDK order for a Groww order object and the request it carries out. */
  static Order orderOf(OrderRequest request, GrowwOrder o, long nowMillis) {
    long created = o.createdAtMillis().filter(t -> t > 0).orElse(nowMillis);
    long updated = Math.max(created, o.exchangeTimeMillis().orElse(nowMillis));
    long filled = Math.min(Math.max(0, o.filledQuantity()), request.quantity());
    Optional<Price> avg = filled == 0 ? Optional.empty() : o.averageFillPrice();
    if (filled > 0 && avg.isEmpty()) {
      filled = 0; // Groww reported a fill without a price: report none rather than an invalid order
    }
    return new Order(request, o.growwOrderId(), o.status(), filled, avg, o.remark(), created, updated);
  }

  /** The request as Groww now holds it (a modification changes quantity, type and prices). */
  static OrderRequest currentRequest(OrderRequest known, GrowwOrder o) {
    if (o.quantity() == known.quantity() && o.orderType() == known.orderType()) {
      return known;
    }
    try {
      OrderRequest.Builder b = known.toBuilder().quantity(o.quantity()).orderType(o.orderType()).noLimitPrice()
          .noTriggerPrice();
      if (o.orderType().requiresLimitPrice()) {
        o.price().ifPresent(b::limitPrice);
      }
      if (o.orderType() == OrderType.SL || o.orderType() == OrderType.SL_M) {
        o.triggerPrice().ifPresent(b::triggerPrice);
      }
      return b.build();
    } catch (io.aitrader.api.ValidationException e) {
      return known;
    }
  }

  static Optional<Fill> fillOf(GrowwTrade t, Order order) {
    long time = t.tradeTimeMillis().orElse(order.updatedAtMillis());
    if (t.quantity() <= 0 || !t.price().isPositive() || time <= 0) {
      return Optional.empty();
    }
    Instrument instrument = order.instrument();
    if (instrument.exchange() != t.exchange()) {
      return Optional.empty();
    }
    return Optional.of(new Fill(t.growwTradeId(), t.growwOrderId(), order.referenceId(), instrument, t.side(),
        t.quantity(), t.price(), time, t.product()));
  }
}
