package io.aitrader.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.OrderStore;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.charges.IndianChargesModel;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.risk.RiskLimits;
import io.aitrader.core.risk.RiskProfiles;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.market.synthetic.SyntheticMarket;
import io.aitrader.core.paper.PaperBroker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The session the service-unit tests run: 2025-06-02, four NSE equities, a seeded synthetic market. */
final class TestSessions {
  static final ExchangeCalendar CALENDAR = ExchangeCalendar.nse();
  static final InMemoryInstrumentRepository INSTRUMENTS = InMemoryInstrumentRepository.bundledNse();
  static final TradingSession SESSION = CALENDAR.session(LocalDate.of(2025, 6, 2)).orElseThrow();

  private TestSessions() {}

  /** RELIANCE, TCS, INFY, SBIN; the strategy trades 5m bars. */
  static SessionPlan plan(Set<BarInterval> bars) {
    List<Instrument> instruments = new ArrayList<>();
    for (String s : List.of("RELIANCE", "TCS", "INFY", "SBIN")) {
      instruments.add(INSTRUMENTS.find(Exchange.NSE, s).orElseThrow());
    }
    return new SessionPlan(SESSION, instruments, bars, BarInterval.M5);
  }

  /** A ₹10,00,000 paper account with Groww's charges, journaling in {@code orders}. */
  static OrderUnit.TierFactory paperAccount(OrderStore orders) {
    return paperAccount(orders, RiskLimits.defaults());
  }

  /** A paper account with risk {@code limits}, its intents recorded by the recorder the order unit gives. */
  static OrderUnit.TierFactory paperAccount(OrderStore orders, RiskLimits limits) {
    return (clock, local, intents) -> ExecutionTier.builder().timeSource(clock).eventBus(local).orderStore(orders)
        .paperBroker(PaperBroker.builder()).charges(IndianChargesModel.groww()).startingCash(Money.ofRupees(1_000_000))
        .risk(RiskProfiles.of(limits)).intentRecorder(intents).build();
  }

  /** Plays the plan's session (seed 11) through an ingestor on {@code bus}. */
  static void play(EventBus bus, SessionPlan plan) {
    new IngestorUnit(bus, plan).run(SyntheticMarket.builder().instruments(plan.instruments()).session(SESSION)
        .seed(11).build());
  }

  /** Waits (up to 120 s) until every unit has reached the session's end, and requires it. */
  static void awaitSessionDone(List<ServiceUnit> units) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!units.stream().allMatch(ServiceUnit::sessionDone) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    assertThat(units).allMatch(ServiceUnit::sessionDone, "every unit reached the session's end");
  }
}
