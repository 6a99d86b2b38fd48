package io.aitrader.core.audit;

import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.AitraderException;
import io.aitrader.api.ConfigurationException;
import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;
import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.files.DirectoryLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded durable {@link AuditLog}: an append-only, hash-chained, segment-rotated file of JSON lines, forced
 * to disk on every append (or on {@link #sync()}), with optional HMAC-signed checkpoints.
 *
 * <pre>{@code
 * try (FileAuditLog log = FileAuditLog.builder().directory(Path.of("state/audit")).timeSource(clock)
 *     .checkpointKey(Secret.of(System.getenv("AUDIT_KEY"))).open()) {
 *   log.repairedTail().ifPresent(alerts::warn);          // what a crash left and was cut
 *   log.append("order.submitted", "mom5m-000042", Map.of("instrument", "NSE:RELIANCE", "quantity", "10"));
 * }
 * }</pre>
 *
 * <h2>Files</h2>
 * <pre>
 * &lt;directory&gt;/audit.lock            held while the log is open: one writer per directory
 * &lt;directory&gt;/audit-00000001.jsonl  the first segment; then audit-00000002.jsonl, … (8+ digits)
 * &lt;directory&gt;/checkpoints.jsonl     one line per checkpoint
 * </pre>
 * Each segment holds one packet per line, UTF-8, each line ended by {@code \n}, with the fields in this order:
 * <pre>
 * {"seq":1,"ts":1736135100000,"corr":"mom5m-000042","type":"order.submitted","payload":{"instrument":"NSE:RELIANCE","quantity":"10"},"prev":"000…000","hash":"3f9a…"}
 * </pre>
 * <ul>
 *   <li>{@code seq}: the sequence, from 1, without gaps; {@code ts}: epoch milliseconds; {@code corr}: the
 *       correlation id; {@code type}: what happened; {@code payload}: text values, keys in the order they were
 *       given (they are hashed in that order); strings are JSON-escaped ({@code \"}, {@code \\}, {@code \n},
 *       {@code \r}, {@code \t}, <code>&#92;u00XX</code> for other control characters and lone surrogates).</li>
 *   <li>{@code prev}: the previous packet's {@code hash} (64 zeros for #1); {@code hash}: SHA-256 of
 *       {@link AuditRecord#canonicalForm()} in lower-case hex, exactly as {@link AuditRecord#seal} computes it, so
 *       {@link AuditRecord#hasValidHash()} checks a packet read from a file.</li>
 *   <li>A segment is rotated when the next line would take it past {@code segmentBytes}; a new segment starts with
 *       a whole line, and a closed segment is never written again.</li>
 *   <li>{@code checkpoints.jsonl}: every {@code checkpointEvery} packets and at {@link #close()},
 *       {@code {"seq":N,"hash":"<hash of #N>","ts":<clock millis>,"mac":"<hex HMAC-SHA256 of "N:hash" with the key>"}}
 *       ({@code mac} only with a checkpoint key). Packets are forced to disk before the checkpoint naming them is
 *       written. A checkpoint shows when the last packets were removed and, with a key, when the chain was rewritten
 *       and its hashes recomputed.</li>
 * </ul>
 *
 * <h2>Durability and recovery</h2>
 * With {@code syncOnAppend} (the default) each append is forced to disk ({@link FileChannel#force}) before it
 * returns; without it, {@link #sync()} forces every append so far (a group-commit writer appends a batch then syncs
 * once). A crash loses at most the packets not yet forced. Opening finds the last complete packet of the last
 * segment and continues the chain from it; a torn tail (a last line without {@code \n}, or an unreadable last line)
 * is cut, logged at WARN naming the file, the bytes cut and the last good sequence, and reported by
 * {@link #repairedTail()}. Damage anywhere else (an unreadable line followed by others) is never repaired: opening
 * fails with an {@link AitraderException} saying where, and {@code aitrader audit verify <directory>} tells what
 * happened ({@link AuditFiles#verify}).
 *
 * <p>Thread-safe: appends, {@link #sync()} and {@link #close()} are serialised (synchronized); {@link #read} and
 * {@link #verify()} read the files without holding the lock, up to what was appended when they were called. After
 * {@link #close()} every call but {@code close} fails with {@link IllegalStateException}.
 */
public final class FileAuditLog implements AuditLog {
  /** The lock file in a log directory. */
  public static final String LOCK_FILE = Segments.LOCK_FILE;
  /** The checkpoints file in a log directory. */
  public static final String CHECKPOINTS_FILE = Segments.CHECKPOINTS_FILE;
  /** Default segment size: 64 MiB. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;
  /** The smallest segment size accepted. */
  public static final long MIN_SEGMENT_BYTES = 1024;
  /** Default checkpoint period: every 1000 packets. */
  public static final int DEFAULT_CHECKPOINT_EVERY = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(FileAuditLog.class);

  private final Path dir;
  private final TimeSource timeSource;
  private final long segmentBytes;
  private final boolean syncOnAppend;
  private final int checkpointEvery;
  private final Optional<Secret> checkpointKey;
  private final FileChannel lockChannel;
  private final PacketCodec codec = new PacketCodec();
  private final Optional<String> repairedTail;
  private final Path checkpointsPath;

  // guarded by this
  private final List<LogRecovery.Segment> segments = new ArrayList<>();
  private FileChannel current;
  private long currentSize;
  private final FileChannel checkpoints;
  private long checkpointsSize;
  private String lastHash;
  private long lastCheckpointSequence;
  private boolean unforced;
  private volatile boolean closed;
  private @Nullable String broken;
  private volatile long lastSequence;

  private FileAuditLog(Builder b, Path dir, FileChannel lockChannel) throws IOException {
    this.dir = dir;
    this.timeSource = required(b.timeSource, "FileAuditLog.timeSource");
    this.segmentBytes = b.segmentBytes;
    this.syncOnAppend = b.syncOnAppend;
    this.checkpointEvery = b.checkpointEvery;
    this.checkpointKey = b.checkpointKey;
    this.lockChannel = lockChannel;
    this.checkpointsPath = dir.resolve(CHECKPOINTS_FILE);
    LogRecovery.Recovered r = LogRecovery.recover(dir);
    this.segments.addAll(r.segments());
    this.current = r.segment();
    this.currentSize = r.segmentSize();
    this.lastSequence = r.lastSequence();
    this.lastHash = r.lastHash();
    this.checkpoints = r.checkpoints();
    this.checkpointsSize = r.checkpointsSize();
    this.lastCheckpointSequence = r.lastCheckpointSequence();
    this.repairedTail = r.repairs();
  }

  /** A builder; {@link Builder#directory} and {@link Builder#timeSource} are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public AuditRecord append(String type, String correlationId, Map<String, String> payload) {
    checkArguments(type, correlationId, payload);
    return write(0, true, type, correlationId, payload);
  }

  @Override
  public AuditRecord append(long timestampMillis, String type, String correlationId, Map<String, String> payload) {
    ValidationException.check(timestampMillis > 0, "timestampMillis", "must be > 0", timestampMillis);
    checkArguments(type, correlationId, payload);
    return write(timestampMillis, false, type, correlationId, payload);
  }

  static void checkArguments(String type, String correlationId, Map<String, String> payload) {
    requireText(type, "type");
    requireText(correlationId, "correlationId");
    required(payload, "payload");
  }

  private synchronized AuditRecord write(long timestampMillis, boolean fromClock, String type, String correlationId,
      Map<String, String> payload) {
    ensureWritable();
    long ts = fromClock ? timeSource.currentTimeMillis() : timestampMillis;
    AuditRecord r = AuditRecord.seal(lastSequence + 1, ts, correlationId, type, payload, lastHash);
    byte[] line = codec.encode(r);
    try {
      if (currentSize > 0 && currentSize + line.length > segmentBytes) {
        rotate();
      }
      writeFully(current, line);
      if (syncOnAppend) {
        current.force(false);
      } else {
        unforced = true;
      }
    } catch (IOException e) {
      undo(e);
      throw new UncheckedIOException("cannot write the audit log " + dir + " (disk full or removed?): " + e, e);
    }
    currentSize += line.length;
    lastHash = r.hash();
    lastSequence = r.sequence();
    if (lastSequence - lastCheckpointSequence >= checkpointEvery) {
      try {
        checkpoint();
      } catch (IOException e) {
        throw new UncheckedIOException("packet #" + lastSequence + " is written but the checkpoint after it could not"
            + " be written to " + checkpointsPath + " (disk full or removed?): " + e, e);
      }
    }
    return r;
  }

  /** Cuts what a failed write may have left, so the segment still ends with a whole line. */
  private void undo(IOException failure) {
    try {
      current.truncate(currentSize);
      current.position(currentSize);
    } catch (IOException e) {
      failure.addSuppressed(e);
      broken = "a write failed and its partial line could not be cut (" + failure + "); reopen the log to repair it";
    }
  }

  private static void writeFully(FileChannel ch, byte[] bytes) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  private void rotate() throws IOException {
    current.force(false); // a closed segment is whole on disk before the next one exists
    unforced = false;
    LogRecovery.Segment last = segments.get(segments.size() - 1);
    long n = last.file().number() + 1;
    Segments.SegmentFile next = new Segments.SegmentFile(n, dir.resolve(Segments.name(n)));
    FileChannel ch = FileChannel.open(next.path(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    current.close();
    current = ch;
    currentSize = 0;
    segments.add(new LogRecovery.Segment(next, lastSequence + 1));
    LogRecovery.syncDirectory(dir);
  }

  private void checkpoint() throws IOException {
    if (unforced) {
      current.force(false); // the packets a checkpoint names are on disk before it
      unforced = false;
    }
    byte[] line = Checkpoints.encode(lastSequence, lastHash, timeSource.currentTimeMillis(), checkpointKey);
    try {
      writeFully(checkpoints, line);
      checkpoints.force(false);
    } catch (IOException e) {
      try {
        checkpoints.truncate(checkpointsSize); // no partial line for the next checkpoint to follow
        checkpoints.position(checkpointsSize);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    checkpointsSize += line.length;
    lastCheckpointSequence = lastSequence;
  }

  @Override
  public synchronized void sync() {
    ensureOpen();
    if (!unforced) {
      return;
    }
    try {
      current.force(false);
      unforced = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot force the audit log " + dir + " to disk: " + e, e);
    }
  }

  @Override
  public List<AuditRecord> read(long fromSequence, int limit) {
    ValidationException.check(fromSequence >= 1, "fromSequence", "must be >= 1", fromSequence);
    ValidationException.check(limit >= 1, "limit", "must be >= 1", limit);
    List<LogRecovery.Segment> segs;
    long size;
    long last;
    synchronized (this) {
      ensureOpen();
      last = lastSequence;
      if (fromSequence > last) {
        return List.of();
      }
      segs = List.copyOf(segments);
      size = currentSize;
    }
    int start = 0;
    for (int i = segs.size() - 1; i >= 0; i--) {
      if (segs.get(i).firstSequence() <= fromSequence) {
        start = i;
        break;
      }
    }
    List<AuditRecord> out = new ArrayList<>((int) Math.min(limit, Math.min(last - fromSequence + 1, 1024)));
    try {
      SegmentScan.records(files(segs), start, size, fromSequence, dir, r -> {
        if (r.sequence() > last) {
          return false;
        }
        out.add(r);
        return out.size() < limit;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log " + dir + ": " + e, e);
    }
    return out;
  }

  @Override
  public long lastSequence() {
    ensureOpen();
    return lastSequence;
  }

  /** Checks the whole chain in the files, with this log's checkpoint key. */
  @Override
  public AuditVerification verify() {
    return check().verification();
  }

  /** As {@link #verify()}, with where the first bad packet is and the notes of {@link AuditFiles#verify}. */
  public AuditFileCheck check() {
    List<LogRecovery.Segment> segs;
    long size;
    long cpSize;
    synchronized (this) {
      ensureOpen();
      segs = List.copyOf(segments);
      size = currentSize;
      cpSize = checkpointsSize;
    }
    try {
      Checkpoints cps = Checkpoints.read(checkpointsPath, cpSize, checkpointKey);
      return SegmentScan.check(files(segs), size, cps, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log " + dir + ": " + e, e);
    }
  }

  private static List<Segments.SegmentFile> files(List<LogRecovery.Segment> segs) {
    List<Segments.SegmentFile> files = new ArrayList<>(segs.size());
    for (LogRecovery.Segment s : segs) {
      files.add(s.file());
    }
    return files;
  }

  /** The log's directory (absolute). */
  public Path directory() {
    return dir;
  }

  /** What opening cut from the end of the files after a crash, empty when they ended cleanly. */
  public Optional<String> repairedTail() {
    return repairedTail;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the audit log " + dir + " is closed");
    }
  }

  private void ensureWritable() {
    ensureOpen();
    if (broken != null) {
      throw new IllegalStateException("the audit log " + dir + " cannot be appended to: " + broken);
    }
  }

  /** Writes a last checkpoint when packets came after the previous one, forces everything and releases the lock. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (broken == null && lastSequence > lastCheckpointSequence) {
        checkpoint();
      } else if (unforced) {
        current.force(false);
      }
    } catch (IOException e) {
      LOG.warn("audit log {}: the last packets or checkpoint could not be forced to disk at close: {}", dir,
          e.toString());
    }
    closeLogging(current);
    closeLogging(checkpoints);
    closeLogging(lockChannel);
  }

  private void closeLogging(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      LOG.warn("audit log {}: closing a file failed: {}", dir, e.toString());
    }
  }

  static FileAuditLog open(Builder b) {
    required(b.directory, "FileAuditLog.directory");
    required(b.timeSource, "FileAuditLog.timeSource");
    Path root = b.directory.toAbsolutePath().normalize();
    FileChannel lockChannel = null;
    try {
      lockChannel = DirectoryLock.acquire(root, LOCK_FILE, "the audit log " + root + " is already open in this or"
          + " another process (" + LOCK_FILE + " is locked); only one writer may append to it: close that one first,"
          + " or give this one a directory of its own");
      return new FileAuditLog(b, root, lockChannel);
    } catch (IOException e) {
      LogRecovery.closeQuietly(lockChannel, e);
      throw new ConfigurationException("cannot open the audit log " + root + ": " + e
          + " (check that the directory can be created and written)", e);
    } catch (RuntimeException e) {
      LogRecovery.closeQuietly(lockChannel, e);
      throw e;
    }
  }

  /**
   * Settings of a {@link FileAuditLog}. Not thread-safe; {@link #open()} may be called again for another log.
   */
  public static final class Builder {
    private @Nullable Path directory;
    private @Nullable TimeSource timeSource;
    private long segmentBytes = DEFAULT_SEGMENT_BYTES;
    private boolean syncOnAppend = true;
    private int checkpointEvery = DEFAULT_CHECKPOINT_EVERY;
    private Optional<Secret> checkpointKey = Optional.empty();

    private Builder() {}

    /** The log's directory, created when missing. Required. */
    public Builder directory(Path directory) {
      this.directory = required(directory, "FileAuditLog.directory");
      return this;
    }

    /** The clock that stamps {@link AuditLog#append(String, String, Map)} and checkpoints. Required. */
    public Builder timeSource(TimeSource timeSource) {
      this.timeSource = required(timeSource, "FileAuditLog.timeSource");
      return this;
    }

    /** The size a segment may reach before the next one is started; at least 1 KiB, default 64 MiB. */
    public Builder segmentBytes(long segmentBytes) {
      ValidationException.check(segmentBytes >= MIN_SEGMENT_BYTES, "FileAuditLog.segmentBytes",
          "must be >= " + MIN_SEGMENT_BYTES, segmentBytes);
      this.segmentBytes = segmentBytes;
      return this;
    }

    /**
     * Whether each append is forced to disk before it returns (default true). Without it, call
     * {@link AuditLog#sync()} after a batch: until then a crash may lose the batch.
     */
    public Builder syncOnAppend(boolean syncOnAppend) {
      this.syncOnAppend = syncOnAppend;
      return this;
    }

    /** A checkpoint every this many packets (and at close); at least 1, default 1000. */
    public Builder checkpointEvery(int packets) {
      ValidationException.check(packets >= 1, "FileAuditLog.checkpointEvery", "must be >= 1", packets);
      this.checkpointEvery = packets;
      return this;
    }

    /** The key that signs checkpoints (HMAC-SHA256), so a rewritten chain cannot be given matching ones. */
    public Builder checkpointKey(Secret key) {
      this.checkpointKey = Optional.of(required(key, "FileAuditLog.checkpointKey"));
      return this;
    }

    /** As {@link #checkpointKey(Secret)}; empty (the default) writes checkpoints without a MAC. */
    public Builder checkpointKey(Optional<Secret> key) {
      this.checkpointKey = required(key, "FileAuditLog.checkpointKey");
      return this;
    }

    /**
     * Opens (or creates) the log: locks the directory, cuts a torn tail a crash left, and continues the chain.
     *
     * @throws ConfigurationException when the directory cannot be created or written, or another process (or
     *     another log in this one) has it open
     * @throws AitraderException when a file is damaged before its end (run {@code aitrader audit verify})
     */
    public FileAuditLog open() {
      return FileAuditLog.open(this);
    }
  }
}
