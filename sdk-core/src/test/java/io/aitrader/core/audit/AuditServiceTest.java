package io.aitrader.core.audit;

import static io.aitrader.core.testdata.TestInstruments.MONDAY;
import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.at;
import static io.aitrader.core.testdata.TestInstruments.rupees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.signal.Direction;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.paper.PaperBroker;
import io.aitrader.core.risk.RiskLimits;
import io.aitrader.core.signals.DefaultSignalService;
import io.aitrader.core.signals.RuleSet;
import io.aitrader.core.risk.RiskProfiles;
import io.aitrader.core.time.ManualTimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditServiceTest {
  private final ManualTimeSource clock = new ManualTimeSource(at("09:15:00"));
  private final EventBus bus = InProcessEventBus.create();
  private final ControllableLog log = new ControllableLog(InMemoryAuditLog.create(clock));
  private final AuditRecorder recorder = AuditRecorder.builder(log).durableTimeout(Duration.ofMillis(500)).build();

  @AfterEach
  void close() {
    recorder.close();
    bus.close();
  }

  private ExecutionTier tier(AuditService audit) {
    ExecutionTier t = ExecutionTier.builder().timeSource(clock).eventBus(bus).paperBroker(PaperBroker.builder())
        .startingCash(Money.ofRupees(100_000)).intentRecorder(audit)
        .charges(fill -> new Charges(Money.ofRupees(1), Money.of("0.25"), Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO, Money.ZERO))
        .risk(RiskProfiles.of(RiskLimits.builder().maxOrderValue(Money.ofRupees(50_000)).build()))
        .build();
    audit.attach(t);
    return t;
  }

  private static OrderRequest order(String ref, Side side, long qty) {
    return OrderRequest.builder().instrument(RELIANCE).side(side).quantity(qty).orderType(OrderType.MARKET)
        .product(Product.MIS).referenceId(ref).strategyId("spec").algoId("ALGO-7").build();
  }

  private static Tick tick(String time, String price) {
    return new Tick(RELIANCE, at(time), rupees(price), 100, 100, 0, 0, 0, 0, 0);
  }

  private static Signal signal(long t) {
    FeatureVector f = FeatureVector.of(RELIANCE, BarInterval.M5, t, List.of("ema_fast", "rsi_14"),
        new double[] {2501.5, 61.25});
    return new Signal("spec", RELIANCE, t, Direction.LONG, 0.62, "rules", "1", "ema_fast > ema_slow ✓; rsi_14 < 70 ✓", f);
  }

  private List<AuditRecord> packets() {
    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
    return log.read(1, 1000);
  }

  @Test
  void anOrdersWholeStoryIsRecordedUnderItsReferenceIdAndItsIntentNamesTheSignal() {
    AuditService audit = AuditService.builder(recorder).timeSource(clock).build().attach(bus);
    ExecutionTier t = tier(audit);
    Signal s = signal(at("09:20:00"));
    audit.linkSignals(() -> Optional.of(s));
    t.onTick(tick("09:20:00", "2500.00"));
    clock.set(at("09:20:00"));

    t.orderService().submit(order("spec-000001", Side.BUY, 10));
    t.onTick(tick("09:20:01", "2501.00"));

    List<AuditRecord> story = packets().stream().filter(r -> r.correlationId().equals("spec-000001")).toList();
    assertThat(story).extracting(AuditRecord::type)
        .containsExactly("risk.check", "order.intent", "order.update", "fill", "order.update");
    assertThat(story.get(0).payload()).containsEntry("passed", "true").containsEntry("rule", "NONE");
    assertThat(story.get(1).payload()).containsEntry("side", "BUY").containsEntry("quantity", "10")
        .containsEntry("algoId", "ALGO-7").containsEntry("product", "MIS")
        .containsEntry("signal", AuditPackets.signalId(s));
    assertThat(story.get(1).timestampMillis()).isEqualTo(at("09:20:00"));
    assertThat(story.get(2).payload()).containsEntry("status", "OPEN");
    assertThat(story.get(3).payload()).containsEntry("price", "2501.00").containsEntry("charges", "1.25")
        .containsEntry("charges.brokerage", "1.00").containsEntry("charges.stt", "0.25");
    assertThat(story.get(3).timestampMillis()).isEqualTo(at("09:20:01"));
    assertThat(story.get(4).payload()).containsEntry("status", "EXECUTED").containsEntry("averagePrice", "2501.00");
    assertThat(log.verify().isValid()).isTrue();
  }

  @Test
  void signalsAreRecordedWithFeaturesModelScoreAndRules() {
    AuditService audit = AuditService.builder(recorder).timeSource(clock).build();
    DefaultSignalService signals = DefaultSignalService.builder().featureNames(List.of("ema_fast", "rsi_14")).build();
    signals.register(RuleSet.builder("spec").direction(Direction.LONG).rulesVersion("r1").build());
    audit.attach(signals);

    signals.onFeatures(FeatureVector.of(RELIANCE, BarInterval.M5, at("09:20:00"), List.of("ema_fast", "rsi_14"),
        new double[] {2501.5, 61.25}));

    AuditRecord p = packets().get(0);
    assertThat(p.type()).isEqualTo("signal");
    assertThat(p.correlationId()).isEqualTo("spec:NSE:RELIANCE:" + at("09:20:00"));
    assertThat(p.timestampMillis()).isEqualTo(at("09:20:00"));
    assertThat(p.payload()).containsEntry("strategy", "spec").containsEntry("direction", "LONG")
        .containsEntry("features.interval", "5m")
        .containsEntry("feature.ema_fast", "2501.5").containsEntry("feature.rsi_14", "61.25")
        .containsKeys("score", "model", "modelVersion");
    assertThat(p.payload().get("rules")).contains("✓");
  }

  @Test
  void aRiskRefusalIsRecordedAsAFailedCheckAndARefusalAndNoIntent() {
    AuditService audit = AuditService.builder(recorder).timeSource(clock).build().attach(bus);
    ExecutionTier t = tier(audit);
    t.onTick(tick("09:20:00", "2500.00"));

    assertThatThrownBy(() -> t.orderService().submit(order("spec-000001", Side.BUY, 30)))
        .isInstanceOf(OrderRejectedException.class);

    List<AuditRecord> story = packets().stream().filter(r -> r.correlationId().equals("spec-000001")).toList();
    assertThat(story).extracting(AuditRecord::type).containsExactly("risk.check", "order.refused");
    assertThat(story.get(0).payload()).containsEntry("passed", "false").containsEntry("rule", "ORDER_VALUE");
    assertThat(story.get(1).payload().get("reason")).contains("₹50,000.00");
  }

  @Test
  void failClosedRefusesAnOrderWhoseIntentCannotBeRecordedAndTheBrokerNeverSeesIt() {
    AuditService audit = AuditService.builder(recorder).timeSource(clock).build().attach(bus);
    ExecutionTier t = tier(audit);
    t.onTick(tick("09:20:00", "2500.00"));
    log.failing = true;

    assertThatThrownBy(() -> t.orderService().submit(order("spec-000001", Side.BUY, 10)))
        .isInstanceOf(OrderRejectedException.class)
        .hasMessageContaining("intent could not be recorded").hasMessageContaining("No space left on device");

    assertThat(t.broker().orders()).isEmpty();
    assertThat(t.orders().find("spec-000001")).isEmpty();
    log.failing = false;
    assertThat(packets()).extracting(AuditRecord::type).contains("order.refused").doesNotContain("order.intent");
  }

  @Test
  void failOpenSendsTheOrderAnywayWhenTheIntentCannotBeRecorded() {
    AuditService audit = AuditService.builder(recorder).timeSource(clock).failMode(AuditService.FailMode.OPEN).build()
        .attach(bus);
    ExecutionTier t = tier(audit);
    t.onTick(tick("09:20:00", "2500.00"));
    log.failing = true;

    t.orderService().submit(order("spec-000001", Side.BUY, 10));

    assertThat(t.broker().orders()).hasSize(1);
    log.failing = false;
  }

  @Test
  void theDaysSummaryAndTheConfigurationAreRecorded() {
    AuditService audit = AuditService.builder(recorder).timeSource(clock).build().attach(bus);
    ExecutionTier t = tier(audit);
    TradingSession session = ExchangeCalendar.nse().session(MONDAY).orElseThrow();
    audit.configuration("risk", Map.of("maxOrderValue", "50000.00"));
    t.sessionStarted(session);
    t.sessionEnded(session);

    List<AuditRecord> all = packets();
    assertThat(all).extracting(AuditRecord::type).containsExactly("config", "session.summary");
    assertThat(all.get(0).correlationId()).isEqualTo("config:risk");
    assertThat(all.get(1).correlationId()).isEqualTo("session:2025-01-06");
    assertThat(all.get(1).payload()).containsEntry("dayPnl", "0.00").containsEntry("fills", "0");
  }
}
