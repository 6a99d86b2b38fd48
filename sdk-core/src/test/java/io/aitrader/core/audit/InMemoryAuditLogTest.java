package io.aitrader.core.audit;

import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.time.TimeSource;
import io.aitrader.testing.audit.AuditLogContract;
import org.junit.jupiter.api.Assumptions;

class InMemoryAuditLogTest extends AuditLogContract {

  @Override
  protected AuditLog newLog(TimeSource clock) {
    return InMemoryAuditLog.create(clock);
  }

  @Override
  protected AuditLog reopen(TimeSource clock) {
    return Assumptions.abort("an in-memory log keeps nothing across a restart");
  }
}
