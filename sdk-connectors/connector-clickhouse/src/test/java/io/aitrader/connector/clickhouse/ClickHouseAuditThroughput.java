package io.aitrader.connector.clickhouse;

import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.time.TimeSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures (prints, asserts nothing) audit appends per second on {@link ClickHouseAuditLog}: records appended in
 * group commits of 512 then {@code sync()} (what {@code AuditRecorder} does), and with a {@code sync()} after every
 * append (a caller that needs each record acknowledged). Run from the module directory after
 * {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.aitrader.connector.clickhouse.ClickHouseAuditThroughput}.
 */
public final class ClickHouseAuditThroughput {
  private static final long T0 = 1_736_135_100_000L;
  private static final int GROUP = 512;

  private ClickHouseAuditThroughput() {
  }

  public static void main(String[] args) {
    ClickHouseServer server = ClickHouseServer.get();
    int grouped = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int single = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    TimeSource clock = () -> T0;
    for (int round = 1; round <= 3; round++) {
      try (ClickHouseConnector ch = ClickHouseConnector.open(server.freshDatabase());
          AuditLog log = ClickHouseAuditLog.open(ch, clock)) {
        long start = System.nanoTime();
        for (int i = 1; i <= grouped; i++) {
          log.append(T0 + i, "order.submitted", corr(i), payload(i));
          if (i % GROUP == 0) {
            log.sync();
          }
        }
        log.sync();
        double s = (System.nanoTime() - start) / 1e9;
        boolean valid = log.verify().isValid();
        System.out.printf("round %d: %,d appends in group commits of %d: %.3f s = %,.0f appends/s (verify %s)%n",
            round, grouped, GROUP, s, grouped / s, valid ? "ok" : "FAILED");
      }
      try (ClickHouseConnector ch = ClickHouseConnector.open(server.freshDatabase());
          AuditLog log = ClickHouseAuditLog.open(ch, clock)) {
        long start = System.nanoTime();
        for (int i = 1; i <= single; i++) {
          log.append(T0 + i, "order.submitted", corr(i), payload(i));
          log.sync();
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("round %d: %,d appends each synced: %.3f s = %,.0f appends/s%n", round, single, s,
            single / s);
      }
      try (ClickHouseConnector ch = ClickHouseConnector.open(server.freshDatabase());
          AuditLog log = ClickHouseAuditLog.open(ch, clock, 1)) {
        long start = System.nanoTime();
        for (int i = 1; i <= single; i++) {
          log.append(T0 + i, "order.submitted", corr(i), payload(i));
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("round %d: %,d appends with a buffer of 1: %.3f s = %,.0f appends/s%n", round, single, s,
            single / s);
      }
    }
    System.exit(0);
  }

  private static String corr(int i) {
    return String.format("mom5m-%06d", i);
  }

  private static Map<String, String> payload(int i) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("instrument", "NSE:RELIANCE");
    p.put("side", (i & 1) == 0 ? "BUY" : "SELL");
    p.put("quantity", Integer.toString(10 + i % 90));
    p.put("price", "2534.05");
    return p;
  }
}
