package io.aitrader.api.signal;

/** What a signal recommends: be long, be short, or hold no position. */
public enum Direction {
  /** Hold (or open) a long position. */
  LONG,
  /** Hold (or open) a short position. */
  SHORT,
  /** Hold no position: close what is open. */
  FLAT;

  /** {@code +1}, {@code -1} or {@code 0}. */
  public int sign() {
    switch (this) {
      case LONG:
        return 1;
      case SHORT:
        return -1;
      default:
        return 0;
    }
  }
}
