package io.aitrader.core.audit;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.AitraderException;
import io.aitrader.api.ConfigurationException;
import io.aitrader.api.Secret;
import io.aitrader.api.audit.AuditRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Offline access to the directory of a {@link FileAuditLog}, for {@code aitrader audit verify} and
 * {@code aitrader audit show}: read-only, without the lock (a running writer may keep appending), and never
 * repairing anything.
 *
 * <pre>{@code
 * AuditFileCheck check = AuditFiles.verify(Path.of("state/audit"), Optional.of(key));
 * // BROKEN at #42: packet #42 (audit-00000001.jsonl line 42) was changed: its hash does not match its content
 * System.out.println(check.summary());
 *
 * AuditFiles.forEach(Path.of("state/audit"), r -> {
 *   if (r.correlationId().equals("mom5m-000042")) print(r);
 * });
 * }</pre>
 *
 * <p>{@link #verify} names what happened to the first bad packet in plain words: changed (its hash does not match
 * its content), missing (a gap in the sequence), inserted (a packet that does not link, a copy, or two packets
 * that follow the same one), out of order, the last packets removed (a checkpoint names a later packet) or a forged
 * checkpoint (its MAC does not match the key). A line cut short at the very end of the last segment is a torn
 * write, reported as a note, not as a break.
 *
 * <p>Stateless and thread-safe.
 */
public final class AuditFiles {
  private AuditFiles() {}

  /**
   * Checks the whole chain in {@code dir}, one segment at a time, and the checkpoints (their MACs too when
   * {@code checkpointKey} is given).
   *
   * @throws ConfigurationException when {@code dir} is not a directory
   * @throws UncheckedIOException when a file cannot be read
   */
  public static AuditFileCheck verify(Path dir, Optional<Secret> checkpointKey) {
    required(checkpointKey, "checkpointKey");
    Path root = directory(dir);
    try {
      List<String> notes = new ArrayList<>();
      // checkpoints first: every packet a checkpoint read now names is already in the segments read after
      Checkpoints cps = Checkpoints.read(root.resolve(Segments.CHECKPOINTS_FILE), Long.MAX_VALUE, checkpointKey);
      List<Segments.SegmentFile> segments = Segments.list(root, notes);
      if (!notes.isEmpty()) {
        notes.replaceAll(n -> n + " is not a segment file (audit-<8+ digits>.jsonl) and was not read");
      }
      if (segments.isEmpty()) {
        notes.add("no segment files (audit-00000001.jsonl, …) in " + root);
      }
      return SegmentScan.check(segments, Long.MAX_VALUE, cps, notes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Hands every packet in {@code dir} to {@code action}, in order, reading one segment at a time. A torn tail at
   * the very end is skipped.
   *
   * @throws AitraderException when a line before the end is not a packet (run {@link #verify})
   */
  public static void forEach(Path dir, Consumer<AuditRecord> action) {
    required(action, "action");
    scan(dir, 1, r -> {
      action.accept(r);
      return true;
    });
  }

  /**
   * Up to {@code limit} packets with sequence {@code >= fromSequence}, in storage order.
   *
   * @throws AitraderException when a line before the end is not a packet (run {@link #verify})
   */
  public static List<AuditRecord> read(Path dir, long fromSequence, int limit) {
    check(fromSequence >= 1, "fromSequence", "must be >= 1", fromSequence);
    check(limit >= 1, "limit", "must be >= 1", limit);
    List<AuditRecord> out = new ArrayList<>(Math.min(limit, 1024));
    scan(dir, fromSequence, r -> {
      out.add(r);
      return out.size() < limit;
    });
    return out;
  }

  private static void scan(Path dir, long fromSequence, SegmentScan.Visitor visitor) {
    Path root = directory(dir);
    try {
      SegmentScan.records(Segments.list(root, new ArrayList<>()), 0, Long.MAX_VALUE, fromSequence, root, visitor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log " + root + ": " + e.getMessage(), e);
    }
  }

  private static Path directory(Path dir) {
    required(dir, "dir");
    Path root = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new ConfigurationException("there is no audit log at " + root + ": it is not a directory");
    }
    return root;
  }
}
