package io.aitrader.api.market;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An OHLCV bar (candle): the event on {@code market.candles.<interval>}. Immutable.
 *
 * <p>Prices are ₹0.0001 units; {@link #turnover()} is Σ price × quantity, exact, so {@link #vwap()} is exact to
 * the stated rounding.
 */
public record Bar(
    Instrument instrument,
    BarInterval interval,
    long openTimeMillis,
    long closeTimeMillis,
    long open,
    long high,
    long low,
    long close,
    long volume,
    long turnover,
    int tradeCount,
    boolean complete) implements BarView {

  public Bar {
    required(instrument, "Bar.instrument");
    required(interval, "Bar.interval");
    // one branch on the valid path: messages are only built for a bad value
    if (closeTimeMillis <= openTimeMillis || low <= 0 || high < low || open < low || open > high || close < low
        || close > high || volume < 0 || turnover < 0 || tradeCount < 0) {
      String where = " (bar " + instrument + " " + interval + " @" + openTimeMillis + ")";
      check(closeTimeMillis > openTimeMillis, "Bar.closeTimeMillis", "must be after openTimeMillis " + openTimeMillis + where, closeTimeMillis);
      check(low > 0, "Bar.low", "must be > 0" + where, low);
      check(high >= low, "Bar.high", "must be >= low " + low + where, high);
      check(open >= low && open <= high, "Bar.open", "must be within [low, high] = [" + low + ", " + high + "]" + where, open);
      check(close >= low && close <= high, "Bar.close", "must be within [low, high] = [" + low + ", " + high + "]" + where, close);
      check(volume >= 0, "Bar.volume", "must be >= 0" + where, volume);
      check(turnover >= 0, "Bar.turnover", "must be >= 0" + where, turnover);
      check(tradeCount >= 0, "Bar.tradeCount", "must be >= 0" + where, tradeCount);
    }
  }

  /**
   * Volume-weighted average price, turnover ÷ volume rounded half-even to ₹0.0001; the close when no volume traded.
   */
  public Price vwap() {
    if (volume == 0) {
      return Price.ofUnits(close);
    }
    return Price.ofUnits(BigDecimal.valueOf(turnover).divide(BigDecimal.valueOf(volume), 0, RoundingMode.HALF_EVEN).longValueExact());
  }

  @Override
  public Bar toBar() {
    return this;
  }

  /** {@code NSE:RELIANCE 5m 2025-01-02T03:45:00Z O=… H=… L=… C=… V=…}. */
  @Override
  public String toString() {
    return instrument + " " + interval + " " + java.time.Instant.ofEpochMilli(openTimeMillis)
        + " O=" + Price.format(open) + " H=" + Price.format(high) + " L=" + Price.format(low)
        + " C=" + Price.format(close) + " V=" + volume + (complete ? "" : " (partial)");
  }
}
