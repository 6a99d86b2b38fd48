package io.aitrader.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.bus.EventBus;
import io.aitrader.core.execution.ExecutionSummary;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.market.synthetic.SyntheticMarket;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPipelineTest {
  private final ExchangeCalendar calendar = ExchangeCalendar.nse();
  private final InMemoryInstrumentRepository repository = InMemoryInstrumentRepository.bundledNse();
  private final List<Instrument> instruments = List.of(
      repository.find(Exchange.NSE, "RELIANCE").orElseThrow(),
      repository.find(Exchange.NSE, "INFY").orElseThrow(),
      repository.find(Exchange.NSE, "SBIN").orElseThrow());
  private final TradingSession session = calendar.session(LocalDate.of(2025, 3, 3)).orElseThrow();

  private BarStreamDigest run(long seed) {
    BarStreamDigest digest = BarStreamDigest.keepingBytes();
    SyntheticMarket feed = SyntheticMarket.builder().instruments(instruments).session(session).seed(seed).build();
    try (EventBus bus = InProcessEventBus.create(); feed) {
      DemoReport report = new DemoPipeline(calendar, bus, repository, instruments.get(0), BarInterval.M5, BarInterval.M5, DemoExecution.standard())
          .run(feed, instruments, session, 0, digest);
      assertThat(report.ticks()).isPositive();
    }
    return digest;
  }

  @Test
  void theSameSeedGivesAByteIdenticalBarStream() {
    BarStreamDigest first = run(11);
    BarStreamDigest second = run(11);

    assertThat(first.bars()).isEqualTo(3L * (375 + 188 + 125 + 75 + 38 + 25 + 13 + 7 + 1));
    assertThat(second.bytes()).isEqualTo(first.bytes());
  }

  @Test
  void theReferenceStrategyEmitsSignalsWithReasonsAndPaperTradesThem() {
    SyntheticMarket feed = SyntheticMarket.builder().instruments(instruments).session(session).seed(3).build();
    DemoReport report;
    try (EventBus bus = InProcessEventBus.create(); feed) {
      report = new DemoPipeline(calendar, bus, repository, instruments.get(0), BarInterval.M5, BarInterval.M5, DemoExecution.standard())
          .run(feed, instruments, session, 0, BarStreamDigest.create());
    }

    assertThat(report.signals()).isNotEmpty().allSatisfy(s -> {
      assertThat(s.strategyId()).isEqualTo("rules-model");
      assertThat(s.reason()).contains("✓");
      assertThat(s.timestampMillis()).isBetween(session.openMillis(), session.closeMillis());
      assertThat(s.features().timestampMillis()).isLessThanOrEqualTo(s.timestampMillis());
    });
    ExecutionSummary x = report.execution();
    assertThat(x.submitted()).isPositive();
    assertThat(x.fills()).isPositive();
    assertThat(x.placed() + x.rejected()).isGreaterThanOrEqualTo(x.submitted());
    assertThat(x.netPnl()).isEqualTo(x.grossPnl().minus(x.charges().total()));
  }

  @Test
  void theSameSeedGivesTheSameSignals() {
    List<String> first = signalsOf(21);
    assertThat(first).isNotEmpty().isEqualTo(signalsOf(21));
  }

  private List<String> signalsOf(long seed) {
    SyntheticMarket feed = SyntheticMarket.builder().instruments(instruments).session(session).seed(seed).build();
    try (EventBus bus = InProcessEventBus.create(); feed) {
      return new DemoPipeline(calendar, bus, repository, instruments.get(0), BarInterval.M5, BarInterval.M5, DemoExecution.standard())
          .run(feed, instruments, session, 0, BarStreamDigest.create())
          .signals().stream().map(s -> s.timestampMillis() + " " + s.instrument() + " " + s.direction() + " " + s.reason())
          .toList();
    }
  }

  @Test
  void anotherSeedGivesAnotherBarStream() {
    assertThat(run(12).bytes()).isNotEqualTo(run(11).bytes());
  }

  @Test
  void everyTickLandsInTheDailyBarAndNothingIsLost() {
    BarStreamDigest digest = BarStreamDigest.keepingBytes();
    SyntheticMarket feed = SyntheticMarket.builder().instruments(instruments).session(session).seed(5).build();
    DemoReport report;
    try (EventBus bus = InProcessEventBus.create(); feed) {
      report = new DemoPipeline(calendar, bus, repository, instruments.get(0), BarInterval.D1, BarInterval.M5, DemoExecution.standard()).run(feed, instruments, session, 0, digest);
    }

    assertThat(report.quotes()).isEqualTo(report.ticks() + report.ingest().dropped());
    assertThat(report.bars().ticksAccepted()).isEqualTo(report.ticks());
    assertThat(report.bars().ticksLate()).isZero();
    assertThat(report.sampleBars()).singleElement().satisfies(day -> {
      assertThat(day.openTimeMillis()).isEqualTo(session.openMillis());
      assertThat(day.closeTimeMillis()).isEqualTo(session.closeMillis());
      assertThat(day.volume()).isPositive();
    });
  }
}
