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
import io.aitrader.core.audit.AuditEntry;
import io.aitrader.core.audit.AuditService;
import io.aitrader.core.audit.BusAuditSink;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.orders.IntentRecorder;
import io.aitrader.core.risk.RiskEngine;
import io.aitrader.core.strategy.StrategyHost;
import io.aitrader.core.time.ManualTimeSource;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The order service as a service: the strategy turns its signals into orders, which pass risk and the order service
 * to the broker (the paper broker fills them on the ticks), with the account kept by the {@link ExecutionTier}.
 *
 * <p>Its inputs — the strategy's bars, its signals and the ticks — are put in event-time order by an
 * {@link EventTimeGate} (bars, then the signals decided on them, then ticks, at equal times) and replayed into a
 * private synchronous bus where the strategy host and the tier run exactly as in a backtest, on a clock that follows
 * the released events. Order updates, fills, risk checks and kill-switch events go out on the shared bus (and, with
 * an audit trail, the {@link AuditEntry}s of intents, refusals and charged fills), each topic followed by the
 * released watermark. The session ends for it when every input has passed the session's end. One instance per
 * account.
 */
public final class OrderUnit implements ServiceUnit {
  /** The topics this unit publishes on, each followed by the released watermark. */
  static final List<Topic<?>> OUTPUTS = List.of(Topics.orderUpdates(), Topics.fills(), RiskEngine.TOPIC,
      RiskEngine.KILL_SWITCH_TOPIC, AuditEntry.TOPIC);

  private final EventBus bus;
  private final SessionPlan plan;
  private final @Nullable AuditService audit;
  private final EventTimeGate gate = new EventTimeGate();
  private final InProcessEventBus local = InProcessEventBus.create();
  private final ManualTimeSource clock;
  private final ExecutionTier tier;
  private final StrategyHost host;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private volatile boolean done;

  /** Builds the account's execution tier (broker, order store, risk, charges). */
  @FunctionalInterface
  public interface TierFactory {
    /**
     * @param clock   the unit's clock (it follows event time)
     * @param local   the unit's private synchronous bus
     * @param intents what records each order's intent before it is sent (give it to the tier's builder)
     */
    ExecutionTier build(TimeSource clock, EventBus local, IntentRecorder intents);
  }

  /**
   * @param auditTrail  whether to publish the account's audit trail for an {@link AuditUnit}: its orders' intents
   *                    (durably: each is {@linkplain EventBus#flush() flushed} before the order is sent), refused
   *                    orders and fills with their charges as {@link AuditEntry}s
   * @param tierFactory builds the account's execution tier on the given clock and private bus
   */
  public OrderUnit(EventBus bus, SessionPlan plan, Strategy strategy, InstrumentRepository instruments,
      MarketCalendar calendar, boolean auditTrail, TierFactory tierFactory) {
    this.bus = bus;
    this.plan = plan;
    this.clock = new ManualTimeSource(plan.session().preOpenStartMillis());
    this.audit = auditTrail ? AuditService.builder(new BusAuditSink(bus)).timeSource(clock).build() : null;
    this.tier = tierFactory.build(clock, local, audit != null ? audit : IntentRecorder.NONE);
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
    local.subscribe(RiskEngine.TOPIC, c -> bus.publish(RiskEngine.TOPIC, c), SubscriptionOptions.SYNCHRONOUS);
    local.subscribe(RiskEngine.KILL_SWITCH_TOPIC, e -> bus.publish(RiskEngine.KILL_SWITCH_TOPIC, e),
        SubscriptionOptions.SYNCHRONOUS);
    if (audit != null) {
      audit.attach(tier);
      audit.linkSignals(host::currentSignal);
    }
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
    for (Topic<?> out : OUTPUTS) {
      bus.publishWatermark(out, low);
    }
  }

  /**
   * Runs {@code work} serialized with the unit's event delivery: for a broker whose order updates arrive on a thread
   * of its own (e.g. a live broker's order-update stream or a poll), so they reach the tier one at a time.
   */
  public void execute(Runnable work) {
    synchronized (gate) {
      work.run();
    }
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
      if (audit != null) {
        audit.close();
      }
      local.close();
    }
  }
}
