package io.aitrader.core.bars;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;

/** The flyweight passed to bar listeners: refilled for every emission, so emitting allocates nothing. */
final class ReusableBarView implements BarView {
  private Instrument instrument;
  private BarInterval interval;
  private long openTime;
  private long closeTime;
  private long open;
  private long high;
  private long low;
  private long close;
  private long volume;
  private long turnover;
  private int tradeCount;
  private boolean complete;

  ReusableBarView(Instrument placeholder, BarInterval interval) {
    this.instrument = placeholder;
    this.interval = interval;
  }

  void set(Instrument instrument, BarInterval interval, long openTime, long closeTime, long open, long high,
      long low, long close, long volume, long turnover, int tradeCount, boolean complete) {
    this.instrument = instrument;
    this.interval = interval;
    this.openTime = openTime;
    this.closeTime = closeTime;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
    this.turnover = turnover;
    this.tradeCount = tradeCount;
    this.complete = complete;
  }

  @Override public Instrument instrument() { return instrument; }

  @Override public BarInterval interval() { return interval; }

  @Override public long openTimeMillis() { return openTime; }

  @Override public long closeTimeMillis() { return closeTime; }

  @Override public long open() { return open; }

  @Override public long high() { return high; }

  @Override public long low() { return low; }

  @Override public long close() { return close; }

  @Override public long volume() { return volume; }

  @Override public long turnover() { return turnover; }

  @Override public int tradeCount() { return tradeCount; }

  @Override public boolean complete() { return complete; }

  @Override
  public Bar toBar() {
    return new Bar(instrument, interval, openTime, closeTime, open, high, low, close, volume, turnover, tradeCount, complete);
  }

  @Override
  public String toString() {
    return toBar().toString();
  }
}
