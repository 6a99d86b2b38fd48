package io.aitrader.core.market.synthetic;

/**
 * Counter-based random numbers for {@link SyntheticBars}: the {@code i}-th number of a stream is
 * {@code mix(key + i·γ)} (SplitMix64), so any draw of any day is a pure function of (key, index) and no generator
 * state has to be carried from one day or call to the next. Stateless and thread-safe; allocates nothing.
 *
 * <p>Stream layout of one (seed, instrument, date) day key: indices 0–1 the day's two normals (overnight gap and
 * intraday return, by Box–Muller), 2 the day's activity level, {@link #FIRST_INTRADAY} onward the one-minute path.
 */
final class Draws {
  static final long GOLDEN = 0x9E3779B97F4A7C15L;
  /** The first stream index used by the intraday path; the ones below belong to the daily model. */
  static final long FIRST_INTRADAY = 8;

  private Draws() {}

  /** The key of one instrument's paths under {@code seed}. */
  static long instrumentKey(long seed, String instrumentId) {
    return Rng.mix(Rng.mix(seed) ^ Rng.keyOf(instrumentId));
  }

  /** The key of one trading day's draws for an instrument key. */
  static long dayKey(long instrumentKey, long epochDay) {
    return Rng.mix(instrumentKey + Rng.mix(epochDay * GOLDEN + 1));
  }

  /** Uniform in (0, 1]: never 0, so its logarithm is finite. */
  static double uniform(long key, long index) {
    return ((Rng.mix(key + index * GOLDEN) >>> 11) + 1) * 0x1.0p-53;
  }

  /** The day's first standard normal: the overnight gap. */
  static double gapNormal(long dayKey) {
    return radius(dayKey) * StrictMath.cos(2 * Math.PI * uniform(dayKey, 1));
  }

  /** The day's second standard normal, independent of the first: the open-to-close return. */
  static double returnNormal(long dayKey) {
    return radius(dayKey) * StrictMath.sin(2 * Math.PI * uniform(dayKey, 1));
  }

  private static double radius(long dayKey) {
    return Math.sqrt(-2 * StrictMath.log(uniform(dayKey, 0)));
  }
}
