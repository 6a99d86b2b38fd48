package io.aitrader.connector.clickhouse;

import java.util.ArrayList;
import java.util.List;

/**
 * The connector's schema, as ordered, versioned migrations. Each is idempotent ({@code IF NOT EXISTS}), so two
 * processes opening the same database at once do no harm; an applied version is recorded in
 * {@code schema_migrations}. Append new versions; never edit an applied one.
 */
final class Migrations {
  /** The month (IST) of an epoch-millis column, the partition key of every time-series table. */
  private static String month(String millisColumn) {
    return "toYYYYMM(toDateTime(intDiv(" + millisColumn + ", 1000), 'Asia/Kolkata'))";
  }

  private record Migration(int version, String description, String sql) {
  }

  private static final List<Migration> ALL = List.of(
      new Migration(1, "ticks: every trade print, kept as appended (no deduplication)",
          "CREATE TABLE IF NOT EXISTS ticks ("
              + "instrument String, ts Int64, last_price Int64, last_qty Int64, day_volume Int64, "
              + "bid_price Int64, bid_qty Int64, ask_price Int64, ask_qty Int64, open_interest Int64"
              + ") ENGINE = MergeTree() PARTITION BY " + month("ts") + " ORDER BY (instrument, ts)"),
      new Migration(2, "bars: candles per interval; the highest version of a key wins (read with FINAL)",
          "CREATE TABLE IF NOT EXISTS bars ("
              + "instrument String, bar_interval String, open_time Int64, close_time Int64, "
              + "open Int64, high Int64, low Int64, close Int64, volume Int64, turnover Int64, "
              + "trade_count Int32, complete UInt8, version UInt64"
              + ") ENGINE = ReplacingMergeTree(version) PARTITION BY " + month("open_time")
              + " ORDER BY (instrument, bar_interval, open_time)"),
      new Migration(3, "audit_log: the hash-chained audit trail, one row per record",
          "CREATE TABLE IF NOT EXISTS audit_log ("
              + "seq UInt64, ts Int64, corr String, type String, payload_keys Array(String), "
              + "payload_values Array(String), prev String, hash String"
              + ") ENGINE = MergeTree() PARTITION BY " + month("ts") + " ORDER BY seq"),
      new Migration(4, "snapshots: one row per immutable candle snapshot (range, row count, SHA-256 of its rows)",
          "CREATE TABLE IF NOT EXISTS snapshots ("
              + "id String, name String, bar_interval String, instruments Array(String), from_time Int64, "
              + "to_time Int64, row_count UInt64, sha256 String, created Int64"
              + ") ENGINE = MergeTree() ORDER BY name"),
      new Migration(5, "snapshot_bars: the candles of each snapshot, copied at export and never changed",
          "CREATE TABLE IF NOT EXISTS snapshot_bars ("
              + "snapshot_id String, instrument String, bar_interval String, open_time Int64, close_time Int64, "
              + "open Int64, high Int64, low Int64, close Int64, volume Int64, turnover Int64, "
              + "trade_count Int32, complete UInt8"
              + ") ENGINE = MergeTree() ORDER BY (snapshot_id, instrument, open_time)"));

  private Migrations() {
  }

  /** Creates {@code schema_migrations} if needed and applies what it does not list; returns those versions. */
  static List<Integer> apply(ClickHouseConnector c) {
    c.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, description String) "
        + "ENGINE = MergeTree() ORDER BY version");
    List<Integer> done = c.appliedMigrations();
    List<Integer> applied = new ArrayList<>();
    for (Migration m : ALL) {
      if (!done.contains(m.version())) {
        c.execute(m.sql());
        c.execute("INSERT INTO schema_migrations (version, description) VALUES (" + m.version() + ", "
            + ClickHouseConnector.quote(m.description()) + ")");
        applied.add(m.version());
      }
    }
    return applied;
  }

  /** The latest schema version this code knows. */
  static int latest() {
    return ALL.get(ALL.size() - 1).version();
  }
}
