package io.aitrader.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.OverflowPolicy;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.StoredOrder;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.charges.IndianChargesModel;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.market.synthetic.SyntheticMarket;
import io.aitrader.core.orders.InMemoryOrderStore;
import io.aitrader.core.paper.PaperBroker;
import io.aitrader.core.store.EmbeddedMarketStore;
import io.aitrader.core.strategy.reference.RulesModelStrategy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Every service unit of a session wired on one bus. With synchronous delivery the run is one thread; with
 * asynchronous delivery each subscription has its own thread and the streams interleave differently on every run —
 * the watermarks and gates must make the decisions identical anyway.
 */
class ServiceUnitsTest {
  private static final ExchangeCalendar CALENDAR = ExchangeCalendar.nse();
  private static final InMemoryInstrumentRepository INSTRUMENTS = InMemoryInstrumentRepository.bundledNse();

  /** What a run left behind: bars stored, orders journaled, the portfolio's state. */
  record Outcome(List<Bar> bars, List<StoredOrder> orders, String portfolio, List<String> reports) {}

  private static Outcome run(EventBus bus) {
    TradingSession session = CALENDAR.session(LocalDate.of(2025, 6, 2)).orElseThrow();
    List<Instrument> instruments = new ArrayList<>();
    for (String s : List.of("RELIANCE", "TCS", "INFY", "SBIN")) {
      instruments.add(INSTRUMENTS.find(Exchange.NSE, s).orElseThrow());
    }
    SessionPlan plan = new SessionPlan(session, instruments, EnumSet.of(BarInterval.M1, BarInterval.M5), BarInterval.M5);
    RulesModelStrategy strategy = RulesModelStrategy.standard(instruments, BarInterval.M5);
    EmbeddedMarketStore store = EmbeddedMarketStore.inMemory();
    InMemoryOrderStore orders = new InMemoryOrderStore();
    String[] state = {""};
    List<ServiceUnit> units = List.of(
        new MarketStoreUnit(bus, store, plan),
        new BarAggregatorUnit(bus, CALENDAR, plan),
        new FeatureUnit(bus, plan, strategy.features(), v -> { }),
        new SignalUnit(bus, plan, strategy.features(), strategy.ruleSet()),
        new OrderUnit(bus, plan, strategy, INSTRUMENTS, CALENDAR, (clock, local) -> ExecutionTier.builder()
            .timeSource(clock).eventBus(local).orderStore(orders).paperBroker(PaperBroker.builder())
            .charges(IndianChargesModel.groww()).startingCash(Money.ofRupees(1_000_000)).build()),
        new PortfolioUnit(bus, plan, Money.ofRupees(1_000_000), IndianChargesModel.groww(),
            p -> state[0] = p.saveState()));
    IngestorUnit ingestor = new IngestorUnit(bus, plan);
    ingestor.run(SyntheticMarket.builder().instruments(instruments).session(session).seed(11).build());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!units.stream().allMatch(ServiceUnit::sessionDone) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    assertThat(units).allMatch(ServiceUnit::sessionDone, "every unit reached the session's end");
    List<String> reports = units.stream().map(ServiceUnit::report).toList();
    units.forEach(ServiceUnit::close);
    List<Bar> bars = new ArrayList<>();
    for (Instrument i : instruments) {
      for (BarInterval interval : plan.barIntervals()) {
        bars.addAll(store.bars(i, interval, session.openMillis(), plan.endMillis()));
      }
    }
    return new Outcome(bars, orders.orders(), state[0], reports);
  }

  @Test
  void decideTheSameWithSynchronousAndAsynchronousDelivery() {
    Outcome sync;
    try (InProcessEventBus bus = InProcessEventBus.create()) {
      sync = run(bus);
    }
    Outcome async;
    try (InProcessEventBus bus = InProcessEventBus.builder()
        .defaultOptions(SubscriptionOptions.asynchronous(1 << 16, OverflowPolicy.BLOCK)).build()) {
      async = run(bus);
    }

    assertThat(sync.bars()).as("bars were made").hasSizeGreaterThan(4 * 300);
    assertThat(sync.orders()).as("the strategy traded: %s", sync.reports()).isNotEmpty();
    assertThat(sync.portfolio()).isNotEmpty();
    assertThat(async.bars()).isEqualTo(sync.bars());
    assertThat(async.orders()).isEqualTo(sync.orders());
    assertThat(async.portfolio()).isEqualTo(sync.portfolio());
  }
}
