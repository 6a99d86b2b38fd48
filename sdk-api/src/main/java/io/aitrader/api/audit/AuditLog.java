package io.aitrader.api.audit;

import java.util.List;
import java.util.Map;

/**
 * The Audit Service: an append-only, hash-chained log of every decision. The embedded default writes a local
 * file; the ClickHouse connector stores it in a table. Records are never changed or deleted.
 *
 * <pre>{@code
 * auditLog.append("order.submitted", order.referenceId(),
 *     Map.of("instrument", order.instrument().id(), "quantity", Long.toString(order.request().quantity())));
 * List<AuditRecord> page = auditLog.read(1, 100);
 * auditLog.verify().isValid();
 * }</pre>
 *
 * <p>Threading: thread-safe; appends are serialised, so sequences follow append order without gaps. The log
 * takes timestamps from its injected {@link io.aitrader.api.time.TimeSource}. An append is durable when it
 * returns (to the implementation's stated level, e.g. flushed to the OS).
 */
public interface AuditLog extends AutoCloseable {

  /**
   * Appends a record with the next sequence number, the current time and the last record's hash; returns it.
   * {@code payload} is copied in its iteration order (use a {@code LinkedHashMap} for a stable order).
   */
  AuditRecord append(String type, String correlationId, Map<String, String> payload);

  /**
   * Appends a record stamped with {@code timestampMillis} rather than the log's clock: the time of the event it
   * records (a replay stamps the same times as the live run did). {@code timestampMillis > 0}; it need not be
   * later than the previous record's.
   */
  AuditRecord append(long timestampMillis, String type, String correlationId, Map<String, String> payload);

  /**
   * Makes every record appended so far durable at the strongest level the implementation offers (a file log
   * forces its data to the disk). A log that already syncs on every append returns at once.
   */
  void sync();

  /**
   * Up to {@code limit} records with sequence {@code >= fromSequence}, in sequence order; empty past the end.
   * {@code fromSequence >= 1}, {@code limit >= 1}.
   */
  List<AuditRecord> read(long fromSequence, int limit);

  /** The sequence of the last record, 0 when the log is empty. */
  long lastSequence();

  /**
   * Reads the whole log and checks each record's hash, its link to the previous record and the sequence; stops at
   * the first bad record.
   */
  AuditVerification verify();

  /** Flushes and releases the underlying storage. Idempotent. */
  @Override
  void close();
}
