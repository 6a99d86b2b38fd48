package io.aitrader.core.services;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.Tick;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.strategy.StrategyHost;
import io.aitrader.core.time.ManualTimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The order service as a service: the strategy turns its signals into orders, which pass risk and the order service
 * to the broker (the paper broker fills them on the ticks), with the account kept by the {@link ExecutionTier}.
 *
 * <p>Its inputs — the strategy's bars, its signals and the ticks — are put in event-time order by an
 * {@link EventTimeGate} (bars, then the signals decided on them, then ticks, at equal times) and replayed into a
 * private synchronous bus where the strategy host and the tier run exactly as in a backtest, on a clock that follows
 * the released events. Order updates and fills go out on {@code orders.updates} and {@code orders.fills}, followed by
 * the released watermark. The session ends for it when every input has passed the session's end. One instance per
 * account.
 */
public final class OrderUnit implements ServiceUnit {
  private final EventBus bus;
  private final SessionPlan plan;
  private final EventTimeGate gate = new EventTimeGate();
  private final InProcessEventBus local = InProcessEventBus.create();
  private final ManualTimeSource clock;
  private final ExecutionTier tier;
  private final StrategyHost host;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private volatile boolean done;

  /**
   * @param tierFactory builds the account's execution tier (broker, order store, risk, charges) on the given clock and
   *                    private bus
   */
  public OrderUnit(EventBus bus, SessionPlan plan, Strategy strategy, InstrumentRepository instruments,
      MarketCalendar calendar, BiFunction<TimeSource, EventBus, ExecutionTier> tierFactory) {
    this.bus = bus;
    this.plan = plan;
    this.clock = new ManualTimeSource(plan.session().preOpenStartMillis());
    this.tier = tierFactory.apply(clock, local);
    Topic<Bar> bars = Topics.bars(plan.strategyInterval());
    Topic<Signal> signals = Topics.signals(strategy.id());
    local.subscribe(bars, tier::onBar, SubscriptionOptions.SYNCHRONOUS);
    for (Exchange e : plan.exchanges()) {
      local.subscribe(Topics.ticks(e), tier::onTick, SubscriptionOptions.SYNCHRONOUS);
    }
    host = StrategyHost.builder(strategy).bus(local).instruments(instruments).calendar(calendar).signalsFromBus()
        .orders(tier.orderService()).portfolio(tier.portfolio()).build();
    local.subscribe(Topics.orderUpdates(), o -> bus.publish(Topics.orderUpdates(), o), SubscriptionOptions.SYNCHRONOUS);
    local.subscribe(Topics.fills(), f -> bus.publish(Topics.fills(), f), SubscriptionOptions.SYNCHRONOUS);
    local.subscribe(ExecutionTier.SESSION_SUMMARY_TOPIC, s -> bus.publish(ExecutionTier.SESSION_SUMMARY_TOPIC, s),
        SubscriptionOptions.SYNCHRONOUS);
    tier.sessionStarted(plan.session());
    host.start();
    host.sessionStarted(plan.session());

    gate.onAdvance(this::advanced);
    subscriptions.add(bus.subscribe(bars, gate.input("bars", 0, Bar::closeTimeMillis, b -> b.instrument().id(),
        b -> replay(bars, b, b.closeTimeMillis()))));
    subscriptions.add(bus.subscribe(signals, gate.input("signals", 1, Signal::timestampMillis,
        s -> s.instrument().id(), s -> replay(signals, s, s.timestampMillis()))));
    for (Exchange e : plan.exchanges()) {
      Topic<Tick> ticks = Topics.ticks(e);
      subscriptions.add(bus.subscribe(ticks, gate.input("ticks " + e, 2, Tick::timestampMillis,
          t -> t.instrument().id(), t -> replay(ticks, t, t.timestampMillis()))));
    }
  }

  private <T> void replay(Topic<T> topic, T event, long eventTime) {
    if (eventTime > clock.currentTimeMillis()) {
      clock.set(eventTime);
    }
    local.publish(topic, event);
  }

  private void advanced(long low) {
    if (low >= plan.endMillis() && !done) {
      clock.set(Math.max(clock.currentTimeMillis(), plan.session().closeMillis()));
      host.sessionEnded(plan.session());
      tier.sessionEnded(plan.session());
      done = true;
    }
    bus.publishWatermark(Topics.orderUpdates(), low);
    bus.publishWatermark(Topics.fills(), low);
  }

  /** The account's tier (its portfolio, orders and summary). */
  public ExecutionTier tier() {
    return tier;
  }

  @Override
  public String name() {
    return "order";
  }

  @Override
  public boolean sessionDone() {
    return done;
  }

  @Override
  public String report() {
    synchronized (gate) {
      return "order: " + gate.releasedCount() + " events in event-time order, " + tier.summary();
    }
  }

  @Override
  public void close() {
    subscriptions.forEach(Subscription::close);
    synchronized (gate) {
      host.close();
      tier.close();
      local.close();
    }
  }
}
