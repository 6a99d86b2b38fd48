package io.aitrader.core.notify;

import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.Notifier;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * One configured channel and what the delivery worker keeps for it: the deliveries it has polled that wait for a
 * rate-limit token (in flight in the queue meanwhile) and the token bucket. Only the worker thread touches the
 * mutable state.
 */
final class Channel {
  final String name;
  final Notifier notifier;
  final ChannelPolicy policy;
  final ArrayDeque<Delivery> waiting = new ArrayDeque<>();
  private final @Nullable TokenBucket bucket;

  Channel(Notifier notifier, ChannelPolicy policy, long nowMillis) {
    this.name = notifier.name();
    this.notifier = notifier;
    this.policy = policy;
    this.bucket = policy.rateLimit().map(limit -> new TokenBucket(limit, nowMillis)).orElse(null);
  }

  /** Whole tokens available now; {@link Long#MAX_VALUE} without a rate limit. */
  long tokens(long nowMillis) {
    return bucket == null ? Long.MAX_VALUE : bucket.available(nowMillis);
  }

  /** Takes a token for one message; always succeeds without a rate limit. */
  boolean tryTake(long nowMillis) {
    return bucket == null || bucket.tryTake(nowMillis);
  }

  /** When the next token is available. */
  long nextTokenMillis(long nowMillis) {
    return bucket == null ? nowMillis : bucket.nextTokenMillis(nowMillis);
  }
}
