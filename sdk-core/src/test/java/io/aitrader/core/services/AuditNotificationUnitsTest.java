package io.aitrader.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.OverflowPolicy;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Money;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.Notifier;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.audit.AuditPackets;
import io.aitrader.core.audit.InMemoryAuditLog;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.notify.Alert;
import io.aitrader.core.notify.AlertRules;
import io.aitrader.core.notify.InMemoryNotificationQueue;
import io.aitrader.core.notify.NotificationService;
import io.aitrader.core.orders.InMemoryOrderStore;
import io.aitrader.core.risk.RiskLimits;
import io.aitrader.core.strategy.reference.RulesModelStrategy;
import io.aitrader.core.time.ManualTimeSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The audit and notification units beside the trading units of a session, on one bus. */
class AuditNotificationUnitsTest {
  private static final TradingSession SESSION = TestSessions.SESSION;

  /** A channel that keeps what it was sent. */
  static final class Captured implements Notifier {
    final List<Notification> sent = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "captured";
    }

    @Override
    public void send(Notification notification) {
      sent.add(notification);
    }
  }

  record Outcome(List<AuditRecord> packets, List<Notification> sent, List<String> reports, boolean doneAtFeedEnd) {}

  private static SessionPlan plan() {
    return TestSessions.plan(EnumSet.of(BarInterval.M5));
  }

  private static Outcome run(EventBus bus) {
    return run(bus, RiskLimits.defaults(), EnumSet.of(Alert.SESSION_SUMMARY, Alert.FILL));
  }

  private static Outcome run(EventBus bus, RiskLimits limits, EnumSet<Alert> alerts) {
    SessionPlan plan = plan();
    RulesModelStrategy strategy = RulesModelStrategy.standard(plan.instruments(), BarInterval.M5);
    InMemoryAuditLog log = InMemoryAuditLog.create(new ManualTimeSource(SESSION.preOpenStartMillis()));
    Captured channel = new Captured();
    NotificationService service = NotificationService.builder().queue(new InMemoryNotificationQueue())
        .channel(channel).digestKind(AlertRules::digestKind).build();
    AuditUnit audit = new AuditUnit(bus, plan, log, Map.of("strategy", strategy.id()));
    NotificationUnit notification = new NotificationUnit(bus, plan, alerts, service);
    List<ServiceUnit> units = List.of(audit, notification,
        new BarAggregatorUnit(bus, TestSessions.CALENDAR, plan),
        new FeatureUnit(bus, plan, strategy.features(), v -> { }),
        new SignalUnit(bus, plan, strategy.features(), strategy.ruleSet()),
        new OrderUnit(bus, plan, strategy, TestSessions.INSTRUMENTS, TestSessions.CALENDAR, true,
            TestSessions.paperAccount(new InMemoryOrderStore(), limits)));
    assertThat(audit.sessionDone()).as("before the session").isFalse();
    assertThat(notification.sessionDone()).as("before the session").isFalse();

    TestSessions.play(bus, plan);
    boolean doneAtFeedEnd = audit.sessionDone() && notification.sessionDone();
    TestSessions.awaitSessionDone(units);
    List<String> reports = units.stream().map(ServiceUnit::report).toList();
    List<AuditRecord> packets = log.read(1, 1_000_000); // done: every packet is written
    List<Notification> sent = List.copyOf(channel.sent); // done: every delivery is settled
    units.forEach(ServiceUnit::close);
    return new Outcome(packets, sent, reports, doneAtFeedEnd);
  }

  private static List<String> types(List<AuditRecord> packets) {
    return packets.stream().map(AuditRecord::type).toList();
  }

  @Test
  void recordsTheSessionAndDeliversTheDaySummaryOnceTheOrderStreamsHaveEnded() {
    Outcome o;
    try (InProcessEventBus bus = InProcessEventBus.create()) {
      o = run(bus);
    }

    assertThat(o.doneAtFeedEnd()).as("synchronous delivery: done when the ingestor's last mark was published").isTrue();
    assertThat(types(o.packets())).as("%s", o.reports()).startsWith(AuditPackets.CONFIG)
        .contains(AuditPackets.ORDER_UPDATE).endsWith(AuditPackets.SESSION_SUMMARY);
    AuditRecord config = o.packets().get(0);
    assertThat(config.timestampMillis()).isEqualTo(SESSION.preOpenStartMillis());
    assertThat(config.payload()).containsEntry("strategy", "rules-model");
    assertThat(o.packets().get(o.packets().size() - 1).correlationId()).isEqualTo("session:2025-06-02");
    assertThat(o.sent()).as("%s", o.reports()).anyMatch(n -> n.dedupKey().equals("session:2025-06-02")
        && n.title().startsWith("Day summary 2025-06-02"));
    assertThat(o.sent()).as("fills alerted too").anyMatch(n -> n.dedupKey().startsWith("fill:"));
    assertThat(o.reports()).anyMatch(r -> r.startsWith("audit: " + o.packets().size() + " packets recorded"))
        .anyMatch(r -> r.startsWith("notification: "));
  }

  @Test
  void recordsEachOrdersIntentBeforeItReachesTheBrokerWithItsRiskCheckAndChargedFills() {
    Outcome o;
    try (InProcessEventBus bus = InProcessEventBus.create()) {
      o = run(bus);
    }

    List<AuditRecord> packets = o.packets();
    List<String> intents = refs(packets, AuditPackets.ORDER_INTENT);
    List<String> updated = refs(packets, AuditPackets.ORDER_UPDATE).stream().distinct().toList();
    assertThat(intents).as("%s", o.reports()).isNotEmpty().doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(updated);
    assertThat(refs(packets, AuditPackets.RISK_CHECK)).containsAll(intents);
    assertThat(refs(packets, AuditPackets.FILL)).isNotEmpty().allMatch(intents::contains);
    for (String ref : intents) {
      assertThat(firstIndex(packets, AuditPackets.ORDER_INTENT, ref))
          .as("the intent of %s is in the log before the broker's first word on it", ref)
          .isLessThan(firstIndex(packets, AuditPackets.ORDER_UPDATE, ref));
    }
    AuditRecord fill = packets.stream().filter(r -> r.type().equals(AuditPackets.FILL)).findFirst().orElseThrow();
    assertThat(fill.payload()).as("a fill's packet carries its charges").containsKey("charges");
  }

  @Test
  void alertsOnRiskLimitsAndTheKillSwitchOfTheOrderService() {
    // a day-loss limit of one rupee: the first costs trip the kill switch, and the orders after it are refused
    RiskLimits tight = RiskLimits.builder().maxDailyLoss(Money.ofRupees(1)).build();
    Outcome o;
    try (InProcessEventBus bus = InProcessEventBus.create()) {
      o = run(bus, tight, EnumSet.of(Alert.RISK_LIMIT, Alert.KILL_SWITCH_TRIPPED));
    }

    assertThat(types(o.packets())).as("%s", o.reports()).contains(AuditPackets.KILL_SWITCH, AuditPackets.ORDER_REFUSED);
    assertThat(o.sent()).as("%s", o.reports()).anyMatch(n -> n.dedupKey().startsWith("kill-switch:"))
        .anyMatch(n -> n.dedupKey().startsWith("risk:"));
  }

  private static List<String> refs(List<AuditRecord> packets, String type) {
    return packets.stream().filter(r -> r.type().equals(type)).map(AuditRecord::correlationId).toList();
  }

  private static int firstIndex(List<AuditRecord> packets, String type, String ref) {
    for (int i = 0; i < packets.size(); i++) {
      if (packets.get(i).type().equals(type) && packets.get(i).correlationId().equals(ref)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  @Test
  void recordAndDeliverAlikeWithAsynchronousDelivery() {
    Outcome sync;
    try (InProcessEventBus bus = InProcessEventBus.create()) {
      sync = run(bus);
    }
    Outcome async;
    try (InProcessEventBus bus = InProcessEventBus.builder()
        .defaultOptions(SubscriptionOptions.asynchronous(1 << 16, OverflowPolicy.BLOCK)).build()) {
      async = run(bus);
    }

    assertThat(async.packets()).hasSameSizeAs(sync.packets());
    assertThat(types(async.packets())).containsExactlyInAnyOrderElementsOf(types(sync.packets()));
    assertThat(async.sent().stream().map(Notification::dedupKey))
        .containsExactlyInAnyOrderElementsOf(sync.sent().stream().map(Notification::dedupKey).toList());
  }

  @Test
  void notificationUnitNeedsAnAlert() {
    NotificationService service = NotificationService.builder().channel(new Captured()).build();
    try (InProcessEventBus bus = InProcessEventBus.create()) {
      assertThatThrownBy(() -> new NotificationUnit(bus, plan(), EnumSet.noneOf(Alert.class), service))
          .isInstanceOf(ValidationException.class).hasMessageContaining("NotificationUnit.alerts");
    } finally {
      service.close();
    }
  }
}
