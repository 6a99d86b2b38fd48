package io.aitrader.core.bars;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import java.util.Arrays;

/**
 * The complete bars of one instrument and interval, held column by column: one primitive array per field instead of
 * one object per bar. A long series takes about 60 B per bar (an array of {@link Bar} objects about 100 B, scattered
 * over the heap) and is read through one reusable {@link Cursor}, so replaying it — a backtest, offline features —
 * streams a few dense arrays and allocates nothing.
 *
 * <pre>{@code
 * BarColumns series = BarColumns.of(instrument, BarInterval.M1);
 * storedBars.forEach(series::add);                  // in time order
 * BarColumns.Cursor bar = series.cursor();
 * for (int i = 0; i < series.size(); i++) ema.update(bar.moveTo(i));
 * }</pre>
 *
 * <p>Appends only, in time order. Not thread-safe: fill it, then read it (several cursors may read at once).
 */
public final class BarColumns {
  private static final int INITIAL_CAPACITY = 256;

  private final Instrument instrument;
  private final BarInterval interval;
  private int size;
  private long[] openTime = new long[INITIAL_CAPACITY];
  private long[] closeTime = new long[INITIAL_CAPACITY];
  private long[] open = new long[INITIAL_CAPACITY];
  private long[] high = new long[INITIAL_CAPACITY];
  private long[] low = new long[INITIAL_CAPACITY];
  private long[] close = new long[INITIAL_CAPACITY];
  private long[] volume = new long[INITIAL_CAPACITY];
  private long[] turnover = new long[INITIAL_CAPACITY];
  private int[] tradeCount = new int[INITIAL_CAPACITY];

  private BarColumns(Instrument instrument, BarInterval interval) {
    this.instrument = required(instrument, "BarColumns.instrument");
    this.interval = required(interval, "BarColumns.interval");
  }

  /** An empty series of {@code instrument}'s {@code interval} bars. */
  public static BarColumns of(Instrument instrument, BarInterval interval) {
    return new BarColumns(instrument, interval);
  }

  public Instrument instrument() {
    return instrument;
  }

  public BarInterval interval() {
    return interval;
  }

  public int size() {
    return size;
  }

  /**
   * Appends {@code bar} (copied: a reused view may be passed). It must be complete, of this series' instrument and
   * interval, and open at or after the previous bar's close.
   */
  public BarColumns add(BarView bar) {
    required(bar, "bar");
    // one branch on the valid path: messages are only built for a bar that does not belong
    if (!bar.complete() || bar.interval() != interval || !bar.instrument().equals(instrument)
        || (size > 0 && bar.openTimeMillis() < closeTime[size - 1])) {
      check(bar.complete(), "bar.complete", "only complete bars go in a series; this one is still running", bar.complete());
      check(bar.instrument().equals(instrument), "bar.instrument", "must be this series' instrument " + instrument.id(),
          bar.instrument().id());
      check(bar.interval() == interval, "bar.interval", "must be this series' interval " + interval, bar.interval());
      // every other rule held, so the series has a previous bar and this one starts before its close
      check(bar.openTimeMillis() >= closeTime[size - 1], "bar.openTimeMillis", "must not be before the previous bar's close " + closeTime[size - 1]
          + " (bars go in time order)", bar.openTimeMillis());
    }
    if (size == openTime.length) {
      grow();
    }
    int i = size++;
    openTime[i] = bar.openTimeMillis();
    closeTime[i] = bar.closeTimeMillis();
    open[i] = bar.open();
    high[i] = bar.high();
    low[i] = bar.low();
    close[i] = bar.close();
    volume[i] = bar.volume();
    turnover[i] = bar.turnover();
    tradeCount[i] = bar.tradeCount();
    return this;
  }

  /** Bar {@code index} (0 = oldest) as an immutable {@link Bar}; allocates — use a {@link #cursor()} in loops. */
  public Bar get(int index) {
    return cursor().moveTo(index).toBar();
  }

  /** A new cursor, before the first bar; position it with {@link Cursor#moveTo(int)}. */
  public Cursor cursor() {
    return new Cursor();
  }

  private void grow() {
    int capacity = openTime.length * 2;
    openTime = Arrays.copyOf(openTime, capacity);
    closeTime = Arrays.copyOf(closeTime, capacity);
    open = Arrays.copyOf(open, capacity);
    high = Arrays.copyOf(high, capacity);
    low = Arrays.copyOf(low, capacity);
    close = Arrays.copyOf(close, capacity);
    volume = Arrays.copyOf(volume, capacity);
    turnover = Arrays.copyOf(turnover, capacity);
    tradeCount = Arrays.copyOf(tradeCount, capacity);
  }

  /**
   * A movable view of one bar of the series: it reads the series' arrays on each access, so it stays valid as the
   * series grows; only {@link #moveTo(int)} bounds the index. What it shows changes with the next {@code moveTo}:
   * keep {@link #toBar()}, not the cursor.
   */
  public final class Cursor implements BarView {
    private int index = -1;

    private Cursor() {}

    /** Points this cursor at bar {@code index} (0 ≤ index < size) and returns it. */
    public Cursor moveTo(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("bar index " + index + " outside the series' " + size + " bars");
      }
      this.index = index;
      return this;
    }

    /** The bar this cursor shows, or -1 before the first {@link #moveTo(int)}. */
    public int position() {
      return index;
    }

    @Override
    public Instrument instrument() {
      return instrument;
    }

    @Override
    public BarInterval interval() {
      return interval;
    }

    @Override
    public long openTimeMillis() {
      return openTime[index];
    }

    @Override
    public long closeTimeMillis() {
      return closeTime[index];
    }

    @Override
    public long open() {
      return open[index];
    }

    @Override
    public long high() {
      return high[index];
    }

    @Override
    public long low() {
      return low[index];
    }

    @Override
    public long close() {
      return close[index];
    }

    @Override
    public long volume() {
      return volume[index];
    }

    @Override
    public long turnover() {
      return turnover[index];
    }

    @Override
    public int tradeCount() {
      return tradeCount[index];
    }

    @Override
    public boolean complete() {
      return true;
    }

    @Override
    public Bar toBar() {
      return new Bar(instrument, interval, openTimeMillis(), closeTimeMillis(), open(), high(), low(), close(),
          volume(), turnover(), tradeCount(), true);
    }
  }
}
