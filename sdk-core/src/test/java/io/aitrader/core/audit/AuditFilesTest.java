package io.aitrader.core.audit;

import static io.aitrader.core.audit.AuditDirs.SEGMENT_1;
import static io.aitrader.core.audit.AuditDirs.T0;
import static io.aitrader.core.audit.AuditDirs.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.AitraderException;
import io.aitrader.api.ConfigurationException;
import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampering of each kind, and what {@link AuditFiles#verify} says about it. */
class AuditFilesTest {
  private static final Secret KEY = Secret.of("audit-test-key");

  @TempDir Path tmp;
  private Path dir;
  private List<AuditRecord> written;

  @BeforeEach
  void writeSixtyPackets() {
    dir = tmp.resolve("audit");
    written = AuditDirs.write(builder(), 60);
  }

  private FileAuditLog.Builder builder() {
    return FileAuditLog.builder().directory(dir).timeSource(AuditDirs.ticking()).checkpointEvery(20)
        .checkpointKey(KEY);
  }

  private List<String> segment() {
    return AuditDirs.fileLines(dir.resolve(SEGMENT_1));
  }

  private void segment(List<String> lines) {
    AuditDirs.writeLines(dir.resolve(SEGMENT_1), lines);
  }

  private AuditFileCheck verify() {
    return AuditFiles.verify(dir, Optional.of(KEY));
  }

  private static void assertBroken(AuditFileCheck c, long sequence, String problem, String file, long line) {
    assertThat(c.isValid()).isFalse();
    assertThat(c.verification().firstBadSequence()).hasValue(sequence);
    assertThat(c.verification().problem()).hasValueSatisfying(p -> assertThat(p).startsWith(problem));
    assertThat(c.location()).hasValue(new AuditLocation(file, line));
  }

  @Test
  void anUntouchedLogIsValidAndEveryCheckpointMatches() {
    AuditFileCheck c = verify();

    assertThat(c.verification()).isEqualTo(AuditVerification.valid(60));
    assertThat(c.location()).isEmpty();
    assertThat(c.packets()).isEqualTo(60);
    assertThat(c.segments()).isEqualTo(1);
    assertThat(c.checkpointsChecked()).isEqualTo(3);
    assertThat(c.notes()).isEmpty();
    assertThat(c.summary()).startsWith("OK: 60 packets in 1 segment");
  }

  @Test
  void aChangedPayloadValueIsNamedAsChanged() {
    List<String> lines = segment();
    lines.set(41, lines.get(41).replace("\"quantity\":\"420\"", "\"quantity\":\"4200\""));
    segment(lines);

    AuditFileCheck c = verify();

    assertBroken(c, 42, "packet #42 (" + SEGMENT_1 + " line 42) was changed: its hash does not match its content",
        SEGMENT_1, 42);
    assertThat(c.verification().recordsChecked()).isEqualTo(42);
    assertThat(c.summary()).startsWith("BROKEN at #42: packet #42");
  }

  @Test
  void aDeletedLineIsNamedAsMissing() {
    List<String> lines = segment();
    lines.remove(41);
    segment(lines);

    assertBroken(verify(), 42, "packet #42 is missing: #43 follows #41 at " + SEGMENT_1 + " line 42", SEGMENT_1, 42);
  }

  @Test
  void severalDeletedLinesAreNamedAsARange() {
    List<String> lines = segment();
    lines.subList(41, 44).clear();
    segment(lines);

    assertBroken(verify(), 42, "packets #42 to #44 are missing: #45 follows #41", SEGMENT_1, 42);
  }

  @Test
  void aDeletedFirstLineIsNamed() {
    List<String> lines = segment();
    lines.remove(0);
    segment(lines);

    assertBroken(verify(), 1, "packet #1 is missing: the log starts with #2", SEGMENT_1, 1);
  }

  @Test
  void aForgedPacketThatLinksIsNamedAsInsertedWhereTwoPacketsFollowTheSameOne() {
    List<String> lines = segment();
    AuditRecord forged = AuditRecord.seal(42, T0, "forger", "order.submitted", payload(9999),
        written.get(40).hash());
    lines.add(41, AuditDirs.line(forged).strip());
    segment(lines);

    AuditFileCheck c = verify();

    assertBroken(c, 42, "a packet was inserted at " + SEGMENT_1 + " line 42: two packets are numbered #42 and both"
        + " follow #41", SEGMENT_1, 42);
  }

  @Test
  void aForgedPacketThatDoesNotLinkIsNamedAsInserted() {
    List<String> lines = segment();
    AuditRecord forged = AuditRecord.seal(42, T0, "forger", "order.submitted", payload(9999), "a".repeat(64));
    lines.add(41, AuditDirs.line(forged).strip());
    segment(lines);

    assertBroken(verify(), 42, "a packet was inserted at " + SEGMENT_1 + " line 42: #42 there does not follow #41",
        SEGMENT_1, 42);
  }

  @Test
  void aForgedPacketWithALaterNumberIsNamedAsInserted() {
    List<String> lines = segment();
    AuditRecord forged = AuditRecord.seal(50, T0, "forger", "order.submitted", payload(9999), "b".repeat(64));
    lines.add(41, AuditDirs.line(forged).strip());
    segment(lines);

    assertBroken(verify(), 42, "a packet was inserted at " + SEGMENT_1 + " line 42: #50 stands where #42 should be",
        SEGMENT_1, 42);
  }

  @Test
  void aCopiedLineIsNamedAsInserted() {
    List<String> lines = segment();
    lines.add(41, lines.get(40));
    segment(lines);

    assertBroken(verify(), 42, "a packet was inserted at " + SEGMENT_1 + " line 42: it is a copy of #41",
        SEGMENT_1, 42);
  }

  @Test
  void swappedLinesAreNamedAsOutOfOrder() {
    List<String> lines = segment();
    String l42 = lines.get(41);
    lines.set(41, lines.get(42));
    lines.set(42, l42);
    segment(lines);

    assertBroken(verify(), 42, "packets are out of order at " + SEGMENT_1 + " line 42: #43 comes before #42",
        SEGMENT_1, 42);
  }

  @Test
  void aLineMovedFurtherDownIsNamedAsOutOfOrder() {
    List<String> lines = segment();
    String l42 = lines.remove(41);
    lines.add(49, l42);
    segment(lines);

    assertBroken(verify(), 42, "packets are out of order at " + SEGMENT_1 + " line 42: #43 comes before #42 ("
        + SEGMENT_1 + " line 50)", SEGMENT_1, 42);
  }

  @Test
  void theLastPacketsCutOffAreFoundByTheCheckpoint() {
    List<String> lines = segment();
    lines.subList(55, 60).clear();
    segment(lines);

    AuditFileCheck c = verify();

    assertBroken(c, 56, "packets after #55 were removed: checkpoint says #60 (checkpoints.jsonl line 3)",
        FileAuditLog.CHECKPOINTS_FILE, 3);
    assertThat(c.checkpointsChecked()).isEqualTo(2);
  }

  @Test
  void withoutCheckpointsACutEndGoesUnseenAndANoteSaysSo() throws IOException {
    Files.delete(dir.resolve(FileAuditLog.CHECKPOINTS_FILE));
    List<String> lines = segment();
    lines.subList(55, 60).clear();
    segment(lines);

    AuditFileCheck c = verify();

    assertThat(c.verification()).isEqualTo(AuditVerification.valid(55));
    assertThat(c.notes()).containsExactly("no checkpoints: packets removed from the end of the log cannot be detected");
  }

  @Test
  void anEditedCheckpointMacIsNamedAsForged() {
    Path cps = dir.resolve(FileAuditLog.CHECKPOINTS_FILE);
    List<String> lines = AuditDirs.fileLines(cps);
    String mac = Checkpoints.mac(KEY, 40, written.get(39).hash());
    lines.set(1, lines.get(1).replace(mac, mac.substring(0, 63) + (mac.charAt(63) == '0' ? '1' : '0')));
    AuditDirs.writeLines(cps, lines);

    assertBroken(verify(), 40, "checkpoint for #40 (checkpoints.jsonl line 2) is forged: its MAC does not match",
        FileAuditLog.CHECKPOINTS_FILE, 2);
    AuditFileCheck withoutKey = AuditFiles.verify(dir, Optional.empty());
    assertThat(withoutKey.isValid()).isTrue();
    assertThat(withoutKey.notes()).anySatisfy(n -> assertThat(n).contains("MACs that were not checked"));
  }

  @Test
  void aCheckpointSignedWithAnotherKeyIsForged() {
    assertBroken(AuditFiles.verify(dir, Optional.of(Secret.of("another key"))), 20,
        "checkpoint for #20 (checkpoints.jsonl line 1) is forged", FileAuditLog.CHECKPOINTS_FILE, 1);
  }

  @Test
  void aRewrittenChainWithRecomputedHashesIsCaughtByTheCheckpoints() {
    List<String> lines = new ArrayList<>();
    String prev = AuditRecord.GENESIS_HASH;
    for (AuditRecord r : written) {
      var p = r.sequence() == 30 ? payload(3333) : r.payload();
      AuditRecord resealed = AuditRecord.seal(r.sequence(), r.timestampMillis(), r.correlationId(), r.type(), p, prev);
      prev = resealed.hash();
      lines.add(AuditDirs.line(resealed).strip());
    }
    segment(lines);

    AuditFileCheck c = verify();

    assertBroken(c, 21, "packets after #20 were rewritten and their hashes recomputed: #40 (" + SEGMENT_1
        + " line 40) does not have the hash that checkpoint (checkpoints.jsonl line 2) recorded",
        FileAuditLog.CHECKPOINTS_FILE, 2);
  }

  @Test
  void aLineThatIsNotAPacketIsABreak() {
    List<String> lines = segment();
    lines.set(16, "{\"seq\":17,\"ts\":oops}");
    segment(lines);

    assertBroken(verify(), 17, "line 17 of " + SEGMENT_1 + " is not a packet (not valid JSON", SEGMENT_1, 17);
  }

  @Test
  void aTornTailIsANoteNotABreak() {
    AuditRecord next = AuditRecord.seal(61, T0, "kit-000061", "order.submitted", payload(61), written.get(59).hash());
    AuditDirs.appendBytes(dir.resolve(SEGMENT_1), AuditDirs.line(next).substring(0, 37)
        .getBytes(StandardCharsets.UTF_8));

    AuditFileCheck c = verify();

    assertThat(c.verification()).isEqualTo(AuditVerification.valid(60));
    assertThat(c.packets()).isEqualTo(60);
    assertThat(c.notes()).containsExactly("torn tail of 37 bytes at the end of " + SEGMENT_1 + " (line 61: cut short:"
        + " no end of line): a crash during a write; it is cut when the log is next opened");
    assertThat(c.summary()).contains("note: torn tail of 37 bytes");
  }

  @Test
  void forEachHandsOverEveryPacketInOrderAndSkipsATornTail() {
    AuditDirs.appendBytes(dir.resolve(SEGMENT_1), "{\"seq\":61,\"ts\"".getBytes(StandardCharsets.UTF_8));
    List<AuditRecord> seen = new ArrayList<>();

    AuditFiles.forEach(dir, seen::add);

    assertThat(seen).containsExactlyElementsOf(written);
    assertThat(AuditFiles.read(dir, 58, 10)).containsExactlyElementsOf(written.subList(57, 60));
    assertThat(AuditFiles.read(dir, 10, 2)).containsExactlyElementsOf(written.subList(9, 11));
    assertThat(AuditFiles.read(dir, 61, 2)).isEmpty();
  }

  @Test
  void forEachFailsOnALineThatIsNotAPacketBeforeTheEnd() {
    List<String> lines = segment();
    lines.set(16, "garbage");
    segment(lines);

    assertThatThrownBy(() -> AuditFiles.forEach(dir, r -> { }))
        .isInstanceOf(AitraderException.class)
        .hasMessageContaining("line 17 of " + SEGMENT_1)
        .hasMessageContaining("aitrader audit verify");
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> AuditFiles.verify(tmp.resolve("nowhere"), Optional.empty()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("nowhere");
    assertThatThrownBy(() -> AuditFiles.read(dir, 0, 1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> AuditFiles.read(dir, 1, 0)).isInstanceOf(ValidationException.class);
  }

  @Test
  void anEmptyDirectoryIsValidWithANote() throws IOException {
    Path empty = Files.createDirectory(tmp.resolve("empty"));

    AuditFileCheck c = AuditFiles.verify(empty, Optional.empty());

    assertThat(c.verification()).isEqualTo(AuditVerification.valid(0));
    assertThat(c.notes()).anySatisfy(n -> assertThat(n).startsWith("no segment files"));
  }
}
