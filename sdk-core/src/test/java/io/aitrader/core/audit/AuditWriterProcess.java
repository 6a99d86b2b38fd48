package io.aitrader.core.audit;

import io.aitrader.core.time.ManualTimeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A process that records audit packets as fast as it can through an {@link AuditRecorder} (group commit) until it
 * is killed, printing {@code recorded N} each time N packets are known to be on disk: the victim of
 * {@link AuditCrashTest}.
 */
public final class AuditWriterProcess {
  private AuditWriterProcess() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    ManualTimeSource clock = new ManualTimeSource(1_750_000_000_000L);
    AuditRecorder recorder = AuditRecorder.builder(FileAuditLog.builder().directory(dir).timeSource(clock)
        .syncOnAppend(false).segmentBytes(64 * 1024).checkpointEvery(250).open()).build();
    for (long n = 1; ; n++) {
      recorder.record(1_750_000_000_000L + n, "fill", "ref-" + n, Map.of("n", Long.toString(n), "pad", "x".repeat(40)));
      if (n % 100 == 0 && recorder.flush(Duration.ofSeconds(10))) {
        System.out.println("recorded " + n);
        System.out.flush();
      }
    }
  }
}
