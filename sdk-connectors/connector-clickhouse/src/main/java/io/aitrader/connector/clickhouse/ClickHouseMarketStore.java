package io.aitrader.connector.clickhouse;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketStore;
import io.aitrader.api.market.Tick;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TradingSession;
import io.aitrader.connector.clickhouse.internal.RowBinaryReader;
import io.aitrader.connector.clickhouse.internal.RowBinaryWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link MarketStore} on ClickHouse: ticks and bars in MergeTree tables partitioned by month and ordered by
 * (instrument, time), money as {@code Int64} units of ₹0.0001, times as {@code Int64} epoch milliseconds. Writes
 * are one {@code RowBinary} HTTP insert per batch; reads are one {@code RowBinary} query.
 *
 * <p><b>Duplicates.</b> MergeTree does not deduplicate, so: ticks are all kept, identical ones included (as the
 * contract wants); bars live in a {@code ReplacingMergeTree(version)} keyed by (instrument, interval, open time)
 * and are read with {@code FINAL}, so the bar appended last for a key wins at once, before any background merge.
 * The version is a counter this store continues from the table's maximum at open, increasing along each batch
 * (the last bar of an open time in a batch wins). Hence one writing process per database: two processes writing
 * bars for the same key at once may not see the later append win.
 *
 * <pre>{@code
 * MarketStore store = ClickHouseMarketStore.open(connector);
 * store.appendTicks(ticks);
 * List<Bar> day = store.bars(reliance, BarInterval.M5, from, to);
 * }</pre>
 *
 * <p>Threading: thread-safe. Closing the store does not close the connector.
 */
public final class ClickHouseMarketStore implements MarketStore {
  static final String TICK_COLUMNS = "(instrument, ts, last_price, last_qty, day_volume, bid_price, bid_qty, "
      + "ask_price, ask_qty, open_interest)";
  private static final String BAR_COLUMNS = "(instrument, bar_interval, open_time, close_time, open, high, low, close, "
      + "volume, turnover, trade_count, complete, version)";
  /** The days a roll-up may span, to keep its session table small. */
  private static final long MAX_ROLLUP_DAYS = 3_700;

  private final ClickHouseConnector ch;
  private final AtomicLong version;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ClickHouseMarketStore(ClickHouseConnector ch, long lastVersion) {
    this.ch = ch;
    this.version = new AtomicLong(lastVersion);
  }

  /** A store over the connector's database (its tables are created by the connector's migrations). */
  public static ClickHouseMarketStore open(ClickHouseConnector connector) {
    required(connector, "ClickHouseMarketStore.connector");
    long last = Long.parseLong(connector.queryText("SELECT max(version) FROM bars FORMAT TabSeparated").strip());
    return new ClickHouseMarketStore(connector, last);
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("ClickHouseMarketStore on " + ch.config().database() + " is closed");
    }
  }

  @Override
  public void appendTicks(Collection<Tick> ticks) {
    required(ticks, "ticks");
    checkOpen();
    for (Tick t : ticks) {
      required(t, "ticks[]");
    }
    if (ticks.isEmpty()) {
      return;
    }
    RowBinaryWriter w = new RowBinaryWriter(ticks.size() * 96);
    encodeTicks(ticks, w);
    ch.insertRowBinary("ticks", TICK_COLUMNS, w.array(), w.length());
  }

  /** Encodes ticks as rows of {@link #TICK_COLUMNS}; reuses the id bytes of consecutive same-instrument ticks. */
  static void encodeTicks(Iterable<Tick> ticks, RowBinaryWriter w) {
    Instrument last = null;
    byte[] id = new byte[0];
    for (Tick t : ticks) {
      if (t.instrument() != last) {
        last = t.instrument();
        id = last.id().getBytes(StandardCharsets.UTF_8);
      }
      w.bytes(id);
      w.int64(t.timestampMillis());
      w.int64(t.lastPrice());
      w.int64(t.lastQuantity());
      w.int64(t.dayVolume());
      w.int64(t.bidPrice());
      w.int64(t.bidQuantity());
      w.int64(t.askPrice());
      w.int64(t.askQuantity());
      w.int64(t.openInterest());
    }
  }

  @Override
  public void appendBars(Collection<Bar> bars) {
    required(bars, "bars");
    checkOpen();
    for (Bar b : bars) {
      required(b, "bars[]");
    }
    if (bars.isEmpty()) {
      return;
    }
    RowBinaryWriter w = new RowBinaryWriter(bars.size() * 110);
    long v = version.getAndAdd(bars.size());
    for (Bar b : bars) {
      w.string(b.instrument().id());
      w.string(b.interval().label());
      w.int64(b.openTimeMillis());
      w.int64(b.closeTimeMillis());
      w.int64(b.open());
      w.int64(b.high());
      w.int64(b.low());
      w.int64(b.close());
      w.int64(b.volume());
      w.int64(b.turnover());
      w.int32(b.tradeCount());
      w.uint8(b.complete() ? 1 : 0);
      w.int64(++v);
    }
    ch.insertRowBinary("bars", BAR_COLUMNS, w.array(), w.length());
  }

  private static void checkRange(long fromMillis, long toMillis) {
    check(fromMillis <= toMillis, "fromMillis", "must be <= toMillis " + toMillis, fromMillis);
  }

  @Override
  public List<Tick> ticks(Instrument instrument, long fromMillis, long toMillis) {
    required(instrument, "instrument");
    checkRange(fromMillis, toMillis);
    checkOpen();
    if (fromMillis == toMillis) {
      return List.of();
    }
    return readTicks(instrument, "SELECT ts, last_price, last_qty, day_volume, bid_price, bid_qty, ask_price, "
        + "ask_qty, open_interest FROM ticks WHERE instrument = " + ClickHouseConnector.quote(instrument.id())
        + " AND ts >= " + fromMillis + " AND ts < " + toMillis + " ORDER BY ts FORMAT RowBinary");
  }

  private List<Tick> readTicks(Instrument instrument, String sql) {
    RowBinaryReader r = new RowBinaryReader(ch.query(sql));
    List<Tick> out = new ArrayList<>();
    while (r.hasMore()) {
      out.add(new Tick(instrument, r.int64(), r.int64(), r.int64(), r.int64(), r.int64(), r.int64(), r.int64(),
          r.int64(), r.int64()));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public List<Bar> bars(Instrument instrument, BarInterval interval, long fromMillis, long toMillis) {
    required(instrument, "instrument");
    required(interval, "interval");
    checkRange(fromMillis, toMillis);
    checkOpen();
    if (fromMillis == toMillis) {
      return List.of();
    }
    RowBinaryReader r = new RowBinaryReader(ch.query("SELECT open_time, close_time, open, high, low, close, "
        + "volume, turnover, trade_count, complete FROM bars FINAL WHERE instrument = "
        + ClickHouseConnector.quote(instrument.id()) + " AND bar_interval = "
        + ClickHouseConnector.quote(interval.label()) + " AND open_time >= " + fromMillis + " AND open_time < "
        + toMillis + " ORDER BY open_time FORMAT RowBinary"));
    List<Bar> out = new ArrayList<>();
    while (r.hasMore()) {
      out.add(new Bar(instrument, interval, r.int64(), r.int64(), r.int64(), r.int64(), r.int64(), r.int64(),
          r.int64(), r.int64(), r.int32(), r.uint8() != 0));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public Optional<Tick> lastTick(Instrument instrument) {
    required(instrument, "instrument");
    checkOpen();
    List<Tick> last = readTicks(instrument, "SELECT ts, last_price, last_qty, day_volume, bid_price, bid_qty, "
        + "ask_price, ask_qty, open_interest FROM ticks WHERE instrument = "
        + ClickHouseConnector.quote(instrument.id()) + " ORDER BY ts DESC LIMIT 1 FORMAT RowBinary");
    return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0));
  }

  /**
   * OHLCV bars of {@code interval} computed in ClickHouse from the stored ticks of {@code instrument} in
   * {@code [fromMillis, toMillis)}, aligned to the exchange sessions as {@code TimeBarAggregator} aligns them: an
   * intraday bar opens at {@code sessionOpen + k × interval} and is cut at the session close, a daily bar spans
   * the session; ticks outside a session are ignored. Open/close are the first/last price by time
   * ({@code argMin}/{@code argMax}; ticks sharing a millisecond at a bar's edge are ordered arbitrarily), volume
   * and turnover sum the quantities and price × quantity, the trade count counts ticks with a quantity. A bar is
   * complete when it closes at or before {@code toMillis}. Nothing is stored. The range may span at most 3,700
   * days.
   */
  public List<Bar> rollUp(Instrument instrument, BarInterval interval, MarketCalendar calendar, long fromMillis,
      long toMillis) {
    required(instrument, "instrument");
    required(interval, "interval");
    required(calendar, "calendar");
    checkRange(fromMillis, toMillis);
    checkOpen();
    if (fromMillis == toMillis) {
      return List.of();
    }
    long firstDay = Ist.epochDayOf(fromMillis);
    long lastDay = Ist.epochDayOf(toMillis - 1);
    check(lastDay - firstDay < MAX_ROLLUP_DAYS, "toMillis", "must be within " + MAX_ROLLUP_DAYS
        + " days of fromMillis " + fromMillis, toMillis);
    StringBuilder days = new StringBuilder("[");
    StringBuilder opens = new StringBuilder("[");
    StringBuilder closes = new StringBuilder("[");
    for (long d = firstDay; d <= lastDay; d++) {
      Optional<TradingSession> s = calendar.session(LocalDate.ofEpochDay(d));
      if (s.isPresent()) {
        String sep = days.length() > 1 ? "," : "";
        days.append(sep).append(d);
        opens.append(sep).append(s.get().openMillis());
        closes.append(sep).append(s.get().closeMillis());
      }
    }
    if (days.length() == 1) {
      return List.of();
    }
    String dayKey = "intDiv(ts + " + Ist.OFFSET_MILLIS + ", " + Ist.MILLIS_PER_DAY + ")";
    long m = interval.millis();
    String bucket = interval.isDaily() ? "so" : "so + intDiv(ts - so, " + m + ") * " + m;
    String closeExpr = interval.isDaily() ? "any(sc)" : "least(bucket + " + m + ", any(sc))";
    String sql = "SELECT bucket, " + closeExpr + " AS close_time, argMin(last_price, ts), max(last_price), "
        + "min(last_price), argMax(last_price, ts), sum(last_qty), sum(last_price * last_qty), "
        + "toInt32(countIf(last_qty > 0)) FROM ("
        + "SELECT ts, last_price, last_qty, "
        + "transform(" + dayKey + ", " + int64s(days) + ", " + int64s(opens) + ", toInt64(0)) AS so, "
        + "transform(" + dayKey + ", " + int64s(days) + ", " + int64s(closes) + ", toInt64(0)) AS sc "
        + "FROM ticks WHERE instrument = " + ClickHouseConnector.quote(instrument.id())
        + " AND ts >= " + fromMillis + " AND ts < " + toMillis
        + ") WHERE so != 0 AND ts >= so AND ts < sc GROUP BY " + bucket + " AS bucket ORDER BY bucket "
        + "FORMAT RowBinary";
    RowBinaryReader r = new RowBinaryReader(ch.query(sql));
    List<Bar> out = new ArrayList<>();
    while (r.hasMore()) {
      long open = r.int64();
      long close = r.int64();
      out.add(new Bar(instrument, interval, open, close, r.int64(), r.int64(), r.int64(), r.int64(), r.int64(),
          r.int64(), r.int32(), close <= toMillis));
    }
    return Collections.unmodifiableList(out);
  }

  /** An array literal (from an unfinished {@code [a,b}) typed {@code Array(Int64)}, whatever its values. */
  private static String int64s(StringBuilder unfinished) {
    return "CAST(" + unfinished + "] AS Array(Int64))";
  }

  /** The connector this store writes through. */
  ClickHouseConnector connector() {
    return ch;
  }

  /** Marks the store closed; later calls throw {@link IllegalStateException}. Idempotent. */
  @Override
  public void close() {
    closed.set(true);
  }
}
