package io.aitrader.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verification across rotated segments. */
class AuditSegmentsTest {
  @TempDir Path tmp;

  private FileAuditLog.Builder builder(Path dir) {
    return FileAuditLog.builder().directory(dir).timeSource(AuditDirs.ticking()).segmentBytes(1024);
  }

  @Test
  void aLogOfManySegmentsVerifiesAcrossThem() {
    Path dir = tmp.resolve("audit");
    AuditDirs.write(builder(dir), 40);

    AuditFileCheck c = AuditFiles.verify(dir, Optional.empty());

    assertThat(c.verification()).isEqualTo(AuditVerification.valid(40));
    assertThat(c.segments()).isEqualTo(AuditDirs.segments(dir).size()).isGreaterThan(5);
  }

  @Test
  void aRemovedMiddleSegmentIsFoundAndNamed() throws IOException {
    Path dir = tmp.resolve("audit");
    List<AuditRecord> written = AuditDirs.write(builder(dir), 40);
    Path second = dir.resolve("audit-00000002.jsonl");
    long firstOfSecond = Long.parseLong(AuditDirs.fileLines(second).get(0).replaceAll("^\\{\"seq\":(\\d+),.*", "$1"));
    long lastOfSecond = firstOfSecond + AuditDirs.fileLines(second).size() - 1;
    Files.delete(second);

    AuditFileCheck c = AuditFiles.verify(dir, Optional.empty());

    assertThat(c.verification().firstBadSequence()).hasValue(firstOfSecond);
    assertThat(c.verification().problem()).hasValueSatisfying(p -> assertThat(p).startsWith(
        "packet" + (lastOfSecond > firstOfSecond ? "s #" + firstOfSecond + " to #" + lastOfSecond + " are"
            : " #" + firstOfSecond + " is") + " missing: #" + (lastOfSecond + 1) + " follows #" + (firstOfSecond - 1)
            + " at audit-00000003.jsonl line 1"));
    assertThat(c.location()).hasValue(new AuditLocation("audit-00000003.jsonl", 1));
    assertThat(c.notes()).contains("segment audit-00000002.jsonl is missing (the numbers jump to audit-00000003.jsonl)");
    assertThat(written).hasSize(40);
  }

  @Test
  void aLineOfAClosedSegmentCutShortIsABreakNotATornTail() {
    Path dir = tmp.resolve("audit");
    AuditDirs.write(builder(dir), 20);
    Path first = dir.resolve(AuditDirs.SEGMENT_1);
    List<String> lines = AuditDirs.fileLines(first);
    String last = lines.remove(lines.size() - 1);
    AuditDirs.writeLines(first, lines);
    AuditDirs.appendBytes(first, last.substring(0, 20).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    AuditFileCheck c = AuditFiles.verify(dir, Optional.empty());

    assertThat(c.verification().firstBadSequence()).hasValue(lines.size() + 1);
    assertThat(c.verification().problem()).hasValueSatisfying(p -> assertThat(p)
        .isEqualTo("line " + (lines.size() + 1) + " of " + AuditDirs.SEGMENT_1 + " is not a packet (cut short: no end"
            + " of line)"));
  }
}
