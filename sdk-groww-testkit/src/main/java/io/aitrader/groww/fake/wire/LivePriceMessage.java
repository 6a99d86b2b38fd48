package io.aitrader.groww.fake.wire;

/**
 * The fields of Groww's LTP message ({@code StocksLivePriceProto}, fields 1..16, all doubles; prices in rupees).
 * Build with {@link #builder()}; unset fields are 0 and, as in proto3, not written. Immutable.
 *
 * <pre>{@code
 * LivePriceMessage m = LivePriceMessage.builder().tsInMillis(1_732_425_300_000d).ltp(2534.05).volume(1_200_000)
 *     .bidQty(150).offerQty(90).build();
 * byte[] bytes = FeedWire.livePrice(reliance, m);
 * }</pre>
 *
 * @param tsInMillis     1: epoch milliseconds
 * @param open           2
 * @param high           3
 * @param low            4
 * @param close          5
 * @param volume         6: cumulative day volume
 * @param value          7: traded value
 * @param bidQty         8
 * @param offerQty       9
 * @param avgPrice       10
 * @param highPriceRange 11
 * @param lowPriceRange  12
 * @param ltp            13: last traded price
 * @param openInterest   14
 * @param lowTradeRange  15
 * @param highTradeRange 16
 */
public record LivePriceMessage(
    double tsInMillis,
    double open,
    double high,
    double low,
    double close,
    double volume,
    double value,
    double bidQty,
    double offerQty,
    double avgPrice,
    double highPriceRange,
    double lowPriceRange,
    double ltp,
    double openInterest,
    double lowTradeRange,
    double highTradeRange) {

  public static Builder builder() {
    return new Builder();
  }

  /** The field values by field number (index 0 unused). */
  double[] byFieldNumber() {
    return new double[] {0, tsInMillis, open, high, low, close, volume, value, bidQty, offerQty, avgPrice,
        highPriceRange, lowPriceRange, ltp, openInterest, lowTradeRange, highTradeRange};
  }

  /** Builds a {@link LivePriceMessage}; every field defaults to 0. Not thread-safe. */
  public static final class Builder {
    private final double[] f = new double[17];

    private Builder() {}

    public Builder tsInMillis(double v) { f[1] = v; return this; }

    public Builder open(double v) { f[2] = v; return this; }

    public Builder high(double v) { f[3] = v; return this; }

    public Builder low(double v) { f[4] = v; return this; }

    public Builder close(double v) { f[5] = v; return this; }

    public Builder volume(double v) { f[6] = v; return this; }

    public Builder value(double v) { f[7] = v; return this; }

    public Builder bidQty(double v) { f[8] = v; return this; }

    public Builder offerQty(double v) { f[9] = v; return this; }

    public Builder avgPrice(double v) { f[10] = v; return this; }

    public Builder highPriceRange(double v) { f[11] = v; return this; }

    public Builder lowPriceRange(double v) { f[12] = v; return this; }

    public Builder ltp(double v) { f[13] = v; return this; }

    public Builder openInterest(double v) { f[14] = v; return this; }

    public Builder lowTradeRange(double v) { f[15] = v; return this; }

    public Builder highTradeRange(double v) { f[16] = v; return this; }

    public LivePriceMessage build() {
      return new LivePriceMessage(f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13],
          f[14], f[15], f[16]);
    }
  }
}
