package io.aitrader.core.notify;

import static io.aitrader.core.testdata.TestInstruments.MONDAY;
import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.at;
import static io.aitrader.core.testdata.TestInstruments.rupees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.market.FeedStatus;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Money;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.Severity;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.paper.PaperBroker;
import io.aitrader.core.risk.KillSwitchEvent;
import io.aitrader.core.risk.RiskEngine;
import io.aitrader.core.risk.RiskLimits;
import io.aitrader.core.risk.RiskProfiles;
import io.aitrader.core.time.ManualTimeSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
  private final ManualTimeSource clock = new ManualTimeSource(at("09:15:00"));
  private final EventBus bus = InProcessEventBus.create();
  private final List<Notification> sent = new ArrayList<>();

  @AfterEach
  void closeBus() {
    bus.close();
  }

  private ExecutionTier tier() {
    return ExecutionTier.builder().timeSource(clock).eventBus(bus).paperBroker(PaperBroker.builder())
        .startingCash(Money.ofRupees(100_000))
        .charges(fill -> new Charges(Money.ofRupees(1), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO))
        .risk(RiskProfiles.of(RiskLimits.builder().maxOrderValue(Money.ofRupees(50_000)).build()))
        .build();
  }

  private static OrderRequest order(String ref, long qty) {
    return OrderRequest.builder().instrument(RELIANCE).side(Side.BUY).quantity(qty).orderType(OrderType.MARKET)
        .product(Product.MIS).referenceId(ref).strategyId("spec").build();
  }

  private static Tick tick(String time, String price) {
    return new Tick(RELIANCE, at(time), rupees(price), 100, 100, 0, 0, 0, 0, 0);
  }

  @Test
  void aFillBecomesAnInfoNotificationNamingTheTradeAndTheOrder() {
    AlertRules.builder(sent::add).build().attach(bus);
    ExecutionTier t = tier();
    t.onTick(tick("09:15:01", "2500.00"));
    t.orderService().submit(order("spec-000001", 10));
    t.onTick(tick("09:15:02", "2501.00"));

    assertThat(sent).hasSize(1);
    Notification n = sent.get(0);
    assertThat(n.severity()).isEqualTo(Severity.INFO);
    assertThat(n.title()).isEqualTo("Fill: BUY 10 NSE:RELIANCE @ ₹2501.00");
    assertThat(n.body()).contains("spec-000001").contains("MIS").contains("25010.00").contains("2025-01-06 09:15:02 IST");
    assertThat(n.timestampMillis()).isEqualTo(at("09:15:02"));
    assertThat(n.dedupKey()).startsWith("fill:");
  }

  @Test
  void aBrokerRejectionAndARiskRefusalAreWarningsWithTheirReasons() {
    AlertRules.builder(sent::add).only(Alert.ORDER_REJECTED, Alert.RISK_LIMIT).build().attach(bus);
    ExecutionTier t = tier();
    t.onTick(tick("09:15:01", "2500.00"));

    assertThatThrownBy(() -> t.orderService().submit(order("spec-000001", 30))) // ₹75,000 > ₹50,000 max order value
        .isInstanceOf(OrderRejectedException.class);
    ExecutionTier poor = ExecutionTier.builder().timeSource(clock).eventBus(bus).paperBroker(PaperBroker.builder())
        .startingCash(Money.ofRupees(1_000)).build();
    poor.onTick(tick("09:15:02", "2500.00"));
    poor.orderService().submit(order("poor-000001", 10)); // the paper broker refuses: insufficient funds

    assertThat(sent).extracting(Notification::severity).containsExactly(Severity.WARNING, Severity.WARNING);
    assertThat(sent.get(0).title()).isEqualTo("Risk limit hit: ORDER_VALUE (NSE:RELIANCE)");
    assertThat(sent.get(0).body()).contains("spec-000001").contains("strategy spec");
    assertThat(sent.get(1).title()).isEqualTo("Order rejected: BUY 10 NSE:RELIANCE");
    assertThat(sent.get(1).body()).contains("poor-000001").contains("insufficient funds");
  }

  @Test
  void aTrippedKillSwitchIsCriticalAndAResetIsAWarning() {
    AlertRules.builder(sent::add).build().attach(bus);

    bus.publish(RiskEngine.KILL_SWITCH_TOPIC, new KillSwitchEvent(at("11:00:00"), "account", true, true,
        "day loss ₹20,150 reached the ₹20,000 limit"));
    bus.publish(RiskEngine.KILL_SWITCH_TOPIC, new KillSwitchEvent(at("11:30:00"), "account", false, false, "reset by ops"));

    assertThat(sent).extracting(Notification::severity).containsExactly(Severity.CRITICAL, Severity.WARNING);
    assertThat(sent.get(0).title()).isEqualTo("KILL SWITCH TRIPPED (account)");
    assertThat(sent.get(0).body()).contains("₹20,150").contains("Flattening positions: yes");
    assertThat(sent.get(1).title()).isEqualTo("Kill switch reset (account)");
  }

  @Test
  void feedOutagesAndRecoveriesAreAlerted() {
    AlertRules.builder(sent::add).build().attach(bus);

    bus.publish(Topics.feedStatus(), FeedStatus.disconnected("groww", at("10:00:00"), "socket closed by peer"));
    bus.publish(Topics.feedStatus(), FeedStatus.connected("groww", at("10:00:07"), "attempt 3; 2 bars backfilled"));

    assertThat(sent).extracting(Notification::title).containsExactly("Feed groww disconnected", "Feed groww reconnected");
    assertThat(sent.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(sent.get(1).body()).contains("2 bars backfilled");
    assertThat(sent.get(0).dedupKey()).isNotEqualTo(sent.get(1).dedupKey());
  }

  @Test
  void theSessionEndSendsTheDaysSummaryWithNetPnlAfterCharges() {
    AlertRules.builder(sent::add).only(Alert.SESSION_SUMMARY).build().attach(bus);
    TradingSession session = ExchangeCalendar.nse().session(MONDAY).orElseThrow();
    ExecutionTier t = tier();
    t.sessionStarted(session);
    t.onTick(tick("09:15:01", "2500.00"));
    t.orderService().submit(order("spec-000001", 10));
    t.onTick(tick("09:15:02", "2500.00"));
    t.orderService().submit(OrderRequest.builder().instrument(RELIANCE).side(Side.SELL).quantity(10)
        .orderType(OrderType.MARKET).product(Product.MIS).referenceId("spec-000002").strategyId("spec").build());
    t.onTick(tick("09:15:03", "2510.00"));
    t.sessionEnded(session);

    assertThat(sent).hasSize(1);
    Notification n = sent.get(0);
    // bought 10 @ 2500, sold 10 @ 2510: +₹100, two fills at ₹1 each
    assertThat(n.title()).isEqualTo("Day summary 2025-01-06: net PnL ₹98.00");
    assertThat(n.body()).contains("Charges: ₹2.00").contains("Orders: 2 submitted, 0 refused; fills: 2")
        .contains("Open positions at the close: 0").contains("Equity: ₹100098.00");
    assertThat(n.dedupKey()).isEqualTo("session:2025-01-06");
  }

  @Test
  void aCustomTemplateIsUsedAndAnUnknownPlaceholderIsRefusedNamingTheFields() {
    AlertRules.builder(sent::add).only(Alert.FEED_DISCONNECTED)
        .template(AlertTemplate.of(Alert.FEED_DISCONNECTED, "{feed} down", "since {time}")).build().attach(bus);
    bus.publish(Topics.feedStatus(), FeedStatus.disconnected("groww", at("10:00:00"), ""));

    assertThat(sent).extracting(Notification::title, Notification::body)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("groww down", "since 2025-01-06 10:00:00 IST"));
    assertThatThrownBy(() -> AlertTemplate.of(Alert.FILL, "Fill {symbol}", ""))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("{symbol}").hasMessageContaining("instrument");
  }

  @Test
  void aFailingSinkNeverBreaksThePublisher() {
    AlertRules.builder(n -> {
      throw new IllegalStateException("queue closed");
    }).build().attach(bus);

    bus.publish(Topics.feedStatus(), FeedStatus.disconnected("groww", at("10:00:00"), "gone"));

    assertThat(sent).isEmpty(); // and no exception reached the publisher
  }
}
