package io.aitrader.core.execution;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.at;
import static io.aitrader.core.testdata.TestInstruments.rupees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.core.orders.PreTradeCheck;
import io.aitrader.core.paper.PaperBroker;
import io.aitrader.core.time.ManualTimeSource;
import org.junit.jupiter.api.Test;

class ExecutionTierTest {
  private final ManualTimeSource clock = new ManualTimeSource(at("09:15:00"));

  private static Tick tick(String time, String price, long qty) {
    return new Tick(RELIANCE, at(time), rupees(price), qty, qty, 0, 0, 0, 0, 0);
  }

  private static OrderRequest.Builder order(String ref, Side side, long qty) {
    return OrderRequest.builder().instrument(RELIANCE).side(side).quantity(qty).orderType(OrderType.MARKET)
        .product(Product.MIS).referenceId(ref).strategyId("spec");
  }

  private ExecutionTier.Builder tier() {
    return ExecutionTier.builder().timeSource(clock).paperBroker(PaperBroker.builder())
        .startingCash(Money.ofRupees(100_000))
        // ₹1 brokerage per fill keeps the arithmetic visible
        .charges(fill -> new Charges(Money.ofRupees(1), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO));
  }

  @Test
  void anIntentFlowsThroughTheOrderServiceToAPaperFillAndIntoThePortfolio() {
    ExecutionTier t = tier().build();
    t.onTick(tick("09:15:01", "2500.00", 100));
    clock.set(at("09:15:02"));

    Order o = t.orderService().submit(order("spec-000001", Side.BUY, 10).build());
    t.onTick(tick("09:15:03", "2501.00", 100));
    clock.set(at("09:16:00"));
    t.orderService().submit(order("spec-000002", Side.SELL, 10).build());
    t.onTick(tick("09:16:01", "2510.00", 100));

    assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(t.orders().find("spec-000001").orElseThrow().status()).isEqualTo(OrderStatus.EXECUTED);
    ExecutionSummary s = t.summary();
    assertThat(s.submitted()).isEqualTo(2);
    assertThat(s.filled()).isEqualTo(2);
    assertThat(s.fills()).isEqualTo(2);
    // bought 10 @ 2501, sold 10 @ 2510: +90 realized, 2 × ₹1 charges
    assertThat(s.realizedPnl()).isEqualTo(Money.of("90"));
    assertThat(s.charges().total()).isEqualTo(Money.of("2"));
    assertThat(s.netPnl()).isEqualTo(Money.of("88"));
    assertThat(t.portfolio().snapshot().cash()).isEqualTo(Money.of("100088"));
    assertThat(s.openPositions()).isEmpty();
    assertThat(t.portfolio().blockedMargin()).isEqualTo(Money.ZERO);
  }

  @Test
  void anOrderTheAccountCannotAffordIsRejectedWithTheNumbers() {
    ExecutionTier t = tier().build();
    t.onTick(tick("09:15:01", "2500.00", 100));

    // 300 × 2500 = ₹7,50,000 MIS needs 20 % = ₹1,50,000 > ₹1,00,000
    Order o = t.orderService().submit(order("spec-000001", Side.BUY, 300).build());

    assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(o.remark().orElseThrow()).contains("insufficient funds").contains("150000.00").contains("MIS");
    assertThat(t.summary().rejected()).isEqualTo(1);
    assertThat(t.summary().rejectionReasons()).containsOnlyKeys(
        "insufficient funds: needs N margin (N% of N, MIS), available N");
  }

  @Test
  void marginIsBlockedWhileAnOrderIsOpenAndReleasedWhenItEnds() {
    ExecutionTier t = tier().build();
    t.onTick(tick("09:15:01", "2500.00", 100));

    t.orderService().submit(order("spec-000001", Side.BUY, 10).orderType(OrderType.LIMIT)
        .limitPrice(Price.of("2400.00")).build());
    assertThat(t.portfolio().blockedMargin()).isEqualTo(Money.of("4800")); // 20 % of 10 × 2400
    t.orderService().cancel("spec-000001");

    assertThat(t.portfolio().blockedMargin()).isEqualTo(Money.ZERO);
    assertThat(t.summary().cancelled()).isEqualTo(1);
  }

  @Test
  void refusalsBeforeTheBrokerAreCountedWithTheirReasons() {
    ExecutionTier t = tier().preTradeCheck(r -> PreTradeCheck.Verdict.refuse("max order value ₹10,000.00 exceeded")).build();

    assertThatThrownBy(() -> t.orderService().submit(order("spec-000001", Side.BUY, 10).build()))
        .isInstanceOf(OrderRejectedException.class);

    assertThat(t.summary().rejected()).isEqualTo(1);
    assertThat(t.summary().rejectionReasons()).containsEntry("max order value N exceeded", 1L);
    assertThat(t.summary().placed()).isZero();
  }
}
