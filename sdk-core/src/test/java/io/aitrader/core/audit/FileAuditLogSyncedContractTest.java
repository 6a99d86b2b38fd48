package io.aitrader.core.audit;

import io.aitrader.api.Secret;
import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.time.TimeSource;
import io.aitrader.testing.audit.AuditLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The kit over a file log with the defaults (one segment, sync on every append) and a checkpoint key. */
class FileAuditLogSyncedContractTest extends AuditLogContract {
  private static final Secret KEY = Secret.of("kit-checkpoint-key");

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
    return FileAuditLog.builder().directory(dir.resolve("audit")).timeSource(clock).checkpointKey(KEY).open();
  }
}
