package io.aitrader.core.notify;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.time.Duration;

/**
 * When the {@link NotificationService} tries a failed delivery again: exponential backoff with jitter, up to a
 * number of attempts, after which the delivery is dead-lettered. The delay after the {@code n}-th failed attempt is
 * {@code initialDelay * multiplier^(n-1)}, capped at {@code maxDelay}, then spread by ±{@code jitter} (a fraction)
 * so that many failing deliveries do not retry in lockstep, and capped at {@code maxDelay} again. A channel's
 * retry-after hint ({@link io.aitrader.api.notify.NotificationRateLimitedException}) is honoured as a minimum.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .initialDelay(Duration.ofSeconds(1)).multiplier(2).maxDelay(Duration.ofMinutes(5))
 *     .maxAttempts(8).jitter(0.2).build();
 * long delay = policy.delayMillis(3, random.nextDouble());   // about 4 s, between 3.2 s and 4.8 s
 * }</pre>
 *
 * <p>Immutable and thread-safe. Rules: initialDelay not negative; multiplier {@code >= 1}; maxDelay
 * {@code >= initialDelay}; maxAttempts {@code >= 1} (1 means never retry); jitter in {@code [0, 1]}.
 *
 * @param initialDelay how long to wait after the first failed attempt
 * @param multiplier   how much longer each following wait is
 * @param maxDelay     the longest wait
 * @param maxAttempts  how many attempts in all, the first included, before dead-lettering
 * @param jitter       the fraction by which a wait is randomly shortened or lengthened
 */
public record RetryPolicy(Duration initialDelay, double multiplier, Duration maxDelay, int maxAttempts,
    double jitter) {

  /** Validates every component; see the type's rules. */
  public RetryPolicy {
    required(initialDelay, "RetryPolicy.initialDelay");
    required(maxDelay, "RetryPolicy.maxDelay");
    check(!initialDelay.isNegative(), "RetryPolicy.initialDelay", "must not be negative", initialDelay);
    check(multiplier >= 1 && Double.isFinite(multiplier), "RetryPolicy.multiplier", "must be a finite number >= 1",
        multiplier);
    check(maxDelay.compareTo(initialDelay) >= 0, "RetryPolicy.maxDelay", "must be >= initialDelay " + initialDelay,
        maxDelay);
    check(maxAttempts >= 1, "RetryPolicy.maxAttempts", "must be >= 1", maxAttempts);
    check(jitter >= 0 && jitter <= 1, "RetryPolicy.jitter", "must be between 0 and 1", jitter);
  }

  /** 1 s, doubling, at most 5 min, 8 attempts (about 2 minutes of retries in all), ±20 % jitter. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 8, 0.2);
  }

  /** Starts from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(defaults());
  }

  /** A builder starting from this policy, to change a few settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The wait, in milliseconds, after {@code failedAttempts} failed attempts.
   *
   * @param failedAttempts how many attempts have failed, {@code >= 1}
   * @param unitRandom     a random number in {@code [0, 1)} choosing where in the jitter range the wait falls
   */
  public long delayMillis(int failedAttempts, double unitRandom) {
    check(failedAttempts >= 1, "RetryPolicy.failedAttempts", "must be >= 1", failedAttempts);
    check(unitRandom >= 0 && unitRandom < 1, "RetryPolicy.unitRandom", "must be in [0, 1)", unitRandom);
    double max = maxDelay.toMillis();
    double base = Math.min(max, initialDelay.toMillis() * Math.pow(multiplier, failedAttempts - 1.0));
    double spread = base * (1 + jitter * (2 * unitRandom - 1));
    return Math.round(Math.min(max, Math.max(0, spread)));
  }

  /** Whether another attempt is allowed after {@code failedAttempts} failed ones. */
  public boolean allowsRetryAfter(int failedAttempts) {
    return failedAttempts < maxAttempts;
  }

  /** Builds a {@link RetryPolicy}; not thread-safe. */
  public static final class Builder {
    private Duration initialDelay;
    private double multiplier;
    private Duration maxDelay;
    private int maxAttempts;
    private double jitter;

    private Builder(RetryPolicy from) {
      this.initialDelay = from.initialDelay;
      this.multiplier = from.multiplier;
      this.maxDelay = from.maxDelay;
      this.maxAttempts = from.maxAttempts;
      this.jitter = from.jitter;
    }

    /** How long to wait after the first failed attempt. */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = initialDelay;
      return this;
    }

    /** How much longer each following wait is ({@code >= 1}). */
    public Builder multiplier(double multiplier) {
      this.multiplier = multiplier;
      return this;
    }

    /** The longest wait. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
      return this;
    }

    /** How many attempts in all before dead-lettering (1: never retry). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The fraction by which waits are randomly spread, 0 for none. */
    public Builder jitter(double jitter) {
      this.jitter = jitter;
      return this;
    }

    /** The policy; fails with a {@link io.aitrader.api.ValidationException} naming a bad setting. */
    public RetryPolicy build() {
      return new RetryPolicy(initialDelay, multiplier, maxDelay, maxAttempts, jitter);
    }
  }
}
