package io.aitrader.core.audit;

import java.time.Duration;
import java.util.Map;

/**
 * Where an {@link AuditService} sends its packets: an {@link AuditRecorder} writing to an audit log in this process,
 * or a {@link BusAuditSink} publishing them as {@link AuditEntry}s for an audit service in another process.
 *
 * <p>Implementations are thread-safe; packets from one thread keep their order.
 */
public interface AuditSink extends AutoCloseable {

  /** Queues a packet; returns at once (a loss is counted and logged, never thrown). */
  void record(long timestampMillis, String type, String correlationId, Map<String, String> payload);

  /**
   * Records a packet and returns once it is as durable as the sink promises (synced to the log; acknowledged by the
   * bus's brokers).
   *
   * @throws AuditUnavailableException when it could not be made durable; the message says why
   */
  void recordDurably(long timestampMillis, String type, String correlationId, Map<String, String> payload);

  /** Waits until every packet so far is durable, at most {@code timeout}; false on time-out. */
  boolean flush(Duration timeout);

  /** What the sink has done so far. */
  AuditRecorder.Stats stats();

  /** Makes what is queued durable and releases what the sink owns. Idempotent. */
  @Override
  void close();
}
