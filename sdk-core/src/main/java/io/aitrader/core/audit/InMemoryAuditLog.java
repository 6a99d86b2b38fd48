package io.aitrader.core.audit;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import io.aitrader.api.time.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference {@link AuditLog}: the hash chain in memory, gone on {@link #close()}. For tests, backtests and
 * replays; a live run uses a {@link FileAuditLog} (or a connector's log).
 *
 * <pre>{@code
 * AuditLog log = InMemoryAuditLog.create(clock);
 * log.append("signal.emitted", "mom5m-000042", Map.of("side", "BUY"));
 * log.verify().isValid();   // true
 * }</pre>
 *
 * <p>Thread-safe: appends are serialised (synchronized), so sequences follow append order. {@link #sync()} has
 * nothing to do. After {@link #close()} every call but {@code close} fails with {@link IllegalStateException}.
 */
public final class InMemoryAuditLog implements AuditLog {
  private final TimeSource timeSource;
  private final List<AuditRecord> records = new ArrayList<>();
  private String lastHash = AuditRecord.GENESIS_HASH;
  private boolean closed;

  private InMemoryAuditLog(TimeSource timeSource) {
    this.timeSource = timeSource;
  }

  /** An empty log stamping appends with {@code timeSource}. */
  public static InMemoryAuditLog create(TimeSource timeSource) {
    return new InMemoryAuditLog(required(timeSource, "timeSource"));
  }

  @Override
  public AuditRecord append(String type, String correlationId, Map<String, String> payload) {
    FileAuditLog.checkArguments(type, correlationId, payload);
    return add(0, true, type, correlationId, payload);
  }

  @Override
  public AuditRecord append(long timestampMillis, String type, String correlationId, Map<String, String> payload) {
    check(timestampMillis > 0, "timestampMillis", "must be > 0", timestampMillis);
    FileAuditLog.checkArguments(type, correlationId, payload);
    return add(timestampMillis, false, type, correlationId, payload);
  }

  private synchronized AuditRecord add(long timestampMillis, boolean fromClock, String type, String correlationId,
      Map<String, String> payload) {
    ensureOpen();
    long ts = fromClock ? timeSource.currentTimeMillis() : timestampMillis;
    AuditRecord r = AuditRecord.seal(records.size() + 1L, ts, correlationId, type, payload, lastHash);
    records.add(r);
    lastHash = r.hash();
    return r;
  }

  @Override
  public synchronized void sync() {
    ensureOpen();
  }

  @Override
  public synchronized List<AuditRecord> read(long fromSequence, int limit) {
    check(fromSequence >= 1, "fromSequence", "must be >= 1", fromSequence);
    check(limit >= 1, "limit", "must be >= 1", limit);
    ensureOpen();
    if (fromSequence > records.size()) {
      return List.of();
    }
    int from = (int) (fromSequence - 1);
    return List.copyOf(records.subList(from, (int) Math.min(records.size(), (long) from + limit)));
  }

  @Override
  public synchronized long lastSequence() {
    ensureOpen();
    return records.size();
  }

  @Override
  public AuditVerification verify() {
    List<AuditRecord> snapshot;
    synchronized (this) {
      ensureOpen();
      snapshot = List.copyOf(records);
    }
    ChainVerifier v = new ChainVerifier();
    for (int i = 0; i < snapshot.size() && v.accept(snapshot.get(i), "", i + 1L); i++) {
      // accept() does the work; the loop stops at the first break
    }
    return v.finish();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the in-memory audit log is closed");
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
