package io.aitrader.core.services;

import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.core.audit.AuditEntry;
import io.aitrader.core.audit.AuditRecorder;
import io.aitrader.core.audit.AuditService;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.execution.SessionSummary;
import io.aitrader.core.time.ManualTimeSource;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit service as a service: an {@link AuditService} records the order updates, risk checks, kill-switch events,
 * feed status and session summaries published on the bus, the {@link AuditEntry}s the order service publishes (its
 * orders' intents — recorded durably —, refusals and fills with their charges; see {@link OrderUnit}) and the
 * deployment's configuration, when given, through an {@link AuditRecorder} the unit owns over the given
 * {@link AuditLog}. The audit service is attached to a private synchronous bus that these topics are forwarded to.
 *
 * <p>Its clock — the time of the configuration packet and of anything recorded without an event time — follows event
 * time: it starts at the session's pre-open and moves with the order service's streams and their watermarks. The
 * session is done for it when the watermarks of those streams (which the order unit publishes) have passed
 * {@link SessionPlan#endMillis()}, the day's {@link SessionSummary} has been seen, and every packet so far is written
 * and synced. One instance per account (it consumes whole topics).
 *
 * <pre>{@code
 * AuditUnit audit = new AuditUnit(bus, plan, FileAuditLog.builder().directory(dir).syncOnAppend(false).open(),
 *     Map.of("strategy", "rules-model"));
 * }</pre>
 *
 * <p>Thread-safe: events may arrive on any bus thread.
 */
public final class AuditUnit implements ServiceUnit {
  private static final Logger LOG = LoggerFactory.getLogger(AuditUnit.class);
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

  private final SessionPlan plan;
  private final ManualTimeSource clock;
  private final AuditService audit;
  private final OrderStreamRelay relay;
  private boolean marksPassed;
  private boolean summarySeen;
  private volatile boolean done;

  /**
   * @param log           where the packets go; the unit closes it in {@link #close()}
   * @param configuration recorded as the {@code config:deployment} packet at the session's pre-open; empty for none
   */
  public AuditUnit(EventBus bus, SessionPlan plan, AuditLog log, Map<String, String> configuration) {
    this.plan = plan;
    this.clock = new ManualTimeSource(plan.session().preOpenStartMillis());
    this.relay = new OrderStreamRelay(this::follow, this::advanced);
    this.audit = AuditService.builder(AuditRecorder.builder(log).threadName("aitrader-audit-unit").build())
        .timeSource(clock).build();
    if (!configuration.isEmpty()) {
      audit.configuration("deployment", configuration);
    }
    audit.attach(relay.local());
    relay.local().subscribe(AuditEntry.TOPIC, audit::record, SubscriptionOptions.SYNCHRONOUS);
    // after the audit service: the summary's packet is queued before this sees it
    relay.local().subscribe(ExecutionTier.SESSION_SUMMARY_TOPIC, this::summary, SubscriptionOptions.SYNCHRONOUS);
    relay.start(bus, true);
  }

  private synchronized void follow(long eventTime) {
    if (eventTime > clock.currentTimeMillis()) {
      clock.set(eventTime);
    }
  }

  private synchronized void advanced(long low) {
    follow(Math.min(low, plan.session().closeMillis()));
    if (low >= plan.endMillis()) {
      marksPassed = true;
      finish();
    }
  }

  private synchronized void summary(SessionSummary s) {
    if (s.date().equals(plan.session().date())) {
      summarySeen = true;
      finish();
    }
  }

  private void finish() {
    if (done || !marksPassed || !summarySeen) {
      return;
    }
    if (audit.flush(FLUSH_TIMEOUT)) {
      done = true;
    } else {
      LOG.error("the audit log did not confirm the session's packets within {} s: {}", FLUSH_TIMEOUT.toSeconds(),
          audit.stats());
    }
  }

  /** The audit service (its counters; {@link AuditService#record} for packets of the application's own). */
  public AuditService audit() {
    return audit;
  }

  @Override
  public String name() {
    return "audit";
  }

  @Override
  public boolean sessionDone() {
    return done;
  }

  @Override
  public String report() {
    AuditRecorder.Stats s = audit.stats();
    return "audit: " + s.recorded() + " packets recorded in " + s.syncs() + " syncs, " + s.lost() + " lost, "
        + s.failures() + " write failures";
  }

  /** Unsubscribes, then writes what is queued and closes the recorder and the log. */
  @Override
  public void close() {
    relay.stop();
    audit.close();
    relay.closeLocal();
  }
}
