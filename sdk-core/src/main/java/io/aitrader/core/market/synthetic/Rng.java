package io.aitrader.core.market.synthetic;

/**
 * xoshiro256** seeded through SplitMix64: a small, fast generator whose sequence is fixed by its algorithm (unlike
 * {@code java.util.Random} subclasses, whose algorithms may change), so a seed means the same numbers everywhere.
 * Transcendental functions use {@link StrictMath} for the same reason. Not thread-safe; one per instrument.
 */
final class Rng {
  private long s0;
  private long s1;
  private long s2;
  private long s3;
  private double spareGaussian;
  private boolean hasSpare;

  /** A generator for the stream named {@code key} under {@code seed}. */
  Rng(long seed, long key) {
    long x = mix(seed) ^ key;
    s0 = mix(x += 0x9E3779B97F4A7C15L);
    s1 = mix(x += 0x9E3779B97F4A7C15L);
    s2 = mix(x += 0x9E3779B97F4A7C15L);
    s3 = mix(x + 0x9E3779B97F4A7C15L);
  }

  /** The SplitMix64 finalizer: a bijective scramble of 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** FNV-1a over the chars of {@code s}, then mixed: a stable 64-bit key for a name. */
  static long keyOf(String s) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001B3L;
    }
    return mix(h);
  }

  long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform in (0, 1]: never 0, so its logarithm is finite. */
  double nextOpenDouble() {
    return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Exponential with mean 1. */
  double nextExponential() {
    return -StrictMath.log(nextOpenDouble());
  }

  /** Standard normal, by Marsaglia's polar method (two per round, one kept). */
  double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    spareGaussian = v * m;
    hasSpare = true;
    return u * m;
  }
}
