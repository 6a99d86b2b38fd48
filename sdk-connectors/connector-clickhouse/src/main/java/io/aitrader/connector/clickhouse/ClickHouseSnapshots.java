package io.aitrader.connector.clickhouse;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.TimeSource;
import io.aitrader.connector.clickhouse.internal.RowBinaryReader;
import io.aitrader.connector.clickhouse.internal.RowBinaryWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Immutable candle snapshots for reproducible backtests: {@link #export} copies the candles of a range (from the
 * {@code bars} table written by {@link ClickHouseMarketStore}) into {@code snapshot_bars} under a new snapshot id,
 * hashes them, and records id, name, range, row count and SHA-256 in {@code snapshots}. {@link #read} loads a
 * snapshot, re-computes the hash and refuses data that no longer matches ({@link SnapshotIntegrityException});
 * the {@link SnapshotBars} it returns is a {@code HistoricalBars} a backtest runs on.
 *
 * <pre>{@code
 * ClickHouseSnapshots snapshots = ClickHouseSnapshots.open(connector, timeSource);
 * ClickHouseSnapshot s = snapshots.export("nifty-5m-2024", instruments, BarInterval.M5, from, to);
 * SnapshotBars bars = snapshots.read(s.id(), instruments);      // verified; a HistoricalBars
 * BacktestConfig config = BacktestConfig.builder().data(bars)...build();
 * }</pre>
 *
 * <p><b>What is pinned.</b> The complete candles (the {@code complete} flag set) of the given instruments at the
 * interval whose open time lies in {@code [from, to)}, as the store reads them ({@code FINAL}: the latest version
 * of each bar) at export. Later appends or replacements in {@code bars} do not reach a snapshot: its rows are a
 * copy. A name is used once; exporting under an existing name fails. The same data exported under two names has
 * the same hash (the hash covers the rows only, not the name, id or range).
 *
 * <p><b>The hash</b> is SHA-256 over the rows ordered by instrument id (its UTF-8 bytes, unsigned) and open time,
 * in this encoding (v1): {@code "aitrader-snapshot-rows v1\n"} (UTF-8), then per row the instrument id and the
 * interval label (each a big-endian int32 byte length then its UTF-8 bytes), open time, close time, open, high,
 * low, close, volume, turnover (big-endian int64; prices in ₹0.0001), trade count (int32) and complete (one byte,
 * 1). It is computed from the copied rows as read back from {@code snapshot_bars}, so it describes what is stored.
 *
 * <p>Threading: thread-safe; exports are serialised in this object. Like the market store it assumes one
 * exporting process per database (ClickHouse has no unique constraint to enforce a name across processes). An
 * export that dies before recording its {@code snapshots} row leaves rows no snapshot refers to; they are never
 * read.
 */
public final class ClickHouseSnapshots {
  private static final String META_COLUMNS = "(id, name, bar_interval, instruments, from_time, to_time, row_count, "
      + "sha256, created)";
  private static final String META_SELECT = "SELECT id, name, bar_interval, instruments, from_time, to_time, "
      + "row_count, sha256, created FROM snapshots ";
  private static final int MAX_NAME_LENGTH = 200;

  private final ClickHouseConnector ch;
  private final TimeSource clock;
  private final Object exportLock = new Object();

  private ClickHouseSnapshots(ClickHouseConnector ch, TimeSource clock) {
    this.ch = ch;
    this.clock = clock;
  }

  /** Snapshots in the connector's database (tables created by its migrations); {@code clock} stamps exports. */
  public static ClickHouseSnapshots open(ClickHouseConnector connector, TimeSource clock) {
    return new ClickHouseSnapshots(required(connector, "ClickHouseSnapshots.connector"),
        required(clock, "ClickHouseSnapshots.clock"));
  }

  /**
   * Pins the complete {@code interval} candles of {@code instruments} opening in {@code [fromMillis, toMillis)}
   * under the new, unique {@code name}; returns what was recorded (an empty range gives a snapshot of 0 rows).
   *
   * @throws ValidationException when an argument is invalid or {@code name} already names a snapshot
   */
  public ClickHouseSnapshot export(String name, Collection<Instrument> instruments, BarInterval interval,
      long fromMillis, long toMillis) {
    requireText(name, "ClickHouseSnapshots.name");
    check(name.length() <= MAX_NAME_LENGTH, "ClickHouseSnapshots.name", "must have at most " + MAX_NAME_LENGTH
        + " characters", name.length());
    required(instruments, "ClickHouseSnapshots.instruments");
    check(!instruments.isEmpty(), "ClickHouseSnapshots.instruments", "must not be empty", instruments.size());
    Set<String> ids = new LinkedHashSet<>();
    for (Instrument i : instruments) {
      ids.add(required(i, "ClickHouseSnapshots.instruments[]").id());
    }
    required(interval, "ClickHouseSnapshots.interval");
    check(fromMillis < toMillis, "ClickHouseSnapshots.fromMillis", "must be < toMillis " + toMillis, fromMillis);
    synchronized (exportLock) {
      Optional<ClickHouseSnapshot> existing = find(name);
      if (existing.isPresent()) {
        throw new ValidationException("ClickHouseSnapshots.name", "'" + name + "' already names "
            + existing.get().describe() + "; a snapshot is never overwritten: export under another name");
      }
      String id = UUID.randomUUID().toString();
      StringBuilder in = new StringBuilder();
      for (String i : ids) {
        in.append(in.length() == 0 ? "" : ", ").append(ClickHouseConnector.quote(i));
      }
      ch.execute("INSERT INTO snapshot_bars (snapshot_id, instrument, bar_interval, open_time, close_time, open, "
          + "high, low, close, volume, turnover, trade_count, complete) SELECT " + ClickHouseConnector.quote(id)
          + ", instrument, bar_interval, open_time, close_time, open, high, low, close, volume, turnover, "
          + "trade_count, complete FROM bars FINAL WHERE instrument IN (" + in + ") AND bar_interval = "
          + ClickHouseConnector.quote(interval.label()) + " AND open_time >= " + fromMillis + " AND open_time < "
          + toMillis + " AND complete = 1");
      SnapshotRows rows = SnapshotRows.read(ch, id);
      ClickHouseSnapshot s = new ClickHouseSnapshot(id, name, interval, List.copyOf(ids), fromMillis, toMillis,
          rows.rows.size(), rows.sha256, clock.currentTimeMillis());
      RowBinaryWriter w = new RowBinaryWriter(512);
      w.string(s.id());
      w.string(s.name());
      w.string(s.interval().label());
      w.varint(s.instrumentIds().size());
      for (String i : s.instrumentIds()) {
        w.string(i);
      }
      w.int64(s.fromMillis());
      w.int64(s.toMillis());
      w.int64(s.rows());
      w.string(s.sha256());
      w.int64(s.createdMillis());
      ch.insertRowBinary("snapshots", META_COLUMNS, w.array(), w.length());
      return s;
    }
  }

  /** The snapshot named {@code name}, if there is one. */
  public Optional<ClickHouseSnapshot> find(String name) {
    requireText(name, "ClickHouseSnapshots.name");
    List<ClickHouseSnapshot> found = query(META_SELECT + "WHERE name = " + ClickHouseConnector.quote(name)
        + " ORDER BY created LIMIT 1 FORMAT RowBinary");
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The snapshot with id {@code id}, if there is one. */
  public Optional<ClickHouseSnapshot> get(String id) {
    requireText(id, "ClickHouseSnapshots.id");
    List<ClickHouseSnapshot> found = query(META_SELECT + "WHERE id = " + ClickHouseConnector.quote(id)
        + " LIMIT 1 FORMAT RowBinary");
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every snapshot, by name. */
  public List<ClickHouseSnapshot> list() {
    return query(META_SELECT + "ORDER BY name FORMAT RowBinary");
  }

  /**
   * Loads snapshot {@code id}, checks its rows against the hash and row count recorded at export, and returns its
   * candles carrying the given {@code instruments} (which must include every instrument it holds candles of).
   *
   * @throws NotFoundException           when there is no snapshot {@code id}
   * @throws SnapshotIntegrityException  when the stored rows do not match the recorded hash or count
   * @throws ValidationException         when a held instrument is missing from {@code instruments}
   */
  public SnapshotBars read(String id, Collection<Instrument> instruments) {
    required(instruments, "ClickHouseSnapshots.instruments");
    ClickHouseSnapshot s = get(id).orElseThrow(() -> new NotFoundException("no ClickHouse snapshot with id " + id
        + " in database " + ch.config().database()));
    SnapshotRows rows = SnapshotRows.read(ch, s.id());
    if (rows.rows.size() != s.rows() || !rows.sha256.equals(s.sha256())) {
      throw new SnapshotIntegrityException("snapshot '" + s.name() + "' (id " + s.id() + ") has changed since "
          + "its export: recorded sha256 " + s.sha256() + " over " + s.rows() + " rows, stored rows now hash to "
          + rows.sha256 + " over " + rows.rows.size() + " rows; it is not used");
    }
    Map<String, Instrument> byId = new HashMap<>();
    for (Instrument i : instruments) {
      byId.put(required(i, "ClickHouseSnapshots.instruments[]").id(), i);
    }
    List<Bar> bars = new ArrayList<>(rows.rows.size());
    @Nullable Instrument current = null;
    String currentId = "";
    for (SnapshotRows.Row r : rows.rows) {
      if (current == null || !r.instrument().equals(currentId)) {
        currentId = r.instrument();
        current = byId.get(currentId);
        if (current == null) {
          throw new ValidationException("ClickHouseSnapshots.instruments", "must include " + currentId + ", of "
              + "which " + s.describe() + " holds candles");
        }
      }
      bars.add(new Bar(current, s.interval(), r.openTime(), r.closeTime(), r.open(), r.high(), r.low(), r.close(),
          r.volume(), r.turnover(), r.tradeCount(), r.complete()));
    }
    return new SnapshotBars(s, Collections.unmodifiableList(bars));
  }

  private List<ClickHouseSnapshot> query(String sql) {
    RowBinaryReader r = new RowBinaryReader(ch.query(sql));
    List<ClickHouseSnapshot> out = new ArrayList<>();
    while (r.hasMore()) {
      String id = r.string();
      String name = r.string();
      BarInterval interval = BarInterval.parse(r.string());
      int n = Math.toIntExact(r.varint());
      List<String> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(r.string());
      }
      out.add(new ClickHouseSnapshot(id, name, interval, ids, r.int64(), r.int64(), r.int64(), r.string(),
          r.int64()));
    }
    return Collections.unmodifiableList(out);
  }
}
