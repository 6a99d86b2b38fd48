package io.aitrader.core.audit;

import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.time.TimeSource;
import io.aitrader.testing.audit.AuditLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The kit over a file log with small segments and frequent checkpoints, so rotation happens in every test. */
class FileAuditLogContractTest extends AuditLogContract {
  @TempDir Path dir;

  @Override
  protected AuditLog newLog(TimeSource clock) {
    return open(clock);
  }

  @Override
  protected AuditLog reopen(TimeSource clock) {
    return open(clock);
  }

  private AuditLog open(TimeSource clock) {
    return FileAuditLog.builder().directory(dir.resolve("audit")).timeSource(clock).segmentBytes(4096)
        .checkpointEvery(50).syncOnAppend(false).open();
  }
}
