package io.aitrader.api.bus;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * How one subscription receives events.
 *
 * @param delivery      {@link Delivery#SYNCHRONOUS}: on the publisher's thread, before {@code publish} returns
 *                      (deterministic; what backtests use); {@link Delivery#ASYNCHRONOUS}: on the subscription's
 *                      own thread through a bounded queue
 * @param queueCapacity capacity of the queue for asynchronous delivery, a power of two ≥ 2
 * @param overflow      what happens when that queue is full
 */
public record SubscriptionOptions(Delivery delivery, int queueCapacity, OverflowPolicy overflow) {
  /** Synchronous delivery; its queue capacity and overflow policy are placeholders that nothing reads. */
  public static final SubscriptionOptions SYNCHRONOUS = new SubscriptionOptions(Delivery.SYNCHRONOUS, 2, OverflowPolicy.BLOCK);

  public SubscriptionOptions {
    required(delivery, "SubscriptionOptions.delivery");
    required(overflow, "SubscriptionOptions.overflow");
    check(queueCapacity >= 2 && Integer.bitCount(queueCapacity) == 1, "SubscriptionOptions.queueCapacity",
        "must be a power of two >= 2", queueCapacity);
  }

  /** Asynchronous delivery through a queue of {@code capacity} events with the given overflow policy. */
  public static SubscriptionOptions asynchronous(int capacity, OverflowPolicy overflow) {
    return new SubscriptionOptions(Delivery.ASYNCHRONOUS, capacity, overflow);
  }

  /** Where a subscriber's handler runs. */
  public enum Delivery {
    SYNCHRONOUS,
    ASYNCHRONOUS
  }
}
