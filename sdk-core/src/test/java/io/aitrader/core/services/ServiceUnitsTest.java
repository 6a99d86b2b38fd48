package io.aitrader.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.OverflowPolicy;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.StoredOrder;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.charges.IndianChargesModel;
import io.aitrader.core.orders.InMemoryOrderStore;
import io.aitrader.core.store.EmbeddedMarketStore;
import io.aitrader.core.strategy.reference.RulesModelStrategy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every service unit of a session wired on one bus. With synchronous delivery the run is one thread; with
 * asynchronous delivery each subscription has its own thread and the streams interleave differently on every run —
 * the watermarks and gates must make the decisions identical anyway.
 */
class ServiceUnitsTest {

  /** What a run left behind: bars stored, orders journaled, the portfolio's state. */
  record Outcome(List<Bar> bars, List<StoredOrder> orders, String portfolio, List<String> reports) {}

  private static Outcome run(EventBus bus) {
    SessionPlan plan = TestSessions.plan(EnumSet.of(BarInterval.M1, BarInterval.M5));
    TradingSession session = plan.session();
    List<Instrument> instruments = plan.instruments();
    RulesModelStrategy strategy = RulesModelStrategy.standard(instruments, BarInterval.M5);
    EmbeddedMarketStore store = EmbeddedMarketStore.inMemory();
    InMemoryOrderStore orders = new InMemoryOrderStore();
    String[] state = {""};
    List<ServiceUnit> units = List.of(
        new MarketStoreUnit(bus, store, plan),
        new BarAggregatorUnit(bus, TestSessions.CALENDAR, plan),
        new FeatureUnit(bus, plan, strategy.features(), v -> { }),
        new SignalUnit(bus, plan, strategy.features(), strategy.ruleSet()),
        new OrderUnit(bus, plan, strategy, TestSessions.INSTRUMENTS, TestSessions.CALENDAR, false,
            TestSessions.paperAccount(orders)),
        new PortfolioUnit(bus, plan, Money.ofRupees(1_000_000), IndianChargesModel.groww(),
            p -> state[0] = p.saveState()));
    TestSessions.play(bus, plan);
    TestSessions.awaitSessionDone(units);
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
