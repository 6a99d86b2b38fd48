package io.aitrader.core.audit;

import io.aitrader.api.AitraderException;
import io.aitrader.api.audit.AuditRecord;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a {@link FileAuditLog}'s directory for appending: finds the segments and the last packet, cuts a torn
 * tail a crash left (logging a WARN), refuses damage anywhere else, and opens the files to append to. Used once per
 * open, under the directory's lock.
 */
final class LogRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(FileAuditLog.class);

  /** A segment and the sequence of its first packet (of the next packet, for an empty last segment). */
  record Segment(Segments.SegmentFile file, long firstSequence) {}

  /** Where appending resumes: the open files, the chain's end and what was cut. */
  record Recovered(List<Segment> segments, FileChannel segment, long segmentSize, long lastSequence, String lastHash,
      FileChannel checkpoints, long checkpointsSize, long lastCheckpointSequence, Optional<String> repairs) {}

  /** What a scan of a segment found. */
  private record Tail(long lastSequence, String lastHash, long firstSequence, long goodLength, long size,
      long badLine, String badReason) {}

  private final Path dir;
  private final List<String> repairs = new ArrayList<>();
  private final List<Segment> segments = new ArrayList<>();
  private long lastSequence;
  private String lastHash = AuditRecord.GENESIS_HASH;
  private long segmentSize;

  private LogRecovery(Path dir) {
    this.dir = dir;
  }

  /**
   * Recovers the log in {@code dir} (already locked).
   *
   * @throws AitraderException when a file is damaged before its end
   */
  static Recovered recover(Path dir) throws IOException {
    LogRecovery r = new LogRecovery(dir);
    FileChannel segment = r.recoverSegments();
    try {
      Path cpPath = dir.resolve(Segments.CHECKPOINTS_FILE);
      Checkpoints cps = r.checkCheckpoints(cpPath);
      FileChannel cpChannel = r.openCheckpoints(cpPath, cps);
      return new Recovered(List.copyOf(r.segments), segment, r.segmentSize, r.lastSequence, r.lastHash, cpChannel,
          cps.goodLength(), cps.lastSequence(),
          r.repairs.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", r.repairs)));
    } catch (IOException | RuntimeException e) {
      closeQuietly(segment, e);
      throw e;
    }
  }

  /** Finds the segments and the last packet, cuts a torn tail, and opens the segment to append to. */
  private FileChannel recoverSegments() throws IOException {
    List<Segments.SegmentFile> files = Segments.list(dir, new ArrayList<>());
    if (files.isEmpty()) {
      Segments.SegmentFile first = new Segments.SegmentFile(1, dir.resolve(Segments.name(1)));
      FileChannel ch = FileChannel.open(first.path(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      syncDirectory(dir);
      segments.add(new Segment(first, 1));
      return ch;
    }
    Segments.SegmentFile lastFile = files.get(files.size() - 1);
    Tail tail = scan(lastFile, true);
    FileChannel ch = FileChannel.open(lastFile.path(), StandardOpenOption.WRITE);
    try {
      if (tail.goodLength < tail.size) {
        ch.truncate(tail.goodLength);
        ch.force(true);
      }
      ch.position(tail.goodLength);
      segmentSize = tail.goodLength;
      if (tail.lastSequence > 0) {
        lastSequence = tail.lastSequence;
        lastHash = tail.lastHash;
      } else {
        for (int i = files.size() - 2; i >= 0 && lastSequence == 0; i--) {
          Tail before = scan(files.get(i), false);
          lastSequence = before.lastSequence;
          lastHash = before.lastSequence > 0 ? before.lastHash : AuditRecord.GENESIS_HASH;
        }
      }
      if (tail.goodLength < tail.size) {
        String what = "cut a torn tail of " + (tail.size - tail.goodLength) + " bytes at the end of " + lastFile.name()
            + " (line " + tail.badLine + ": " + tail.badReason + "), left by a crash during a write; the last good"
            + " packet is #" + lastSequence;
        LOG.warn("audit log {}: {}", dir, what);
        repairs.add(what);
      }
      for (int i = 0; i < files.size() - 1; i++) {
        segments.add(new Segment(files.get(i), firstSequence(files.get(i))));
      }
      segments.add(new Segment(lastFile, tail.firstSequence > 0 ? tail.firstSequence : lastSequence + 1));
      return ch;
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch, e);
      throw e;
    }
  }

  /**
   * Reads a segment to its end. With {@code allowTorn}, one unreadable line at the very end is a torn tail (its
   * start is the good length); any other unreadable line is damage.
   */
  private Tail scan(Segments.SegmentFile file, boolean allowTorn) throws IOException {
    long last = 0;
    String hash = AuditRecord.GENESIS_HASH;
    long first = 0;
    long good = 0;
    long size = 0;
    String bad = null;
    long badLine = 0;
    try (LineReader r = LineReader.open(file.path(), Long.MAX_VALUE)) {
      while (r.next()) {
        size = r.end();
        if (bad != null) {
          throw damaged(file, badLine, bad, true);
        }
        if (!r.terminated()) {
          bad = "cut short: no end of line";
          badLine = r.number();
          continue;
        }
        try {
          AuditRecord rec = PacketCodec.decode(r.line(), r.length());
          first = first == 0 ? rec.sequence() : first;
          last = rec.sequence();
          hash = rec.hash();
          good = r.end();
        } catch (PacketCodec.NotAPacketException e) {
          bad = e.getMessage();
          badLine = r.number();
        }
      }
    }
    if (bad != null && !allowTorn) {
      throw damaged(file, badLine, bad, false);
    }
    return new Tail(last, hash, first, good, size, badLine, bad == null ? "" : bad);
  }

  private long firstSequence(Segments.SegmentFile file) throws IOException {
    try (LineReader r = LineReader.open(file.path(), Long.MAX_VALUE)) {
      if (!r.next()) {
        throw new AitraderException("cannot open the audit log " + dir + ": the segment " + file.name()
            + " is empty but later segments exist; run `aitrader audit verify " + dir + "` to see what happened");
      }
      long quick = PacketCodec.quickSequence(r.line(), r.length());
      if (quick >= 1) {
        return quick;
      }
      try {
        return PacketCodec.decode(r.line(), r.length()).sequence();
      } catch (PacketCodec.NotAPacketException e) {
        throw damaged(file, 1, e.getMessage(), true);
      }
    }
  }

  private AitraderException damaged(Segments.SegmentFile file, long line, String reason, boolean followed) {
    return new AitraderException("cannot open the audit log " + dir + ": line " + line + " of " + file.name()
        + " is not a packet (" + reason + ") and " + (followed ? "more lines follow it" : "later segments follow it")
        + ", so it is not a write cut short by a crash and is not repaired; run `aitrader audit verify " + dir
        + "` to see what happened, and restore the file from a backup");
  }

  private Checkpoints checkCheckpoints(Path path) throws IOException {
    Checkpoints cps = Checkpoints.read(path, Long.MAX_VALUE, Optional.empty());
    if (cps.badLine().isPresent()) {
      throw new AitraderException("cannot open the audit log " + dir + ": line " + cps.badLineNumber() + " of "
          + Segments.CHECKPOINTS_FILE + " is not a checkpoint (" + cps.badLine().get() + ") and more lines follow it;"
          + " run `aitrader audit verify " + dir + "` to see what happened");
    }
    if (cps.lastSequence() > lastSequence) {
      throw new AitraderException("cannot open the audit log " + dir + ": " + Segments.CHECKPOINTS_FILE
          + " says packet #" + cps.lastSequence() + " was written but the log ends at #" + lastSequence
          + ", so packets were removed; run `aitrader audit verify " + dir + "` to see what happened");
    }
    return cps;
  }

  private FileChannel openCheckpoints(Path path, Checkpoints cps) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      long size = ch.size();
      if (cps.goodLength() < size) {
        ch.truncate(cps.goodLength());
        ch.force(true);
        String what = "cut a torn tail of " + (size - cps.goodLength()) + " bytes at the end of "
            + Segments.CHECKPOINTS_FILE + ", left by a crash during a write";
        LOG.warn("audit log {}: {}", dir, what);
        repairs.add(what);
      }
      ch.position(cps.goodLength());
      return ch;
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch, e);
      throw e;
    }
  }

  /** Forces a directory so a new file's name survives a crash; some platforms cannot, which is logged. */
  static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.debug("audit log {}: the directory cannot be forced on this platform ({}); new segment names rely on the"
          + " file system's own ordering", dir, e.toString());
    }
  }

  static void closeQuietly(@Nullable FileChannel channel, Exception failure) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
