package io.aitrader.core.audit;

import static io.aitrader.core.audit.AuditDirs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For random logs (sizes, segment sizes, checkpoint periods) and one random single-line tamper, verify reports a
 * break at or before the tampered packet; an untouched log is never reported broken.
 */
class AuditTamperPropertyTest {

  enum Tamper { NONE, CHANGE, DELETE, INSERT, SWAP }

  @Property(tries = 150)
  void aTamperedLineIsFoundAtOrBeforeItAndAnUntouchedLogIsValid(
      @ForAll @IntRange(min = 2, max = 60) int packets,
      @ForAll @IntRange(min = 0, max = 2) int segmentChoice,
      @ForAll @IntRange(min = 1, max = 40) int checkpointEvery,
      @ForAll Tamper tamper,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 0, max = 10_000) int forgedSeqChoice,
      @ForAll boolean forgedLinks) throws IOException {
    Path dir = Files.createTempDirectory("audit-prop");
    try {
      long segmentBytes = new long[] {1024, 3000, FileAuditLog.DEFAULT_SEGMENT_BYTES}[segmentChoice];
      List<AuditRecord> written = AuditDirs.write(FileAuditLog.builder().directory(dir)
          .timeSource(AuditDirs.ticking()).segmentBytes(segmentBytes).syncOnAppend(false)
          .checkpointEvery(checkpointEvery), packets);
      List<List<String>> segments = AuditDirs.lines(dir);
      List<String> flat = new ArrayList<>();
      segments.forEach(flat::addAll);

      // p: the 1-based position (= sequence) of the tampered packet in the chain
      long p = 0;
      switch (tamper) {
        case NONE -> { }
        case CHANGE -> {
          int i = where % packets;
          flat.set(i, flat.get(i).replace("\"quantity\":\"", "\"quantity\":\"9"));
          p = i + 1;
        }
        case DELETE -> {
          int i = where % packets;
          flat.remove(i);
          p = i + 1;
        }
        case INSERT -> {
          int i = where % packets; // before line i, so an original packet follows the forged one
          long seq = 1 + forgedSeqChoice % (packets + 1);
          String prev = forgedLinks ? (seq == 1 ? AuditRecord.GENESIS_HASH : written.get((int) seq - 2).hash())
              : "c".repeat(64);
          Map<String, String> payload = new LinkedHashMap<>();
          payload.put("forged", "yes");
          flat.add(i, AuditDirs.line(AuditRecord.seal(seq, T0, "forger", "order.submitted", payload, prev)).strip());
          p = i + 1;
        }
        case SWAP -> {
          int i = where % (packets - 1);
          String a = flat.get(i);
          flat.set(i, flat.get(i + 1));
          flat.set(i + 1, a);
          p = i + 1;
        }
        default -> throw new IllegalStateException(tamper.name());
      }
      redistribute(dir, segments, flat, tamper, p);

      AuditVerification v = AuditFiles.verify(dir, Optional.empty()).verification();

      if (tamper == Tamper.NONE) {
        assertThat(v).isEqualTo(AuditVerification.valid(packets));
      } else {
        assertThat(v.isValid()).as("%s at #%d of %d", tamper, p, packets).isFalse();
        assertThat(v.firstBadSequence().getAsLong()).as("%s at #%d: %s", tamper, p, v.problem())
            .isLessThanOrEqualTo(p);
      }
    } finally {
      AuditDirs.deleteTree(dir);
    }
  }

  /** Writes {@code flat} back over the segments, keeping each segment's line count but for the tampered one. */
  private static void redistribute(Path dir, List<List<String>> segments, List<String> flat, Tamper tamper, long p) {
    int delta = tamper == Tamper.DELETE ? -1 : tamper == Tamper.INSERT ? 1 : 0;
    List<List<String>> out = new ArrayList<>();
    int from = 0;
    long seen = 0;
    boolean adjusted = false;
    for (List<String> seg : segments) {
      int count = seg.size();
      seen += count;
      if (!adjusted && p >= 1 && p <= seen) {
        count += delta;
        adjusted = true;
      }
      out.add(new ArrayList<>(flat.subList(from, from + count)));
      from += count;
    }
    AuditDirs.rewrite(dir, out);
  }
}
