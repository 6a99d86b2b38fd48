package io.aitrader.core.store;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bars as rows and as 69-byte records: open time, close time, open, high, low, close, volume, turnover (eight
 * {@code long}s), trade count ({@code int}), complete ({@code byte} 0 or 1).
 */
final class BarRecords extends RecordFormat {
  static final BarRecords FORMAT = new BarRecords();

  static final int OPEN_TIME = 0;
  static final int CLOSE_TIME = 1;
  static final int OPEN = 2;
  static final int HIGH = 3;
  static final int LOW = 4;
  static final int CLOSE = 5;
  static final int VOLUME = 6;
  static final int TURNOVER = 7;
  static final int TRADES = 8;
  static final int COMPLETE = 9;

  private BarRecords() {}

  @Override
  int magic() {
    return 0x41495442; // "AITB"
  }

  @Override
  String extension() {
    return ".bars";
  }

  @Override
  String what() {
    return "bar";
  }

  @Override
  boolean perInterval() {
    return true;
  }

  @Override
  boolean replacesEqualKeys() {
    return true;
  }

  @Override
  int width() {
    return 10;
  }

  @Override
  int recordSize() {
    return 8 * Long.BYTES + Integer.BYTES + 1;
  }

  /** Appends {@code bar} as a row. */
  static void add(Columns rows, Bar bar) {
    int r = rows.addRow();
    rows.column(OPEN_TIME)[r] = bar.openTimeMillis();
    rows.column(CLOSE_TIME)[r] = bar.closeTimeMillis();
    rows.column(OPEN)[r] = bar.open();
    rows.column(HIGH)[r] = bar.high();
    rows.column(LOW)[r] = bar.low();
    rows.column(CLOSE)[r] = bar.close();
    rows.column(VOLUME)[r] = bar.volume();
    rows.column(TURNOVER)[r] = bar.turnover();
    rows.column(TRADES)[r] = bar.tradeCount();
    rows.column(COMPLETE)[r] = bar.complete() ? 1 : 0;
  }

  /** Rows {@code [lo, hi)} as an immutable list of bars of {@code instrument} at {@code interval}. */
  static List<Bar> bars(Columns rows, int lo, int hi, Instrument instrument, BarInterval interval) {
    if (hi <= lo) {
      return List.of();
    }
    long[] openTime = rows.column(OPEN_TIME);
    long[] closeTime = rows.column(CLOSE_TIME);
    long[] open = rows.column(OPEN);
    long[] high = rows.column(HIGH);
    long[] low = rows.column(LOW);
    long[] close = rows.column(CLOSE);
    long[] volume = rows.column(VOLUME);
    long[] turnover = rows.column(TURNOVER);
    long[] trades = rows.column(TRADES);
    long[] complete = rows.column(COMPLETE);
    Bar[] out = new Bar[hi - lo];
    for (int i = lo; i < hi; i++) {
      out[i - lo] = new Bar(instrument, interval, openTime[i], closeTime[i], open[i], high[i], low[i], close[i],
          volume[i], turnover[i], (int) trades[i], complete[i] != 0);
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  @Override
  void write(Columns rows, int row, ByteBuffer out) {
    for (int c = OPEN_TIME; c <= TURNOVER; c++) {
      out.putLong(rows.column(c)[row]);
    }
    out.putInt((int) rows.column(TRADES)[row]);
    out.put((byte) rows.column(COMPLETE)[row]);
  }

  @Override
  void read(ByteBuffer in, Columns rows, int row) {
    for (int c = OPEN_TIME; c <= TURNOVER; c++) {
      rows.column(c)[row] = in.getLong();
    }
    rows.column(TRADES)[row] = in.getInt();
    rows.column(COMPLETE)[row] = in.get();
  }

  @Override
  @Nullable String problem(Columns rows, int row) {
    long openTime = rows.column(OPEN_TIME)[row];
    long closeTime = rows.column(CLOSE_TIME)[row];
    long open = rows.column(OPEN)[row];
    long high = rows.column(HIGH)[row];
    long low = rows.column(LOW)[row];
    long close = rows.column(CLOSE)[row];
    if (closeTime <= openTime) {
      return "close time " + closeTime + " is not after open time " + openTime;
    }
    if (low <= 0 || high < low || open < low || open > high || close < low || close > high) {
      return "prices O=" + open + " H=" + high + " L=" + low + " C=" + close + " are not a valid bar";
    }
    if (rows.column(VOLUME)[row] < 0 || rows.column(TURNOVER)[row] < 0 || rows.column(TRADES)[row] < 0) {
      return "volume, turnover or trade count is negative";
    }
    long complete = rows.column(COMPLETE)[row];
    return complete == 0 || complete == 1 ? null : "the complete flag is " + complete + ", not 0 or 1";
  }
}
