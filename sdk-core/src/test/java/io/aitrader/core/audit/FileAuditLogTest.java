package io.aitrader.core.audit;

import static io.aitrader.core.audit.AuditDirs.SEGMENT_1;
import static io.aitrader.core.audit.AuditDirs.T0;
import static io.aitrader.core.audit.AuditDirs.fileLines;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileAuditLogTest {
  private static final Secret KEY = Secret.of("audit-test-key");

  @TempDir Path tmp;

  private Path dir() {
    return tmp.resolve("audit");
  }

  private FileAuditLog.Builder builder() {
    return FileAuditLog.builder().directory(dir()).timeSource(AuditDirs.ticking());
  }

  @Test
  void writesOnePacketPerLineWithTheFieldsInTheDocumentedOrder() throws IOException {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("b", "2");
    details.put("a", "line\none \"q\"");
    AuditRecord r;
    try (FileAuditLog log = builder().open()) {
      r = log.append(T0, "order.submitted", "mom5m-000042", details);
    }

    String text = Files.readString(dir().resolve(SEGMENT_1), StandardCharsets.UTF_8);

    assertThat(text).isEqualTo("{\"seq\":1,\"ts\":" + T0 + ",\"corr\":\"mom5m-000042\",\"type\":\"order.submitted\","
        + "\"payload\":{\"b\":\"2\",\"a\":\"line\\none \\\"q\\\"\"},\"prev\":\"" + "0".repeat(64) + "\",\"hash\":\""
        + r.hash() + "\"}\n");
    assertThat(r.hash()).isEqualTo(AuditRecord.seal(1, T0, "mom5m-000042", "order.submitted", details,
        AuditRecord.GENESIS_HASH).hash());
  }

  @Test
  void rotatesSegmentsAtLineBoundariesAndTheChainContinuesAcrossThem() {
    List<AuditRecord> written = AuditDirs.write(builder().segmentBytes(1024), 30);

    List<Path> segments = AuditDirs.segments(dir());
    assertThat(segments).hasSizeGreaterThan(3);
    assertThat(segments.get(0).getFileName()).hasToString(SEGMENT_1);
    assertThat(segments.get(1).getFileName()).hasToString("audit-00000002.jsonl");
    long seen = 0;
    for (Path s : segments) {
      assertThat(s.toFile().length()).isLessThanOrEqualTo(1024);
      for (String line : fileLines(s)) {
        seen++;
        assertThat(line).startsWith("{\"seq\":" + seen + ",");
      }
    }
    assertThat(seen).isEqualTo(30);

    try (FileAuditLog log = builder().segmentBytes(1024).open()) {
      assertThat(log.verify()).isEqualTo(AuditVerification.valid(30));
      assertThat(log.read(5, 20)).containsExactlyElementsOf(written.subList(4, 24));
      assertThat(log.read(29, 5)).containsExactlyElementsOf(written.subList(28, 30));
    }
    AuditFileCheck check = AuditFiles.verify(dir(), Optional.empty());
    assertThat(check.isValid()).isTrue();
    assertThat(check.segments()).isEqualTo(segments.size());
    assertThat(check.packets()).isEqualTo(30);
  }

  @Test
  void aReopenedLogAppendsToTheLastSegmentUntilItIsFull() {
    AuditDirs.write(builder().segmentBytes(1024), 5);
    int before = AuditDirs.segments(dir()).size();

    AuditDirs.write(builder().segmentBytes(1024), 1);

    assertThat(AuditDirs.segments(dir())).hasSize(before);
    assertThat(AuditFiles.verify(dir(), Optional.empty()).verification()).isEqualTo(AuditVerification.valid(6));
  }

  @Test
  void anEmptyLastSegmentContinuesFromThePacketBeforeIt() throws IOException {
    List<AuditRecord> written = AuditDirs.write(builder().segmentBytes(1024), 10);
    int n = AuditDirs.segments(dir()).size();
    Files.createFile(dir().resolve(Segments.name(n + 1)));

    try (FileAuditLog log = builder().segmentBytes(1024).open()) {
      assertThat(log.lastSequence()).isEqualTo(10);
      AuditRecord next = log.append("order.cancelled", "kit-000011", payload(11));
      assertThat(next.previousHash()).isEqualTo(written.get(9).hash());
      assertThat(log.read(1, 100)).hasSize(11);
      assertThat(log.verify()).isEqualTo(AuditVerification.valid(11));
    }
    assertThat(fileLines(dir().resolve(Segments.name(n + 1)))).hasSize(1);
  }

  @Test
  void aSecondOpenOfTheSameDirectoryFailsNamingIt() {
    try (FileAuditLog first = builder().open()) {
      first.append("order.submitted", "kit-000001", payload(1));

      assertThatThrownBy(() -> builder().open())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(dir().toAbsolutePath().toString())
          .hasMessageContaining("already open");
    }
    try (FileAuditLog again = builder().open()) {
      assertThat(again.lastSequence()).isEqualTo(1);
    }
  }

  @Test
  void withoutSyncOnAppendSyncMakesTheBatchDurable() {
    try (FileAuditLog log = builder().syncOnAppend(false).open()) {
      for (int i = 1; i <= 10; i++) {
        log.append("order.submitted", "kit-" + i, payload(i));
      }
      log.sync();
      log.sync(); // nothing new: returns at once

      assertThat(fileLines(dir().resolve(SEGMENT_1))).hasSize(10);
      assertThat(log.read(1, 100)).hasSize(10);
    }
    try (FileAuditLog log = builder().syncOnAppend(false).open()) {
      assertThat(log.lastSequence()).isEqualTo(10);
      assertThat(log.verify()).isEqualTo(AuditVerification.valid(10));
    }
  }

  @Test
  void checkpointsAreWrittenEveryNPacketsAndAtCloseSignedWithTheKey() {
    List<AuditRecord> written = AuditDirs.write(builder().checkpointEvery(4).checkpointKey(KEY), 10);

    List<String> cps = fileLines(dir().resolve(FileAuditLog.CHECKPOINTS_FILE));

    assertThat(cps).hasSize(3);
    assertThat(cps.get(0)).startsWith("{\"seq\":4,\"hash\":\"" + written.get(3).hash() + "\",\"ts\":")
        .endsWith(",\"mac\":\"" + Checkpoints.mac(KEY, 4, written.get(3).hash()) + "\"}");
    assertThat(cps.get(1)).startsWith("{\"seq\":8,");
    assertThat(cps.get(2)).startsWith("{\"seq\":10,\"hash\":\"" + written.get(9).hash() + "\"");
    AuditFileCheck check = AuditFiles.verify(dir(), Optional.of(KEY));
    assertThat(check.isValid()).isTrue();
    assertThat(check.checkpointsChecked()).isEqualTo(3);
  }

  @Test
  void checkpointsWithoutAKeyCarryNoMac() {
    AuditDirs.write(builder().checkpointEvery(4), 5);

    List<String> cps = fileLines(dir().resolve(FileAuditLog.CHECKPOINTS_FILE));

    assertThat(cps).hasSize(2).allSatisfy(l -> assertThat(l).doesNotContain("mac"));
  }

  @Test
  void closingAgainWritesNoNewCheckpoint() {
    AuditDirs.write(builder(), 3);
    try (FileAuditLog log = builder().open()) {
      assertThat(log.lastSequence()).isEqualTo(3);
    }

    assertThat(fileLines(dir().resolve(FileAuditLog.CHECKPOINTS_FILE))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 17, 60, -1})
  void aLineCutShortByACrashIsATornTailThatOpeningCuts(int prefix) throws IOException {
    List<AuditRecord> written = AuditDirs.write(builder(), 5);
    Path segment = dir().resolve(SEGMENT_1);
    long cleanSize = Files.size(segment);
    AuditRecord sixth = AuditRecord.seal(6, T0 + 99_000, "kit-000006", "order.submitted", payload(6),
        written.get(4).hash());
    byte[] line = AuditDirs.line(sixth).getBytes(StandardCharsets.UTF_8);
    int cut = prefix < 0 ? line.length - 1 : prefix; // -1: everything but the newline
    AuditDirs.appendBytes(segment, Arrays.copyOf(line, cut));

    AuditFileCheck offline = AuditFiles.verify(dir(), Optional.empty());
    assertThat(offline.verification()).isEqualTo(AuditVerification.valid(5));
    assertThat(offline.notes()).anySatisfy(n -> assertThat(n)
        .startsWith("torn tail of " + cut + " bytes at the end of " + SEGMENT_1).contains("a crash during a write"));
    assertThat(Files.size(segment)).isEqualTo(cleanSize + cut); // verify repairs nothing

    try (FileAuditLog log = builder().open()) {
      assertThat(log.repairedTail()).hasValueSatisfying(t -> assertThat(t)
          .contains(cut + " bytes").contains(SEGMENT_1).contains("#5"));
      assertThat(Files.size(segment)).isEqualTo(cleanSize);
      AuditRecord next = log.append("order.submitted", "kit-000006", payload(6));
      assertThat(next.sequence()).isEqualTo(6);
      assertThat(next.previousHash()).isEqualTo(written.get(4).hash());
      assertThat(log.verify()).isEqualTo(AuditVerification.valid(6));
    }
    AuditFileCheck after = AuditFiles.verify(dir(), Optional.empty());
    assertThat(after.verification()).isEqualTo(AuditVerification.valid(6));
    assertThat(after.notes()).noneSatisfy(n -> assertThat(n).contains("torn"));
  }

  @Test
  void anUnreadableLastLineIsATornTailToo() throws IOException {
    AuditDirs.write(builder(), 3);
    Path segment = dir().resolve(SEGMENT_1);
    AuditDirs.appendBytes(segment, new byte[] {0, 0, 0, 0, '\n'});

    assertThat(AuditFiles.verify(dir(), Optional.empty()).isValid()).isTrue();
    try (FileAuditLog log = builder().open()) {
      assertThat(log.repairedTail()).hasValueSatisfying(t -> assertThat(t).contains("5 bytes"));
      assertThat(log.append("x.y", "kit", payload(4)).sequence()).isEqualTo(4);
    }
    assertThat(AuditFiles.verify(dir(), Optional.empty()).verification()).isEqualTo(AuditVerification.valid(4));
  }

  @Test
  void aTornTailOfTheCheckpointsFileIsCutToo() throws IOException {
    AuditDirs.write(builder(), 3);
    Path cps = dir().resolve(FileAuditLog.CHECKPOINTS_FILE);
    AuditDirs.appendBytes(cps, "{\"seq\":4,\"ha".getBytes(StandardCharsets.UTF_8));

    assertThat(AuditFiles.verify(dir(), Optional.empty()).notes())
        .anySatisfy(n -> assertThat(n).startsWith("torn tail of 12 bytes at the end of checkpoints.jsonl"));
    try (FileAuditLog log = builder().open()) {
      assertThat(log.repairedTail()).hasValueSatisfying(t -> assertThat(t).contains("checkpoints.jsonl"));
    }
    assertThat(fileLines(cps)).hasSize(1);
  }

  @Test
  void damageBeforeTheEndIsNotRepairedAndOpeningSaysWhere() throws IOException {
    AuditDirs.write(builder(), 5);
    Path segment = dir().resolve(SEGMENT_1);
    List<String> lines = fileLines(segment);
    lines.set(2, "{\"seq\":3, this is not json");
    AuditDirs.writeLines(segment, lines);
    byte[] before = Files.readAllBytes(segment);

    assertThatThrownBy(() -> builder().open())
        .isInstanceOf(AitraderException.class)
        .hasMessageContaining("line 3 of " + SEGMENT_1)
        .hasMessageContaining("aitrader audit verify");
    assertThat(Files.readAllBytes(segment)).isEqualTo(before);
    // the failed open released the lock: a second attempt meets the damage again, not a held lock
    assertThatThrownBy(() -> builder().open())
        .isInstanceOf(AitraderException.class)
        .hasMessageContaining("line 3 of " + SEGMENT_1);
  }

  @Test
  void verifyOfAnOpenLogSeesTamperingInItsFiles() {
    try (FileAuditLog log = builder().open()) {
      for (int i = 1; i <= 5; i++) {
        log.append("order.submitted", "kit-" + i, payload(i));
      }
      Path segment = dir().resolve(SEGMENT_1);
      List<String> lines = fileLines(segment);
      lines.set(3, lines.get(3).replace("\"quantity\":\"40\"", "\"quantity\":\"400\""));
      AuditDirs.writeLines(segment, lines);

      AuditVerification v = log.verify();

      assertThat(v.firstBadSequence()).hasValue(4);
      assertThat(v.problem()).hasValue("packet #4 (" + SEGMENT_1 + " line 4) was changed: its hash does not match its"
          + " content");
      assertThat(log.check().location()).hasValue(new AuditLocation(SEGMENT_1, 4));
    }
  }

  @Test
  void aClosedLogRefusesEveryCall() {
    FileAuditLog log = builder().open();
    log.append("order.submitted", "kit-1", payload(1));
    log.close();

    assertThatThrownBy(() -> log.append("order.submitted", "kit-2", payload(2)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> log.read(1, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(log::verify).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(log::sync).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theBuilderRejectsBadSettings() {
    assertThatThrownBy(() -> FileAuditLog.builder().segmentBytes(100))
        .isInstanceOf(ValidationException.class).hasMessageContaining("FileAuditLog.segmentBytes must be >= 1024");
    assertThatThrownBy(() -> FileAuditLog.builder().checkpointEvery(0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("FileAuditLog.checkpointEvery");
    assertThatThrownBy(() -> FileAuditLog.builder().timeSource(AuditDirs.ticking()).open())
        .isInstanceOf(ValidationException.class).hasMessageContaining("FileAuditLog.directory");
    assertThatThrownBy(() -> FileAuditLog.builder().directory(dir()).open())
        .isInstanceOf(ValidationException.class).hasMessageContaining("FileAuditLog.timeSource");
  }
}
