package io.aitrader.core.audit;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.bus.EventBus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link AuditSink} for a service whose audit service runs in another process: each packet is published on the
 * bus as an {@link AuditEntry} ({@link AuditEntry#TOPIC}), and the audit service there records it in the audit log.
 * A durable packet (an order's intent) is published and then {@linkplain EventBus#flush() flushed}: it returns once
 * the bus has it durably (Kafka: acknowledged by every in-sync replica), so nothing is sent that the audit trail
 * could lose.
 *
 * <pre>{@code
 * AuditService audit = AuditService.builder(new BusAuditSink(kafkaBus)).timeSource(clock).build();
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} flushes and does not close the bus (its owner does).
 */
public final class BusAuditSink implements AuditSink {
  private final EventBus bus;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong flushes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  public BusAuditSink(EventBus bus) {
    this.bus = required(bus, "bus");
  }

  @Override
  public void record(long timestampMillis, String type, String correlationId, Map<String, String> payload) {
    bus.publish(AuditEntry.TOPIC, new AuditEntry(timestampMillis, type, correlationId, payload, false));
    published.incrementAndGet();
  }

  @Override
  public void recordDurably(long timestampMillis, String type, String correlationId, Map<String, String> payload) {
    try {
      bus.publish(AuditEntry.TOPIC, new AuditEntry(timestampMillis, type, correlationId, payload, true));
      bus.flush();
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      throw new AuditUnavailableException("the bus did not take " + type + " for " + correlationId + ": " + e.getMessage(),
          e);
    }
    published.incrementAndGet();
    flushes.incrementAndGet();
  }

  @Override
  public boolean flush(Duration timeout) {
    bus.flush();
    flushes.incrementAndGet();
    return true;
  }

  /** Published entries as {@code recorded}, flushes as {@code syncs}; nothing is queued here. */
  @Override
  public AuditRecorder.Stats stats() {
    return new AuditRecorder.Stats(published.get(), 0, 0, flushes.get(), failures.get());
  }

  @Override
  public void close() {
    bus.flush();
  }
}
