package io.aitrader.core.bus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The delivered and failed counts of one subscription. Single writer (the subscription's consumer thread, or
 * the publisher holding a synchronous subscriber's lock): release stores, acquire loads. Kept apart from the
 * subscriber, and padded on both sides, because the consumer writes it per event while publishers read the
 * subscriber's fields per event: sharing a cache line would make them contend.
 */
@SuppressWarnings("unused") // the padding fields are never read
final class DeliveryCounters {
  private static final VarHandle DELIVERED;
  private static final VarHandle FAILED;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      DELIVERED = lookup.findVarHandle(DeliveryCounters.class, "delivered", long.class);
      FAILED = lookup.findVarHandle(DeliveryCounters.class, "failed", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // HotSpot lays out fields of one size in declaration order: 64 bytes of padding on each side of the counters
  private long p01, p02, p03, p04, p05, p06, p07, p08;
  private long delivered;
  private long failed;
  private long q01, q02, q03, q04, q05, q06, q07, q08;

  /** Adds one delivery (single writer). */
  void addDelivered() {
    DELIVERED.setRelease(this, (long) DELIVERED.getOpaque(this) + 1);
  }

  /** Adds one failure (single writer) and returns the new failure count. */
  long addFailed() {
    long failures = (long) FAILED.getOpaque(this) + 1;
    FAILED.setRelease(this, failures);
    return failures;
  }

  long delivered() {
    return (long) DELIVERED.getAcquire(this);
  }

  long failed() {
    return (long) FAILED.getAcquire(this);
  }
}
