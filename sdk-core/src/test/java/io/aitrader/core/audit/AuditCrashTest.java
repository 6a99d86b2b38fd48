package io.aitrader.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.audit.AuditRecord;
import io.aitrader.core.time.ManualTimeSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a separate JVM writes packets through the recorder and is killed (SIGKILL) mid-stream. Everything
 * it reported as on disk is there, the log verifies, and reopening continues the chain.
 */
class AuditCrashTest {
  @TempDir
  Path dir;

  @Test
  void aKilledWriterLosesNothingItHadSyncedAndTheLogStaysVerifiable() throws Exception {
    Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AuditWriterProcess.class.getName(), dir.toString())
        .redirectErrorStream(true).start();
    long confirmed = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("recorded ")) {
          confirmed = Long.parseLong(line.substring("recorded ".length()));
          if (confirmed >= 3_000) { // several segments and checkpoints written: now kill it mid-stream
            writer.destroyForcibly();
            break;
          }
        }
      }
    } finally {
      writer.destroyForcibly();
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(confirmed).as("the writer never confirmed 3,000 packets").isGreaterThanOrEqualTo(3_000);

    AuditFileCheck afterCrash = AuditFiles.verify(dir, Optional.empty());
    assertThat(afterCrash.verification().isValid()).as(afterCrash.toString()).isTrue();
    assertThat(afterCrash.packets()).isGreaterThanOrEqualTo(confirmed);
    assertThat(afterCrash.segments()).isGreaterThan(1);

    ManualTimeSource clock = new ManualTimeSource(1_760_000_000_000L);
    try (FileAuditLog reopened = FileAuditLog.builder().directory(dir).timeSource(clock).segmentBytes(64 * 1024).open()) {
      long last = reopened.lastSequence();
      assertThat(last).isGreaterThanOrEqualTo(confirmed);
      AuditRecord next = reopened.append("restart", "process-2", Map.of());
      assertThat(next.sequence()).isEqualTo(last + 1);
      List<AuditRecord> before = reopened.read(last, 1);
      assertThat(next.previousHash()).isEqualTo(before.get(0).hash());
      assertThat(reopened.verify().isValid()).isTrue();
    }
  }
}
