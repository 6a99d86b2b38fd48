package io.aitrader.core.execution;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.at;
import static io.aitrader.core.testdata.TestInstruments.rupees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.RateLimitedException;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.risk.RiskLimits;
import io.aitrader.core.risk.RiskProfiles;
import io.aitrader.core.testdata.TestInstruments;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.ConfigurationException;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.core.orders.PreTradeCheck;
import io.aitrader.core.orders.ScriptedBroker;
import java.util.ArrayList;
import java.util.List;
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
    assertThat(t.summary().rejectionReasons()).containsExactly(org.assertj.core.api.Assertions.entry(
        "insufficient funds: needs 150000.00 margin (20% of 750000.00, MIS), available 100000.00", 1L));
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
    ExecutionTier t = tier().preTradeCheck(r -> PreTradeCheck.Verdict.refuse(
        "order value ₹" + r.quantity() * 2_500 + " exceeds max ₹10,000.00")).build();

    assertThatThrownBy(() -> t.orderService().submit(order("spec-000001", Side.BUY, 10).build()))
        .isInstanceOf(OrderRejectedException.class);

    assertThatThrownBy(() -> t.orderService().submit(order("spec-000002", Side.BUY, 20).build()))
        .isInstanceOf(OrderRejectedException.class);
    assertThat(t.summary().rejected()).isEqualTo(2);
    // alike reasons (differing only in their numbers) are grouped under the first
    assertThat(t.summary().rejectionReasons()).containsExactly(
        org.assertj.core.api.Assertions.entry("order value ₹25000 exceeds max ₹10,000.00", 2L));
    assertThat(t.summary().placed()).isZero();
  }

  @Test
  void openMisPositionsAreSquaredOffAtTheCutOff() {
    ExecutionTier t = tier().risk(RiskProfiles.defaults()).build();
    t.onTick(tick("15:00:00", "2500.00", 100));
    clock.set(at("15:00:01"));
    t.orderService().submit(order("spec-000001", Side.BUY, 10).build());
    t.onTick(tick("15:00:02", "2500.00", 100));
    assertThat(t.portfolio().position(RELIANCE, Product.MIS).orElseThrow().netQuantity()).isEqualTo(10);

    clock.set(at("15:15:00"));
    t.onTick(tick("15:15:00", "2490.00", 100)); // the cut-off: the square-off order is sent
    clock.set(at("15:15:01"));
    t.onTick(tick("15:15:01", "2491.00", 100)); // and fills on the next tick

    assertThat(t.portfolio().position(RELIANCE, Product.MIS).orElseThrow().netQuantity()).isZero();
    assertThat(t.summary().openPositions()).isEmpty();
    assertThatThrownBy(() -> t.orderService().submit(order("spec-000002", Side.BUY, 10).build()))
        .isInstanceOf(OrderRejectedException.class).hasMessageContaining("MIS");
  }

  @Test
  void theKillSwitchTripsOnTheDailyLossCancelsOpenOrdersAndRefusesNewEntries() {
    RiskProfiles limits = RiskProfiles.of(RiskLimits.builder().maxDailyLoss(Money.ofRupees(500)).build());
    ExecutionTier t = tier().risk(limits).build();
    t.sessionStarted(new TradingSession(TestInstruments.MONDAY, at("09:00"), at("09:08"), at("09:15"), at("15:30")));
    t.onTick(tick("09:15:01", "2500.00", 100));
    clock.set(at("09:15:02"));
    t.orderService().submit(order("spec-000001", Side.BUY, 20).build());
    t.onTick(tick("09:15:03", "2500.00", 100));
    t.orderService().submit(order("spec-000002", Side.BUY, 10).orderType(OrderType.LIMIT)
        .limitPrice(Price.of("2300.00")).build());

    clock.set(at("09:20:00"));
    t.onTick(tick("09:20:00", "2470.00", 100)); // 20 × −30 = −600 (−2 charges): past the −500 limit

    assertThat(t.orders().find("spec-000002").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThatThrownBy(() -> t.orderService().submit(order("spec-000003", Side.BUY, 10).build()))
        .isInstanceOf(OrderRejectedException.class).hasMessageContaining("kill switch");
    Order exit = t.orderService().submit(order("spec-000004", Side.SELL, 20).build());
    assertThat(exit.status()).isEqualTo(OrderStatus.OPEN);
  }

  @Test
  void theEleventhOrderInOneSecondIsThrottled() {
    ExecutionTier t = tier().risk(RiskProfiles.defaults()).build();
    t.onTick(tick("09:15:01", "2500.00", 100));
    clock.set(at("09:15:02"));
    for (int i = 1; i <= 10; i++) {
      t.orderService().submit(order(String.format("spec-%06d", i), Side.BUY, 1).orderType(OrderType.LIMIT)
          .limitPrice(Price.of("2400.00")).build());
    }

    assertThatThrownBy(() -> t.orderService().submit(order("spec-000011", Side.BUY, 1).build()))
        .isInstanceOf(RateLimitedException.class);
    clock.set(at("09:15:03"));
    assertThat(t.orderService().submit(order("spec-000012", Side.BUY, 1).build()).status()).isEqualTo(OrderStatus.OPEN);
  }

  @Test
  void theKillSwitchFlattensTheAccountOnceEvenWhenAStrategyScopeTripsToo() {
    RiskLimits global = RiskLimits.builder().maxDailyLoss(Money.ofRupees(500)).flattenOnKillSwitch(true).build();
    RiskProfiles limits = RiskProfiles.builder().global(global).strategy("spec", b -> b.maxOrderValue(Money.ofRupees(1_000_000)))
        .build(); // the override inherits the daily loss and the flatten
    ExecutionTier t = tier().risk(limits).build();
    t.sessionStarted(new TradingSession(TestInstruments.MONDAY, at("09:00"), at("09:08"), at("09:15"), at("15:30")));
    t.onTick(tick("09:15:01", "2500.00", 100));
    clock.set(at("09:15:02"));
    t.orderService().submit(order("spec-000001", Side.BUY, 20).build());
    t.onTick(tick("09:15:03", "2500.00", 100));

    clock.set(at("09:20:00"));
    t.onTick(tick("09:20:00", "2470.00", 100)); // loss 600 + charges: both switches trip; one flatten is queued
    clock.set(at("09:20:01"));
    t.onTick(tick("09:20:01", "2470.00", 100)); // the closing SELL is sent
    clock.set(at("09:20:02"));
    t.onTick(tick("09:20:02", "2470.00", 100)); // and fills

    assertThat(t.portfolio().position(RELIANCE, Product.MIS).orElseThrow().netQuantity()).isZero();
    clock.set(at("09:21:00"));
    t.onTick(tick("09:21:00", "2470.00", 100));
    assertThat(t.portfolio().position(RELIANCE, Product.MIS).orElseThrow().netQuantity()).isZero();
  }

  @Test
  void aModificationIsNotRefusedForTheOrderItselfAtTheOpenOrderLimitAndReBlocksMargin() {
    RiskProfiles limits = RiskProfiles.of(RiskLimits.builder().maxOpenOrders(1).build());
    ExecutionTier t = tier().risk(limits).build();
    t.onTick(tick("09:15:01", "2500.00", 100));
    Order o = t.orderService().submit(order("spec-000001", Side.BUY, 10).orderType(OrderType.LIMIT)
        .limitPrice(Price.of("2400.00")).build());
    assertThat(t.portfolio().blockedMargin()).isEqualTo(Money.of("4800"));

    t.orderService().modify("spec-000001", OrderModification.of(o.request()).withQuantity(20));

    assertThat(t.orders().find("spec-000001").orElseThrow().request().quantity()).isEqualTo(20);
    assertThat(t.portfolio().blockedMargin()).isEqualTo(Money.of("9600")); // 20 % of 20 × 2400
    assertThatThrownBy(() -> t.orderService().submit(order("spec-000002", Side.BUY, 10).orderType(OrderType.LIMIT)
        .limitPrice(Price.of("2400.00")).build())).isInstanceOf(OrderRejectedException.class)
        .hasMessageContaining("open orders");
  }

  @Test
  void aRefusedOrderRetriedUnderTheSameIdIsCountedOnce() {
    ExecutionTier t = tier().preTradeCheck(r -> PreTradeCheck.Verdict.refuse("no")).build();

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> t.orderService().submit(order("spec-000001", Side.BUY, 10).build()))
          .isInstanceOf(OrderRejectedException.class);
    }

    assertThat(t.summary().submitted()).isEqualTo(1);
    assertThat(t.summary().rejected()).isEqualTo(1);
    assertThat(t.summary().rejectionReasons()).containsExactly(org.assertj.core.api.Assertions.entry("no", 1L));
  }

  @Test
  void aFillIsBookedOnceEvenWhenDeliveredTwiceAndAFillWithoutRatesIsBookedUncharged() {
    ScriptedBroker broker = new ScriptedBroker();
    List<String> charged = new ArrayList<>();
    ExecutionTier t = ExecutionTier.builder().timeSource(clock).broker(broker).startingCash(Money.ofRupees(100_000))
        .charges(fill -> {
          charged.add(fill.tradeId());
          if (fill.tradeId().equals("T2")) {
            throw new ConfigurationException("no rates for this fill");
          }
          return Charges.NONE;
        }).build();
    Order o = t.orderService().submit(order("spec-000001", Side.BUY, 10).build());
    Fill first = new Fill("T1", o.brokerOrderId(), o.referenceId(), RELIANCE, Side.BUY, 4, Price.of("2500.00"), at("09:16"),
        Product.MIS);

    broker.emitFill(first);
    broker.emitFill(first);
    broker.emitFill(new Fill("T2", o.brokerOrderId(), o.referenceId(), RELIANCE, Side.BUY, 6, Price.of("2500.00"),
        at("09:16"), Product.MIS));

    assertThat(charged).containsExactly("T1", "T2");
    assertThat(t.portfolio().position(RELIANCE, Product.MIS).orElseThrow().netQuantity()).isEqualTo(10);
    assertThat(t.unchargedFills()).isEqualTo(1);
    assertThat(t.summary().fills()).isEqualTo(2);
  }
}
