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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AuditLog} on ClickHouse: one row per record in {@code audit_log} (seq, ts, corr, type, the payload
 * as two parallel {@code Array(String)} columns keeping its order and every character, prev, hash). The hash
 * chain is computed in Java by {@link AuditRecord#seal}, so a log written here verifies with any other
 * implementation's rules.
 *
 * <pre>{@code
 * AuditLog audit = ClickHouseAuditLog.open(connector, TimeSource.system());
 * audit.append("order.submitted", order.referenceId(), Map.of("quantity", "10"));  // buffered
 * audit.sync();                                                                     // one insert, acknowledged
 * audit.verify().isValid();
 * }</pre>
 *
 * <p><b>Group commit.</b> An append seals the record (sequence, hash chain) and encodes it into an in-memory
 * buffer; {@link #sync()} writes the whole buffer as <em>one</em> {@code RowBinary} INSERT (one HTTP request, one
 * part). The buffer is also written when it holds {@code maxBufferedRecords} records or 4 MiB, before the next
 * append (so an append that cannot write a full buffer throws and appends nothing), by {@link #read}/{@link #verify}
 * (a read sees every record appended before it) and by {@link #close()}. {@code AuditRecorder} appends a batch and
 * syncs once, so each of its batches is one insert.
 *
 * <p><b>Durability.</b> A record is durable once the insert holding it was acknowledged: after {@link #sync()} (or a
 * read, a full buffer, close) returned. Until then it lives in this process only, and a crash loses it, as with a
 * file log that does not sync each append. ClickHouse acknowledges an insert when its part is on the server's file
 * system (it does not fsync per insert). Call {@code sync()} after each append for per-record acknowledgement
 * (the old behaviour, a few milliseconds each). <b>A failed write</b> keeps the records buffered and the next
 * {@code sync()} retries it; before retrying, the log asks the table which of them did arrive (an insert whose
 * answer was lost may have succeeded) and sends only the rest, so a retry never duplicates a record.
 *
 * <p>Threading: thread-safe; appends are serialised, so sequences follow append order without gaps; a write holds
 * the append lock. One writing process per database: the sequence and last hash are loaded at open and kept in
 * memory.
 */
public final class ClickHouseAuditLog implements AuditLog {
  private static final String COLUMNS = "(seq, ts, corr, type, payload_keys, payload_values, prev, hash)";
  private static final String SELECT = "SELECT seq, ts, corr, type, payload_keys, payload_values, prev, hash "
      + "FROM audit_log ";
  private static final int VERIFY_PAGE = 10_000;
  /** The records {@link #open(ClickHouseConnector, TimeSource)} buffers before an append writes them. */
  public static final int DEFAULT_MAX_BUFFERED_RECORDS = 1_024;
  /** The buffered bytes at which an append writes the buffer first, whatever the record count. */
  static final int MAX_BUFFERED_BYTES = 4 << 20;
  /** ClickHouse writes an insert of up to this many rows as one block (max_insert_block_size), all or nothing. */
  private static final int MAX_RECORDS_PER_INSERT = 1_000_000;
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseAuditLog.class);

  private final ClickHouseConnector ch;
  private final TimeSource clock;
  private final Object lock = new Object();
  private final int maxBuffered;
  /** The buffered records as RowBinary rows; row {@code i} starts at {@code rowStart[i]}. */
  private final RowBinaryWriter buffer = new RowBinaryWriter(64 * 1024);
  private final int[] rowStart;
  private int buffered;
  /** A write of the buffer failed: some of its records may have arrived nevertheless. */
  private boolean writeUncertain;
  private long lastSequence;
  private String lastHash;
  private boolean closed;

  private ClickHouseAuditLog(ClickHouseConnector ch, TimeSource clock, int maxBuffered, long lastSequence,
      String lastHash) {
    this.ch = ch;
    this.clock = clock;
    this.maxBuffered = maxBuffered;
    this.rowStart = new int[maxBuffered];
    this.lastSequence = lastSequence;
    this.lastHash = lastHash;
  }

  /**
   * A log over the connector's database, continuing the stored chain; stamps appends with {@code clock} and
   * buffers up to {@value #DEFAULT_MAX_BUFFERED_RECORDS} records between writes.
   */
  public static ClickHouseAuditLog open(ClickHouseConnector connector, TimeSource clock) {
    return open(connector, clock, DEFAULT_MAX_BUFFERED_RECORDS);
  }

  /**
   * A log as {@link #open(ClickHouseConnector, TimeSource)} buffering up to {@code maxBufferedRecords} records
   * (1 to 1,000,000) between writes; 1 writes each append at once (one insert per record).
   */
  public static ClickHouseAuditLog open(ClickHouseConnector connector, TimeSource clock, int maxBufferedRecords) {
    required(connector, "ClickHouseAuditLog.connector");
    required(clock, "ClickHouseAuditLog.clock");
    check(maxBufferedRecords >= 1 && maxBufferedRecords <= MAX_RECORDS_PER_INSERT,
        "ClickHouseAuditLog.maxBufferedRecords", "must be within [1, " + MAX_RECORDS_PER_INSERT + "]",
        maxBufferedRecords);
    List<AuditRecord> last = readRecords(connector, SELECT + "ORDER BY seq DESC LIMIT 1 FORMAT RowBinary");
    return last.isEmpty()
        ? new ClickHouseAuditLog(connector, clock, maxBufferedRecords, 0, AuditRecord.GENESIS_HASH)
        : new ClickHouseAuditLog(connector, clock, maxBufferedRecords, last.get(0).sequence(), last.get(0).hash());
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
    if (buffered == maxBuffered || buffer.length() >= MAX_BUFFERED_BYTES) {
      writeBufferLocked();
    }
    RowBinaryWriter w = buffer;
    rowStart[buffered] = w.length();
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
    buffered++;
    lastSequence = r.sequence();
    lastHash = r.hash();
    if (maxBuffered == 1) {
      writeBufferLocked();
    }
    return r;
  }

  /**
   * Writes the buffered records in one insert. On failure they stay buffered (the exception propagates) and the
   * next write first asks the table how many of them arrived.
   */
  private void writeBufferLocked() {
    if (buffered == 0) {
      return;
    }
    long first = lastSequence - buffered + 1;
    int skip = 0;
    if (writeUncertain) {
      long stored = Long.parseLong(ch.queryText("SELECT count() FROM audit_log WHERE seq >= " + first
          + " AND seq <= " + lastSequence + " FORMAT TabSeparated").strip());
      skip = Math.toIntExact(stored);
      if (skip > 0) {
        LOG.warn("ClickHouse audit log {}: {} of {} records (from sequence {}) had arrived despite the failed "
            + "write; writing the other {}", ch.config().database(), skip, buffered, first, buffered - skip);
      }
    }
    if (skip < buffered) {
      int from = rowStart[skip];
      byte[] rows = from == 0 ? buffer.array() : Arrays.copyOfRange(buffer.array(), from, buffer.length());
      try {
        ch.insertRowBinary("audit_log", COLUMNS, rows, buffer.length() - from);
      } catch (RuntimeException e) {
        writeUncertain = true;
        throw e;
      }
    }
    writeUncertain = false;
    buffered = 0;
    buffer.reset();
  }

  /**
   * Writes every buffered record to ClickHouse in one insert and returns once the server acknowledged it; returns
   * at once when nothing is buffered.
   *
   * @throws ClickHouseException when the write failed; the records stay buffered and the next sync retries
   */
  @Override
  public void sync() {
    synchronized (lock) {
      checkOpen();
      writeBufferLocked();
    }
  }

  @Override
  public List<AuditRecord> read(long fromSequence, int limit) {
    check(fromSequence >= 1, "fromSequence", "must be >= 1", fromSequence);
    check(limit >= 1, "limit", "must be >= 1", limit);
    writeForRead();
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
    writeForRead();
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

  /** A read sees every record appended before it: the buffer is written first. */
  private void writeForRead() {
    synchronized (lock) {
      checkOpen();
      writeBufferLocked();
    }
  }

  /**
   * Writes the buffered records, then marks the log closed; later calls throw {@link IllegalStateException}.
   * Idempotent. When the write fails the log is closed nevertheless and the exception propagates: the records it
   * held (logged with their sequences) are lost.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      try {
        writeBufferLocked();
      } catch (RuntimeException e) {
        LOG.error("ClickHouse audit log {} closed with {} records (sequences {} to {}) NOT written: {}",
            ch.config().database(), buffered, lastSequence - buffered + 1, lastSequence, e.toString());
        throw e;
      } finally {
        closed = true;
      }
    }
  }
}
