package io.aitrader.core.services;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.bus.Watermark;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.core.audit.AuditEntry;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.risk.KillSwitchEvent;
import io.aitrader.core.risk.RiskCheck;
import io.aitrader.core.risk.RiskEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * What the audit and notification services see of the order service: order updates, fills, risk checks, kill-switch
 * events, the audit entries it publishes (for the audit service), feed status and session summaries, relayed from the shared bus to a private synchronous bus (where {@code AuditService} or
 * {@code AlertRules} are attached), with the watermarks of the order service's streams tracked by an
 * {@link EventTimeGate}. Only topics that cross the bus are subscribed (a Kafka bus needs a codec for each), one
 * subscription per topic (a Kafka bus splits a topic's partitions between the subscriptions of one client).
 */
final class OrderStreamRelay {
  private final InProcessEventBus local = InProcessEventBus.create();
  private final EventTimeGate gate = new EventTimeGate();
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final LongConsumer eventTime;

  /**
   * @param eventTime receives the event time of each order update and fill, in event-time order
   * @param advanced  receives the order streams' low watermark each time it rises
   */
  OrderStreamRelay(LongConsumer eventTime, LongConsumer advanced) {
    this.eventTime = eventTime;
    gate.onAdvance(advanced);
  }

  /** The private bus the relayed events are published on. */
  EventBus local() {
    return local;
  }

  /**
   * Subscribes to the shared bus: call after attaching to {@link #local()}.
   *
   * @param auditEntries whether to relay {@link AuditEntry#TOPIC} too (the audit service)
   */
  void start(EventBus bus, boolean auditEntries) {
    relay(bus, Topics.orderUpdates(), gate.input("order updates", 0, Order::updatedAtMillis,
        o -> o.instrument().id(), o -> eventTime.accept(o.updatedAtMillis())));
    relay(bus, Topics.fills(), gate.input("fills", 1, Fill::timestampMillis, f -> f.instrument().id(),
        f -> eventTime.accept(f.timestampMillis())));
    relay(bus, RiskEngine.TOPIC, gate.input("risk checks", 2, RiskCheck::timestampMillis, RiskCheck::referenceId,
        c -> eventTime.accept(c.timestampMillis())));
    relay(bus, RiskEngine.KILL_SWITCH_TOPIC, gate.input("kill switch", 3, KillSwitchEvent::timestampMillis,
        KillSwitchEvent::scope, e -> eventTime.accept(e.timestampMillis())));
    if (auditEntries) {
      relay(bus, AuditEntry.TOPIC, gate.input("audit entries", 4, AuditEntry::timestampMillis,
          AuditEntry::correlationId, e -> eventTime.accept(e.timestampMillis())));
    }
    relay(bus, Topics.feedStatus(), null);
    relay(bus, ExecutionTier.SESSION_SUMMARY_TOPIC, null);
  }

  /** Each event goes to the private bus, then to {@code gateInput} (with the watermarks), if given. */
  private <T> void relay(EventBus bus, Topic<T> topic, @Nullable EventHandler<T> gateInput) {
    subscriptions.add(bus.subscribe(topic, new EventHandler<T>() {
      @Override
      public void onEvent(T event) {
        local.publish(topic, event);
        if (gateInput != null) {
          gateInput.onEvent(event);
        }
      }

      @Override
      public void onWatermark(Watermark watermark) {
        if (gateInput != null) {
          gateInput.onWatermark(watermark);
        }
      }
    }, SubscriptionOptions.SYNCHRONOUS));
  }

  /** Unsubscribes from the shared bus. */
  void stop() {
    subscriptions.forEach(Subscription::close);
  }

  /** Closes the private bus (after {@link #stop()} and after what is attached to it was closed). */
  void closeLocal() {
    local.close();
  }
}
