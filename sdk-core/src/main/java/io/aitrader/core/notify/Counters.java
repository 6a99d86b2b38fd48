package io.aitrader.core.notify;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link NotificationStats}; thread-safe. */
final class Counters {
  final AtomicLong submitted = new AtomicLong();
  final AtomicLong suppressed = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong queued = new AtomicLong();
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong sent = new AtomicLong();
  final AtomicLong digests = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong deadLettered = new AtomicLong();

  NotificationStats snapshot() {
    return new NotificationStats(submitted.get(), suppressed.get(), duplicates.get(), queued.get(), delivered.get(),
        sent.get(), digests.get(), retries.get(), deadLettered.get());
  }
}
