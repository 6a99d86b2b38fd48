package io.aitrader.connector.clickhouse;

import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.time.TimeSource;
import io.aitrader.testing.audit.AuditLogContract;

class ClickHouseAuditLogContractTest extends AuditLogContract {
  private ClickHouseConfig config;

  @Override
  protected AuditLog newLog(TimeSource clock) {
    config = ClickHouseServer.get().freshDatabase();
    return ClickHouseAuditLog.open(ClickHouseConnector.open(config), clock);
  }

  @Override
  protected AuditLog reopen(TimeSource clock) {
    return ClickHouseAuditLog.open(ClickHouseConnector.open(config), clock);
  }
}
