package io.aitrader.api.order;

import static io.aitrader.api.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Fixtures;
import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderTest {
  private final OrderRequest request = OrderRequestTest.limitBuy().build();

  @Test
  void acceptedOrderHasNothingFilled() {
    Order o = Order.accepted(request, "GMK39038RDT490CCVRO", OrderStatus.OPEN, T0);

    assertThat(o.filledQuantity()).isZero();
    assertThat(o.remainingQuantity()).isEqualTo(10);
    assertThat(o.averageFillPrice()).isEmpty();
    assertThat(o.remark()).isEmpty();
    assertThat(o.referenceId()).isEqualTo("mom5m-000042");
    assertThat(o.instrument()).isEqualTo(Fixtures.reliance());
    assertThat(o.isTerminal()).isFalse();
  }

  @Test
  void updatesKeepIdentityAndTrackFills() {
    Order o = Order.accepted(request, "GMK1", OrderStatus.OPEN, T0)
        .updated(OrderStatus.OPEN, 4, Optional.of(Price.of("2534.00")), Optional.empty(), T0 + 10);

    assertThat(o.remainingQuantity()).isEqualTo(6);
    assertThat(o.createdAtMillis()).isEqualTo(T0);
    assertThat(o.updatedAtMillis()).isEqualTo(T0 + 10);
    assertThat(o.withStatus(OrderStatus.CANCELLED, T0 + 20).isTerminal()).isTrue();
    assertThat(o.withStatus(OrderStatus.CANCELLED, T0 + 20).filledQuantity()).isEqualTo(4);
  }

  @Test
  void filledQuantityMustFitTheRequest() {
    Order o = Order.accepted(request, "GMK1", OrderStatus.OPEN, T0);

    assertThatThrownBy(() -> o.updated(OrderStatus.OPEN, 11, Optional.of(Price.of("1")), Optional.empty(), T0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Order.filledQuantity must be within [0, 10] (order mom5m-000042), was 11");
    assertThatThrownBy(() -> o.updated(OrderStatus.OPEN, -1, Optional.empty(), Optional.empty(), T0))
        .hasMessageContaining("was -1");
  }

  @Test
  void averageFillPriceIsPresentExactlyWhenSomethingFilled() {
    Order o = Order.accepted(request, "GMK1", OrderStatus.OPEN, T0);

    assertThatThrownBy(() -> o.updated(OrderStatus.OPEN, 2, Optional.empty(), Optional.empty(), T0))
        .hasMessage("Order.averageFillPrice must be > 0 when 2 have filled (order mom5m-000042), was empty");
    assertThatThrownBy(() -> o.updated(OrderStatus.OPEN, 0, Optional.of(Price.of("1")), Optional.empty(), T0))
        .hasMessageStartingWith("Order.averageFillPrice must be empty when nothing has filled");
  }

  @Test
  void timesAndIdsAreChecked() {
    assertThatThrownBy(() -> Order.accepted(request, " ", OrderStatus.NEW, T0)).hasMessageContaining("Order.brokerOrderId must not be blank");
    assertThatThrownBy(() -> Order.accepted(request, "GMK1", OrderStatus.NEW, 0)).hasMessageStartingWith("Order.createdAtMillis must be > 0");
    Order o = Order.accepted(request, "GMK1", OrderStatus.NEW, T0);
    assertThatThrownBy(() -> o.withStatus(OrderStatus.OPEN, T0 - 1)).hasMessageStartingWith("Order.updatedAtMillis must be >= createdAtMillis");
  }

  @Test
  void modificationAppliesWithTheSameRules() {
    OrderModification m = OrderModification.of(request).withLimitPrice(Price.of("2530.00")).withQuantity(20);

    OrderRequest changed = m.applyTo(request);

    assertThat(changed.limitPrice()).contains(Price.of("2530.00"));
    assertThat(changed.quantity()).isEqualTo(20);
    assertThat(changed.referenceId()).isEqualTo(request.referenceId());
    assertThatThrownBy(() -> OrderModification.of(request).withLimitPrice(Price.of("2530.01")).applyTo(request))
        .hasMessageContaining("must be a multiple of tick size 0.05");
    assertThatThrownBy(() -> OrderModification.of(request)
            .withOrderType(OrderType.MARKET, request.limitPrice(), Optional.empty()).applyTo(request))
        .hasMessageStartingWith("OrderRequest.limitPrice must be empty for a MARKET order");
    assertThat(OrderModification.of(request).withOrderType(OrderType.MARKET, Optional.empty(), Optional.empty())
        .applyTo(request).orderType()).isEqualTo(OrderType.MARKET);
    assertThat(OrderModification.of(request).applyTo(request)).isEqualTo(request);
  }

  @Test
  void fillHasExactValueAndSignedQuantity() {
    Fill f = new Fill("T-1", "GMK1", "mom5m-000042", Fixtures.reliance(), Side.SELL, 10, Price.of("2534.05"), T0, Product.MIS);

    assertThat(f.value()).isEqualTo(Money.of("25340.50"));
    assertThat(f.signedQuantity()).isEqualTo(-10);
  }

  @Test
  void fillRejectsBadValuesNamingTheTrade() {
    assertThatThrownBy(() -> new Fill("T-1", "GMK1", "r", Fixtures.reliance(), Side.BUY, 0, Price.of("1"), T0, Product.MIS))
        .hasMessage("Fill.quantity must be > 0 (trade T-1), was 0");
    assertThatThrownBy(() -> new Fill("T-1", "GMK1", "r", Fixtures.reliance(), Side.BUY, 1, Price.ZERO, T0, Product.MIS))
        .hasMessage("Fill.price must be > 0 (trade T-1), was 0.00");
    assertThatThrownBy(() -> new Fill("T-1", "GMK1", "r", Fixtures.reliance(), Side.BUY, 1, Price.of("1"), 0, Product.MIS))
        .hasMessageStartingWith("Fill.timestampMillis must be > 0");
    assertThatThrownBy(() -> new Fill("", "GMK1", "r", Fixtures.reliance(), Side.BUY, 1, Price.of("1"), T0, Product.MIS))
        .hasMessageContaining("Fill.tradeId must not be blank");
  }
}
