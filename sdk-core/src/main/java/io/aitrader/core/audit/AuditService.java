package io.aitrader.core.audit;

import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.Registration;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.signal.SignalService;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.orders.IntentRecorder;
import io.aitrader.core.risk.RiskEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Audit service: turns every decision into an audit packet — each signal with its features, model and rules;
 * each risk check; each order's intent (before it is sent); each refusal, broker acknowledgement, rejection and fill
 * with its charges; kill switches, feed outages, the daily summary and configuration — and records it through an
 * {@link AuditRecorder}. Packets of one order share its reference id as correlation id; an order's intent names the
 * signal it was decided on, so {@code aitrader audit show --order <ref>} tells the whole story.
 *
 * <pre>{@code
 * AuditService audit = AuditService.builder(recorder).timeSource(clock).build();
 * ExecutionTier tier = ExecutionTier.builder()...intentRecorder(audit).build();
 * audit.attach(bus);                 // risk checks, order updates, kill switch, feed status, session summaries
 * audit.attach(tier);                // fills with their charges, refusals
 * audit.attach(signalService);       // signals (attach before the strategy host subscribes)
 * audit.linkSignals(host::currentSignal);
 * audit.configuration("risk", Map.of("maxDailyLoss", "20000"));
 * }</pre>
 *
 * <p><b>Intents</b> are recorded durably: {@link #recordIntent} returns once the packet is synced. If it cannot be,
 * the default {@link FailMode#CLOSED} refuses the order (nothing is sent unrecorded); {@link FailMode#OPEN} logs a
 * warning and lets it go. Every other packet is queued and never blocks the trading path for long (see
 * {@link AuditRecorder}). Packets carry event times (the signal's, the fill's, the injected clock's for intents),
 * so a replay records the same times.
 *
 * <p>Threading: subscriptions are synchronous, so packets of one publishing thread keep its order.
 */
public final class AuditService implements IntentRecorder, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);

  /** What to do with an order whose intent could not be recorded. */
  public enum FailMode {
    /** Refuse the order: nothing is sent that the audit log does not know (the default). */
    CLOSED,
    /** Send it anyway and log a warning. */
    OPEN
  }

  private final AuditSink recorder;
  private final TimeSource clock;
  private final FailMode failMode;
  private final List<Supplier<Optional<Signal>>> signalSources = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> subscriptions = new ArrayList<>();

  private AuditService(Builder b) {
    this.recorder = b.recorder;
    this.clock = required(b.clock, "AuditService.timeSource");
    this.failMode = b.failMode;
  }

  /**
   * An audit service recording through {@code recorder} — an {@link AuditRecorder} over a log, or a
   * {@link BusAuditSink} towards the audit service of another process — which it closes in {@link #close()}.
   */
  public static Builder builder(AuditSink recorder) {
    return new Builder(required(recorder, "recorder"));
  }

  /**
   * Records risk checks, kill-switch events, order updates, feed status and session summaries published on
   * {@code bus}: {@link #attachRiskEvents} and {@link #attachOrderStreams} together.
   */
  public synchronized AuditService attach(EventBus bus) {
    attachRiskEvents(bus);
    return attachOrderStreams(bus);
  }

  /** Records the risk checks and kill-switch events published on {@code bus}. */
  public synchronized AuditService attachRiskEvents(EventBus bus) {
    required(bus, "bus");
    SubscriptionOptions sync = SubscriptionOptions.SYNCHRONOUS;
    subscriptions.add(bus.subscribe(RiskEngine.TOPIC,
        c -> recorder.record(c.timestampMillis(), AuditPackets.RISK_CHECK, c.referenceId(), AuditPackets.riskCheck(c)), sync));
    subscriptions.add(bus.subscribe(RiskEngine.KILL_SWITCH_TOPIC,
        e -> recorder.record(e.timestampMillis(), AuditPackets.KILL_SWITCH, "kill-switch:" + e.scope(),
            AuditPackets.killSwitch(e)), sync));
    return this;
  }

  /** Records the order updates, feed status and session summaries published on {@code bus}. */
  public synchronized AuditService attachOrderStreams(EventBus bus) {
    required(bus, "bus");
    SubscriptionOptions sync = SubscriptionOptions.SYNCHRONOUS;
    subscriptions.add(bus.subscribe(Topics.orderUpdates(),
        o -> recorder.record(o.updatedAtMillis(), AuditPackets.ORDER_UPDATE, o.referenceId(), AuditPackets.update(o)), sync));
    subscriptions.add(bus.subscribe(Topics.feedStatus(),
        s -> recorder.record(s.timestampMillis(), AuditPackets.FEED_STATUS, "feed:" + s.feed(), AuditPackets.feedStatus(s)),
        sync));
    subscriptions.add(bus.subscribe(ExecutionTier.SESSION_SUMMARY_TOPIC,
        s -> recorder.record(s.timestampMillis(), AuditPackets.SESSION_SUMMARY, "session:" + s.date(),
            AuditPackets.sessionSummary(s)), sync));
    return this;
  }

  /**
   * Records a packet another process's audit service published ({@link AuditEntry}), with its own time, durably
   * when the sender asked for it.
   *
   * @throws AuditUnavailableException when a durable entry could not be made durable
   */
  public void record(AuditEntry entry) {
    if (entry.durable()) {
      recorder.recordDurably(entry.timestampMillis(), entry.type(), entry.correlationId(), entry.payload());
    } else {
      recorder.record(entry.timestampMillis(), entry.type(), entry.correlationId(), entry.payload());
    }
  }

  /** Records every fill with its charges and every refused order of {@code tier}. */
  public synchronized AuditService attach(ExecutionTier tier) {
    tier.addListener(new ExecutionTier.TierListener() {
      @Override
      public void afterFill(Fill fill, Charges charges) {
        recorder.record(fill.timestampMillis(), AuditPackets.FILL, fill.referenceId(), AuditPackets.fill(fill, charges));
      }

      @Override
      public void orderRefused(OrderRequest request, String reason, long timestampMillis) {
        recorder.record(timestampMillis, AuditPackets.ORDER_REFUSED, request.referenceId(),
            AuditPackets.refused(request, reason));
      }
    });
    return this;
  }

  /**
   * Records every signal of {@code signals}. Attach it before the strategy hosts subscribe, so that a signal's
   * packet comes before the packets of the orders decided on it.
   */
  public synchronized AuditService attach(SignalService signals) {
    Registration r = signals.subscribe(
        s -> recorder.record(s.timestampMillis(), AuditPackets.SIGNAL, AuditPackets.signalId(s), AuditPackets.signal(s)));
    subscriptions.add(r);
    return this;
  }

  /**
   * Where to learn which signal an order was decided on: typically {@code host::currentSignal} of each strategy
   * host. The first source with a signal names it in the intent packet.
   */
  public AuditService linkSignals(Supplier<Optional<Signal>> currentSignal) {
    signalSources.add(required(currentSignal, "currentSignal"));
    return this;
  }

  /** Records the configuration of {@code component} in force now (at start, or after a change). */
  public void configuration(String component, Map<String, String> settings) {
    requireText(component, "component");
    recorder.record(clock.currentTimeMillis(), AuditPackets.CONFIG, "config:" + component, new LinkedHashMap<>(settings));
  }

  /** Records {@code type} for {@code correlationId} now: for events of the application's own. */
  public void record(String type, String correlationId, Map<String, String> payload) {
    recorder.record(clock.currentTimeMillis(), type, correlationId, payload);
  }

  @Override
  public void recordIntent(OrderRequest request, String parentReferenceId) {
    Optional<Signal> cause = Optional.empty();
    for (Supplier<Optional<Signal>> source : signalSources) {
      cause = source.get();
      if (cause.isPresent()) {
        break;
      }
    }
    try {
      recorder.recordDurably(clock.currentTimeMillis(), AuditPackets.ORDER_INTENT, request.referenceId(),
          AuditPackets.intent(request, parentReferenceId, cause));
    } catch (AuditUnavailableException e) {
      if (failMode == FailMode.CLOSED) {
        throw e;
      }
      LOG.warn("order {} is sent although its intent could not be recorded (audit fail-open): {}",
          request.referenceId(), e.getMessage());
    }
  }

  /** The recorder's counters. */
  public AuditRecorder.Stats stats() {
    return recorder.stats();
  }

  /** Waits until every packet so far is written and synced; false when that took longer than {@code timeout}. */
  public boolean flush(Duration timeout) {
    return recorder.flush(timeout);
  }

  /** Unsubscribes, then drains and closes the recorder and its log. */
  @Override
  public synchronized void close() {
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        LOG.warn("closing an audit subscription failed: {}", e.toString());
      }
    }
    subscriptions.clear();
    recorder.close();
  }

  /** Settings of an {@link AuditService}. */
  public static final class Builder {
    private final AuditSink recorder;
    private TimeSource clock;
    private FailMode failMode = FailMode.CLOSED;

    private Builder(AuditSink recorder) {
      this.recorder = recorder;
    }

    /** The clock intents and configuration packets are stamped with (the tier's clock). Required. */
    public Builder timeSource(TimeSource v) {
      this.clock = required(v, "timeSource");
      return this;
    }

    /** {@link FailMode#CLOSED} (default) refuses orders whose intent was not recorded. */
    public Builder failMode(FailMode v) {
      this.failMode = required(v, "failMode");
      return this;
    }

    public AuditService build() {
      return new AuditService(this);
    }
  }
}
