package io.aitrader.core.audit;

import io.aitrader.api.AitraderException;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the segments of an audit log in order, without loading a segment whole: {@link #check} verifies them,
 * {@link #records} hands their packets to a visitor. The last segment may be read up to a byte limit (a writer's
 * snapshot). Stateless.
 */
final class SegmentScan {
  private SegmentScan() {}

  /** Receives packets in storage order; returns false to stop. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(AuditRecord r);
  }

  /**
   * Verifies the chain across {@code segments} (the last read up to {@code lastLimit} bytes) against
   * {@code checkpoints}; {@code notes} holds what was already noted and gets the rest.
   */
  static AuditFileCheck check(List<Segments.SegmentFile> segments, long lastLimit, Checkpoints checkpoints,
      List<String> notes) throws IOException {
    List<String> allNotes = new ArrayList<>(notes);
    noteMissingSegments(segments, allNotes);
    ChainVerifier v = new ChainVerifier(checkpoints);
    long packets = 0;
    boolean going = true;
    for (int i = 0; i < segments.size(); i++) {
      Segments.SegmentFile seg = segments.get(i);
      boolean last = i == segments.size() - 1;
      String name = seg.name();
      String bad = null;
      long badLine = 0;
      long badStart = 0;
      long size = 0;
      try (LineReader r = LineReader.open(seg.path(), last ? lastLimit : Long.MAX_VALUE)) {
        while (r.next()) {
          size = r.end();
          if (bad != null) {
            going = going && v.unreadable(name, badLine, bad);
            bad = null;
          }
          if (!r.terminated()) {
            bad = "cut short: no end of line";
            badLine = r.number();
            badStart = r.start();
            continue;
          }
          if (!going) {
            packets++;
            continue;
          }
          try {
            AuditRecord rec = PacketCodec.decode(r.line(), r.length());
            packets++;
            going = v.accept(rec, name, r.number());
          } catch (PacketCodec.NotAPacketException e) {
            bad = e.getMessage();
            badLine = r.number();
            badStart = r.start();
          }
        }
      }
      if (bad != null) {
        if (last) {
          allNotes.add("torn tail of " + (size - badStart) + " bytes at the end of " + name + " (line " + badLine + ": "
              + bad + "): a crash during a write; it is cut when the log is next opened");
        } else {
          going = going && v.unreadable(name, badLine, bad);
        }
      }
    }
    AuditVerification verification = v.finish();
    checkpoints.tornTail().ifPresent(allNotes::add);
    if (checkpoints.unverifiedMacs()) {
      allNotes.add("the checkpoints carry MACs that were not checked: give the checkpoint key to check them");
    }
    if (checkpoints.all().isEmpty() && packets > 0) {
      allNotes.add("no checkpoints: packets removed from the end of the log cannot be detected");
    }
    return new AuditFileCheck(verification, v.location(), allNotes, packets, segments.size(),
        v.checkpointsChecked());
  }

  private static void noteMissingSegments(List<Segments.SegmentFile> segments, List<String> notes) {
    long expected = 1;
    for (Segments.SegmentFile s : segments) {
      if (s.number() > expected) {
        notes.add((s.number() - expected == 1 ? "segment " + Segments.name(expected) + " is missing"
            : "segments " + Segments.name(expected) + " to " + Segments.name(s.number() - 1) + " are missing")
            + " (the numbers jump to " + s.name() + ")");
      }
      expected = s.number() + 1;
    }
  }

  /**
   * Hands every packet with sequence {@code >= fromSequence} to {@code visitor}, from segment {@code startIndex} on,
   * until it returns false. A torn tail at the very end is skipped; any other line that is not a packet fails with
   * an {@link AitraderException} naming it ({@code dir} is for the message).
   */
  static void records(List<Segments.SegmentFile> segments, int startIndex, long lastLimit, long fromSequence,
      Path dir, Visitor visitor) throws IOException {
    for (int i = startIndex; i < segments.size(); i++) {
      Segments.SegmentFile seg = segments.get(i);
      boolean last = i == segments.size() - 1;
      String bad = null;
      long badLine = 0;
      try (LineReader r = LineReader.open(seg.path(), last ? lastLimit : Long.MAX_VALUE)) {
        while (r.next()) {
          if (bad != null) {
            throw damaged(dir, seg, badLine, bad);
          }
          if (!r.terminated()) {
            bad = "cut short: no end of line";
            badLine = r.number();
            continue;
          }
          long quick = PacketCodec.quickSequence(r.line(), r.length());
          if (quick >= 1 && quick < fromSequence) {
            continue;
          }
          try {
            AuditRecord rec = PacketCodec.decode(r.line(), r.length());
            if (rec.sequence() >= fromSequence && !visitor.visit(rec)) {
              return;
            }
          } catch (PacketCodec.NotAPacketException e) {
            bad = e.getMessage();
            badLine = r.number();
          }
        }
      }
      if (bad != null && !last) {
        throw damaged(dir, seg, badLine, bad);
      }
    }
  }

  private static AitraderException damaged(Path dir, Segments.SegmentFile seg, long line, String reason) {
    return new AitraderException("the audit log " + dir + " is damaged: line " + line + " of " + seg.name()
        + " is not a packet (" + reason + "); run `aitrader audit verify " + dir + "` to see what happened");
  }
}
