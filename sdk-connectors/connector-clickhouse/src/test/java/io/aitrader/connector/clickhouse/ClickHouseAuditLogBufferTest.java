package io.aitrader.connector.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import io.aitrader.api.time.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit log's group commit: what reaches the table when, and a failed write retried without duplicates. */
class ClickHouseAuditLogBufferTest {
  private static final long T0 = 1_736_135_100_000L;
  private static final TimeSource CLOCK = () -> T0;

  private final ClickHouseConnector ch = ClickHouseConnector.open(ClickHouseServer.get().freshDatabase());

  @AfterEach
  void closeConnector() {
    ch.close();
  }

  private long storedRows() {
    return Long.parseLong(ch.queryText("SELECT count() FROM audit_log FORMAT TabSeparated"));
  }

  private static List<AuditRecord> append(ClickHouseAuditLog log, int from, int count) {
    List<AuditRecord> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(log.append(T0 + i, "order.submitted", "buf-" + i, Map.of("n", Integer.toString(i))));
    }
    return out;
  }

  @Test
  void appendsReachTheTableInOneInsertAtSync() {
    try (ClickHouseAuditLog log = ClickHouseAuditLog.open(ch, CLOCK)) {
      append(log, 1, 100);
      assertThat(storedRows()).isZero();
      assertThat(log.lastSequence()).isEqualTo(100);

      log.sync();

      assertThat(storedRows()).isEqualTo(100);
      assertThat(ch.queryText("SELECT count() FROM system.parts WHERE database = '" + ch.config().database()
          + "' AND table = 'audit_log' AND active FORMAT TabSeparated")).isEqualTo("1");
      log.sync();
      assertThat(storedRows()).isEqualTo(100);
    }
  }

  @Test
  void aFullBufferIsWrittenBeforeTheNextAppend() {
    try (ClickHouseAuditLog log = ClickHouseAuditLog.open(ch, CLOCK, 3)) {
      append(log, 1, 3);
      assertThat(storedRows()).isZero();

      append(log, 4, 1);

      assertThat(storedRows()).isEqualTo(3);
    }
  }

  @Test
  void aBufferOfOneWritesEachAppend() {
    try (ClickHouseAuditLog log = ClickHouseAuditLog.open(ch, CLOCK, 1)) {
      append(log, 1, 2);

      assertThat(storedRows()).isEqualTo(2);
    }
  }

  @Test
  void readingAndClosingWriteTheBuffer() {
    ClickHouseAuditLog log = ClickHouseAuditLog.open(ch, CLOCK);
    List<AuditRecord> first = append(log, 1, 5);

    assertThat(log.read(1, 10)).containsExactlyElementsOf(first);
    append(log, 6, 5);
    log.close();

    assertThat(storedRows()).isEqualTo(10);
  }

  @Test
  void aFailedSyncKeepsTheRecordsAndTheNextSyncWritesThem() {
    try (ClickHouseAuditLog log = ClickHouseAuditLog.open(ch, CLOCK)) {
      append(log, 1, 10);
      ch.execute("RENAME TABLE audit_log TO audit_log_away");

      assertThatThrownBy(log::sync).isInstanceOf(ClickHouseException.class).hasMessageContaining("audit_log");

      ch.execute("RENAME TABLE audit_log_away TO audit_log");
      append(log, 11, 5);
      log.sync();
      assertThat(storedRows()).isEqualTo(15);
      assertThat(log.verify()).isEqualTo(AuditVerification.valid(15));
    }
  }

  @Test
  void aRetryDoesNotDuplicateRecordsThatArrivedDespiteTheFailure() {
    try (ClickHouseAuditLog log = ClickHouseAuditLog.open(ch, CLOCK)) {
      List<AuditRecord> records = append(log, 1, 10);
      ch.execute("RENAME TABLE audit_log TO audit_log_away");
      assertThatThrownBy(log::sync).isInstanceOf(ClickHouseException.class);
      ch.execute("RENAME TABLE audit_log_away TO audit_log");
      // as if the first four had been written and only the answer was lost
      for (AuditRecord r : records.subList(0, 4)) {
        ch.execute("INSERT INTO audit_log VALUES (" + r.sequence() + ", " + r.timestampMillis() + ", "
            + ClickHouseConnector.quote(r.correlationId()) + ", " + ClickHouseConnector.quote(r.type())
            + ", ['n'], [" + ClickHouseConnector.quote(r.payload().get("n")) + "], "
            + ClickHouseConnector.quote(r.previousHash()) + ", " + ClickHouseConnector.quote(r.hash()) + ")");
      }

      log.sync();

      assertThat(storedRows()).isEqualTo(10);
      assertThat(log.read(1, 20)).containsExactlyElementsOf(records);
      assertThat(log.verify()).isEqualTo(AuditVerification.valid(10));
    }
  }

  @Test
  void aBufferSizeOutsideItsRangeIsRefused() {
    assertThatThrownBy(() -> ClickHouseAuditLog.open(ch, CLOCK, 0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxBufferedRecords");
  }
}
