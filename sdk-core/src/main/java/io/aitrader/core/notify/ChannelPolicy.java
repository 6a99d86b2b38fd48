package io.aitrader.core.notify;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.notify.Severity;
import java.util.Optional;

/**
 * What one channel of the {@link NotificationService} takes and how fast: the least severity it is sent, an optional
 * {@link RateLimit}, and how many notifications one digest may hold when a rate-limited channel has fallen behind
 * (more go out as further digests, each taking a token).
 *
 * <pre>{@code
 * ChannelPolicy slack = ChannelPolicy.defaults()
 *     .withMinSeverity(Severity.WARNING)
 *     .withRateLimit(RateLimit.of(1, Duration.ofSeconds(1), 3));
 * }</pre>
 *
 * <p>Immutable. Rules: maxDigestItems between 1 and 1000 (1: never coalesce, only wait).
 *
 * @param minSeverity    the least severity sent to the channel
 * @param rateLimit      the channel's rate limit; empty for none
 * @param maxDigestItems the most notifications one digest holds
 */
public record ChannelPolicy(Severity minSeverity, Optional<RateLimit> rateLimit, int maxDigestItems) {
  /** The default number of notifications in one digest. */
  public static final int DEFAULT_MAX_DIGEST_ITEMS = 50;

  /** Validates every component; see the type's rules. */
  public ChannelPolicy {
    required(minSeverity, "ChannelPolicy.minSeverity");
    required(rateLimit, "ChannelPolicy.rateLimit");
    check(maxDigestItems >= 1 && maxDigestItems <= 1_000, "ChannelPolicy.maxDigestItems",
        "must be between 1 and 1000", maxDigestItems);
  }

  /** Every severity, no rate limit, digests of up to {@value #DEFAULT_MAX_DIGEST_ITEMS}. */
  public static ChannelPolicy defaults() {
    return new ChannelPolicy(Severity.INFO, Optional.empty(), DEFAULT_MAX_DIGEST_ITEMS);
  }

  /** This policy for notifications of {@code minSeverity} or more. */
  public ChannelPolicy withMinSeverity(Severity minSeverity) {
    return new ChannelPolicy(minSeverity, rateLimit, maxDigestItems);
  }

  /** This policy with {@code rateLimit}. */
  public ChannelPolicy withRateLimit(RateLimit rateLimit) {
    return new ChannelPolicy(minSeverity, Optional.of(required(rateLimit, "ChannelPolicy.rateLimit")), maxDigestItems);
  }

  /** This policy with digests of at most {@code maxDigestItems} notifications. */
  public ChannelPolicy withMaxDigestItems(int maxDigestItems) {
    return new ChannelPolicy(minSeverity, rateLimit, maxDigestItems);
  }

  /** Whether a notification of {@code severity} goes to the channel. */
  public boolean accepts(Severity severity) {
    return severity.compareTo(minSeverity) >= 0;
  }
}
