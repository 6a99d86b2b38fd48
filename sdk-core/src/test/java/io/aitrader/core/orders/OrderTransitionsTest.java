package io.aitrader.core.orders;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.money.Price;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderTransitionsTest {
  private static final long T0 = 1_736_135_100_000L;

  /**
   * The lifecycle, written out state by state: every pair not listed here must be refused. (Independent of the
   * implementation's table on purpose.)
   */
  private static final Map<String, String> LEGAL = Map.ofEntries(
      Map.entry("NEW", "DELIVERY_AWAITED COMPLETED ACKED APPROVED TRIGGER_PENDING OPEN EXECUTED CANCELLED REJECTED FAILED MODIFICATION_REQUESTED CANCELLATION_REQUESTED"),
      Map.entry("ACKED", "DELIVERY_AWAITED COMPLETED APPROVED TRIGGER_PENDING OPEN EXECUTED CANCELLED REJECTED FAILED MODIFICATION_REQUESTED CANCELLATION_REQUESTED"),
      Map.entry("APPROVED", "DELIVERY_AWAITED COMPLETED TRIGGER_PENDING OPEN EXECUTED CANCELLED REJECTED FAILED MODIFICATION_REQUESTED CANCELLATION_REQUESTED"),
      Map.entry("TRIGGER_PENDING", "DELIVERY_AWAITED COMPLETED OPEN EXECUTED CANCELLED REJECTED FAILED MODIFICATION_REQUESTED CANCELLATION_REQUESTED"),
      Map.entry("OPEN", "DELIVERY_AWAITED COMPLETED TRIGGER_PENDING EXECUTED CANCELLED REJECTED FAILED MODIFICATION_REQUESTED CANCELLATION_REQUESTED"),
      Map.entry("MODIFICATION_REQUESTED", "DELIVERY_AWAITED COMPLETED TRIGGER_PENDING OPEN EXECUTED CANCELLED REJECTED FAILED CANCELLATION_REQUESTED"),
      Map.entry("CANCELLATION_REQUESTED", "DELIVERY_AWAITED COMPLETED TRIGGER_PENDING OPEN EXECUTED CANCELLED REJECTED FAILED MODIFICATION_REQUESTED"),
      Map.entry("EXECUTED", "DELIVERY_AWAITED COMPLETED"),
      Map.entry("DELIVERY_AWAITED", "COMPLETED"),
      Map.entry("COMPLETED", ""),
      Map.entry("CANCELLED", ""),
      Map.entry("REJECTED", ""),
      Map.entry("FAILED", ""));

  private static Set<OrderStatus> legalFrom(OrderStatus from) {
    Set<OrderStatus> s = EnumSet.noneOf(OrderStatus.class);
    for (String name : LEGAL.get(from.name()).split(" ")) {
      if (!name.isEmpty()) {
        s.add(OrderStatus.valueOf(name));
      }
    }
    return s;
  }

  private static final OrderRequest REQUEST = OrderRequest.builder().instrument(RELIANCE).side(Side.BUY).quantity(10)
      .orderType(OrderType.LIMIT).limitPrice(Price.of("2500.00")).product(Product.MIS).referenceId("spec-000001")
      .strategyId("spec").build();

  private static Order in(OrderStatus status, long filled) {
    return new Order(REQUEST, "GMK1", status, filled, filled == 0 ? Optional.empty() : Optional.of(Price.of("2500.00")),
        Optional.empty(), T0, T0);
  }

  @Test
  void everyPairOfStatusesIsAllowedExactlyWhenTheLifecycleSaysSo() {
    List<String> wrong = new ArrayList<>();
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        if (from == to) {
          continue;
        }
        boolean expected = legalFrom(from).contains(to);
        if (OrderTransitions.isAllowed(from, to) != expected) {
          wrong.add(from + "→" + to + " should be " + (expected ? "allowed" : "refused"));
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(LEGAL).hasSize(OrderStatus.values().length);
  }

  @Test
  void aTerminalOrderNeverBecomesActiveAgain() {
    for (OrderStatus terminal : EnumSet.of(OrderStatus.CANCELLED, OrderStatus.REJECTED, OrderStatus.FAILED, OrderStatus.COMPLETED)) {
      for (OrderStatus active : OrderStatus.values()) {
        if (active.isActive()) {
          assertThat(OrderTransitions.check(in(terminal, 0), in(active, 0))).as(terminal + "→" + active).isPresent();
        }
      }
    }
  }

  @Test
  void theFilledQuantityNeverGoesBack() {
    assertThat(OrderTransitions.check(in(OrderStatus.OPEN, 6), in(OrderStatus.OPEN, 4)))
        .hasValueSatisfying(r -> assertThat(r).contains("from 6 to 4"));
    assertThat(OrderTransitions.check(in(OrderStatus.OPEN, 4), in(OrderStatus.OPEN, 6))).isEmpty();
  }

  @Test
  void aFilledStatusNeedsTheWholeQuantity() {
    assertThat(OrderTransitions.check(in(OrderStatus.OPEN, 4), in(OrderStatus.EXECUTED, 4)))
        .hasValueSatisfying(r -> assertThat(r).contains("needs the whole quantity 10"));
    assertThat(OrderTransitions.check(in(OrderStatus.OPEN, 4), in(OrderStatus.EXECUTED, 10))).isEmpty();
  }

  @Test
  void aRepeatedStateIsADuplicateNotAnError() {
    assertThat(OrderTransitions.isDuplicate(in(OrderStatus.OPEN, 4), in(OrderStatus.OPEN, 4))).isTrue();
    assertThat(OrderTransitions.check(in(OrderStatus.CANCELLED, 4), in(OrderStatus.CANCELLED, 4))).isEmpty();
    assertThat(OrderTransitions.isDuplicate(in(OrderStatus.OPEN, 4), in(OrderStatus.OPEN, 5))).isFalse();
  }

  @Test
  void anUpdateForAnotherOrderIsRefused() {
    Order other = new Order(REQUEST.toBuilder().referenceId("spec-000002").build(), "GMK2", OrderStatus.OPEN, 0,
        Optional.empty(), Optional.empty(), T0, T0);

    assertThat(OrderTransitions.check(in(OrderStatus.OPEN, 0), other)).hasValueSatisfying(r -> assertThat(r).contains("spec-000002"));
  }
}
