package io.aitrader.core.notify;

/**
 * A token bucket in exact integer arithmetic: one token is {@code periodMillis} units and the bucket gains
 * {@code permits} units per elapsed millisecond, up to {@code burst} tokens. Times come from the caller (the
 * service's TimeSource); a clock that goes backwards adds nothing. Not thread-safe: the delivery worker owns it.
 */
final class TokenBucket {
  private final long unitsPerToken;
  private final long unitsPerMilli;
  private final long capacity;
  private long units;
  private long lastMillis;

  TokenBucket(RateLimit limit, long nowMillis) {
    this.unitsPerToken = limit.period().toMillis();
    this.unitsPerMilli = limit.permits();
    this.capacity = Math.multiplyExact(unitsPerToken, (long) limit.burst());
    this.units = capacity;
    this.lastMillis = nowMillis;
  }

  /** Whole tokens available at {@code nowMillis}. */
  long available(long nowMillis) {
    refill(nowMillis);
    return units / unitsPerToken;
  }

  /** Takes one token if there is one at {@code nowMillis}. */
  boolean tryTake(long nowMillis) {
    refill(nowMillis);
    if (units < unitsPerToken) {
      return false;
    }
    units -= unitsPerToken;
    return true;
  }

  /**
   * When the next token is available: {@code nowMillis} if one already is. After a clock that went backwards, counted
   * from the latest time seen.
   */
  long nextTokenMillis(long nowMillis) {
    refill(nowMillis);
    if (units >= unitsPerToken) {
      return nowMillis;
    }
    long missing = unitsPerToken - units;
    return Math.max(nowMillis, lastMillis) + (missing + unitsPerMilli - 1) / unitsPerMilli;
  }

  private void refill(long nowMillis) {
    if (nowMillis <= lastMillis) {
      return;
    }
    long elapsed = nowMillis - lastMillis;
    lastMillis = nowMillis;
    long room = capacity - units;
    units = elapsed >= (room + unitsPerMilli - 1) / unitsPerMilli ? capacity : units + elapsed * unitsPerMilli;
  }
}
