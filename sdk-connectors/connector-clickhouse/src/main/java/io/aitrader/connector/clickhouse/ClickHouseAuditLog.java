package io.aitrader.connector.clickhouse;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import io.aitrader.api.time.TimeSource;
import io.aitrader.connector.clickhouse.internal.RowBinaryReader;
import io.aitrader.connector.clickhouse.internal.RowBinaryWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link AuditLog} on ClickHouse: one row per record in {@code audit_log} (seq, ts, corr, type, the payload
 * as two parallel {@code Array(String)} columns keeping its order and every character, prev, hash). The hash
 * chain is computed in Java by {@link AuditRecord#seal}, so a log written here verifies with any other
 * implementation's rules.
 *
 * <pre>{@code
 * AuditLog audit = ClickHouseAuditLog.open(connector, TimeSource.system());
 * audit.append("order.submitted", order.referenceId(), Map.of("quantity", "10"));
 * audit.verify().isValid();
 * }</pre>
 *
 * <p><b>Durability.</b> An append returns once ClickHouse has acknowledged its insert (the row is in a part on
 * the server's file system; ClickHouse does not fsync each insert), so {@link #sync()} has nothing more to do.
 * Each append is one HTTP request (a few milliseconds); batch-heavy audit streams belong in a file log.
 *
 * <p>Threading: thread-safe; appends are serialised, so sequences follow append order without gaps. One writing
 * process per database: the sequence and last hash are loaded at open and kept in memory.
 */
public final class ClickHouseAuditLog implements AuditLog {
  private static final String COLUMNS = "(seq, ts, corr, type, payload_keys, payload_values, prev, hash)";
  private static final String SELECT = "SELECT seq, ts, corr, type, payload_keys, payload_values, prev, hash "
      + "FROM audit_log ";
  private static final int VERIFY_PAGE = 10_000;

  private final ClickHouseConnector ch;
  private final TimeSource clock;
  private final Object lock = new Object();
  private final RowBinaryWriter writer = new RowBinaryWriter(512);
  private long lastSequence;
  private String lastHash;
  private boolean closed;

  private ClickHouseAuditLog(ClickHouseConnector ch, TimeSource clock, long lastSequence, String lastHash) {
    this.ch = ch;
    this.clock = clock;
    this.lastSequence = lastSequence;
    this.lastHash = lastHash;
  }

  /** A log over the connector's database, continuing the stored chain; stamps appends with {@code clock}. */
  public static ClickHouseAuditLog open(ClickHouseConnector connector, TimeSource clock) {
    required(connector, "ClickHouseAuditLog.connector");
    required(clock, "ClickHouseAuditLog.clock");
    List<AuditRecord> last = readRecords(connector, SELECT + "ORDER BY seq DESC LIMIT 1 FORMAT RowBinary");
    return last.isEmpty()
        ? new ClickHouseAuditLog(connector, clock, 0, AuditRecord.GENESIS_HASH)
        : new ClickHouseAuditLog(connector, clock, last.get(0).sequence(), last.get(0).hash());
  }

  @Override
  public AuditRecord append(String type, String correlationId, Map<String, String> payload) {
    synchronized (lock) {
      checkOpen();
      return appendLocked(clock.currentTimeMillis(), type, correlationId, payload);
    }
  }

  @Override
  public AuditRecord append(long timestampMillis, String type, String correlationId, Map<String, String> payload) {
    synchronized (lock) {
      checkOpen();
      return appendLocked(timestampMillis, type, correlationId, payload);
    }
  }

  private AuditRecord appendLocked(long ts, String type, String correlationId, Map<String, String> payload) {
    requireText(type, "AuditRecord.type");
    requireText(correlationId, "AuditRecord.correlationId");
    required(payload, "AuditRecord.payload");
    AuditRecord r = AuditRecord.seal(lastSequence + 1, ts, correlationId, type, payload, lastHash);
    RowBinaryWriter w = writer;
    w.reset();
    w.int64(r.sequence());
    w.int64(r.timestampMillis());
    w.string(r.correlationId());
    w.string(r.type());
    w.varint(r.payload().size());
    for (String k : r.payload().keySet()) {
      w.string(k);
    }
    w.varint(r.payload().size());
    for (String v : r.payload().values()) {
      w.string(v);
    }
    w.string(r.previousHash());
    w.string(r.hash());
    ch.insertRowBinary("audit_log", COLUMNS, w.array(), w.length());
    lastSequence = r.sequence();
    lastHash = r.hash();
    return r;
  }

  /** Returns at once: every append is already acknowledged by the server. */
  @Override
  public void sync() {
    synchronized (lock) {
      checkOpen();
    }
  }

  @Override
  public List<AuditRecord> read(long fromSequence, int limit) {
    check(fromSequence >= 1, "fromSequence", "must be >= 1", fromSequence);
    check(limit >= 1, "limit", "must be >= 1", limit);
    checkOpenUnlocked();
    return readRecords(ch, SELECT + "WHERE seq >= " + fromSequence + " ORDER BY seq LIMIT " + limit
        + " FORMAT RowBinary");
  }

  @Override
  public long lastSequence() {
    synchronized (lock) {
      checkOpen();
      return lastSequence;
    }
  }

  @Override
  public AuditVerification verify() {
    checkOpenUnlocked();
    long expected = 1;
    String prev = AuditRecord.GENESIS_HASH;
    while (true) {
      List<AuditRecord> page = readRecords(ch, SELECT + "WHERE seq >= " + expected + " ORDER BY seq LIMIT "
          + VERIFY_PAGE + " FORMAT RowBinary");
      for (AuditRecord r : page) {
        long checked = expected - 1;
        if (r.sequence() != expected) {
          return AuditVerification.broken(checked, expected, "sequence " + expected + " is missing (found "
              + r.sequence() + ")");
        }
        if (!r.previousHash().equals(prev)) {
          return AuditVerification.broken(checked, r.sequence(), "previous hash does not match record "
              + (expected - 1) + "'s hash");
        }
        if (!r.hasValidHash()) {
          return AuditVerification.broken(checked, r.sequence(), "hash does not match the record's content");
        }
        prev = r.hash();
        expected++;
      }
      if (page.size() < VERIFY_PAGE) {
        return AuditVerification.valid(expected - 1);
      }
    }
  }

  private static List<AuditRecord> readRecords(ClickHouseConnector ch, String sql) {
    RowBinaryReader r = new RowBinaryReader(ch.query(sql));
    List<AuditRecord> out = new ArrayList<>();
    while (r.hasMore()) {
      long seq = r.int64();
      long ts = r.int64();
      String corr = r.string();
      String type = r.string();
      int n = Math.toIntExact(r.varint());
      String[] keys = new String[n];
      for (int i = 0; i < n; i++) {
        keys[i] = r.string();
      }
      int m = Math.toIntExact(r.varint());
      check(m == n, "audit_log.payload_values", "must have as many entries as payload_keys " + n, m);
      Map<String, String> payload = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        payload.put(keys[i], r.string());
      }
      out.add(new AuditRecord(seq, ts, corr, type, payload, r.string(), r.string()));
    }
    return Collections.unmodifiableList(out);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("ClickHouseAuditLog on " + ch.config().database() + " is closed");
    }
  }

  private void checkOpenUnlocked() {
    synchronized (lock) {
      checkOpen();
    }
  }

  /** Marks the log closed; later calls throw {@link IllegalStateException}. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
  }
}
