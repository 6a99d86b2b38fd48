package io.aitrader.core.store;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Tick;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Ticks as rows and as 72-byte records: time, last price, last quantity, day volume, bid price, bid quantity, ask
 * price, ask quantity, open interest (nine {@code long}s).
 */
final class TickRecords extends RecordFormat {
  static final TickRecords FORMAT = new TickRecords();

  static final int TIME = 0;
  static final int PRICE = 1;
  static final int QUANTITY = 2;
  static final int DAY_VOLUME = 3;
  static final int BID = 4;
  static final int BID_QUANTITY = 5;
  static final int ASK = 6;
  static final int ASK_QUANTITY = 7;
  static final int OPEN_INTEREST = 8;

  private static final int WIDTH = 9;

  private TickRecords() {}

  @Override
  int magic() {
    return 0x41495454; // "AITT"
  }

  @Override
  String extension() {
    return ".ticks";
  }

  @Override
  String what() {
    return "tick";
  }

  @Override
  boolean perInterval() {
    return false;
  }

  @Override
  boolean replacesEqualKeys() {
    return false;
  }

  @Override
  int width() {
    return WIDTH;
  }

  @Override
  int recordSize() {
    return WIDTH * Long.BYTES;
  }

  /** Appends {@code tick} as a row. */
  static void add(Columns rows, Tick tick) {
    int r = rows.addRow();
    rows.column(TIME)[r] = tick.timestampMillis();
    rows.column(PRICE)[r] = tick.lastPrice();
    rows.column(QUANTITY)[r] = tick.lastQuantity();
    rows.column(DAY_VOLUME)[r] = tick.dayVolume();
    rows.column(BID)[r] = tick.bidPrice();
    rows.column(BID_QUANTITY)[r] = tick.bidQuantity();
    rows.column(ASK)[r] = tick.askPrice();
    rows.column(ASK_QUANTITY)[r] = tick.askQuantity();
    rows.column(OPEN_INTEREST)[r] = tick.openInterest();
  }

  /** Row {@code row} as a tick of {@code instrument}. */
  static Tick tick(Columns rows, int row, Instrument instrument) {
    return new Tick(instrument, rows.column(TIME)[row], rows.column(PRICE)[row], rows.column(QUANTITY)[row],
        rows.column(DAY_VOLUME)[row], rows.column(BID)[row], rows.column(BID_QUANTITY)[row], rows.column(ASK)[row],
        rows.column(ASK_QUANTITY)[row], rows.column(OPEN_INTEREST)[row]);
  }

  /** Rows {@code [lo, hi)} as an immutable list of ticks of {@code instrument}. */
  static List<Tick> ticks(Columns rows, int lo, int hi, Instrument instrument) {
    if (hi <= lo) {
      return List.of();
    }
    long[] time = rows.column(TIME);
    long[] price = rows.column(PRICE);
    long[] quantity = rows.column(QUANTITY);
    long[] dayVolume = rows.column(DAY_VOLUME);
    long[] bid = rows.column(BID);
    long[] bidQuantity = rows.column(BID_QUANTITY);
    long[] ask = rows.column(ASK);
    long[] askQuantity = rows.column(ASK_QUANTITY);
    long[] openInterest = rows.column(OPEN_INTEREST);
    Tick[] out = new Tick[hi - lo];
    for (int i = lo; i < hi; i++) {
      out[i - lo] = new Tick(instrument, time[i], price[i], quantity[i], dayVolume[i], bid[i], bidQuantity[i], ask[i],
          askQuantity[i], openInterest[i]);
    }
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  @Override
  void write(Columns rows, int row, ByteBuffer out) {
    for (int c = 0; c < WIDTH; c++) {
      out.putLong(rows.column(c)[row]);
    }
  }

  @Override
  void read(ByteBuffer in, Columns rows, int row) {
    for (int c = 0; c < WIDTH; c++) {
      rows.column(c)[row] = in.getLong();
    }
  }

  @Override
  @Nullable String problem(Columns rows, int row) {
    if (rows.column(TIME)[row] <= 0 || rows.column(PRICE)[row] <= 0) {
      return "time " + rows.column(TIME)[row] + " or price " + rows.column(PRICE)[row] + " is not positive";
    }
    if (rows.column(DAY_VOLUME)[row] < rows.column(QUANTITY)[row]) {
      return "day volume " + rows.column(DAY_VOLUME)[row] + " is below the quantity " + rows.column(QUANTITY)[row];
    }
    for (int c = QUANTITY; c < WIDTH; c++) {
      if (rows.column(c)[row] < 0) {
        return "field " + c + " is negative (" + rows.column(c)[row] + ")";
      }
    }
    return null;
  }
}
