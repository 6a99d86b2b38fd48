package io.aitrader.core.notify;

/**
 * Counters of a {@link NotificationService} since it was built, as a snapshot. Notifications are counted once;
 * deliveries (a notification for one channel) once per channel.
 *
 * @param submitted    notifications passed to {@link NotificationService#submit}
 * @param suppressed   notifications dropped because the same dedupKey was submitted within the de-dup window
 * @param duplicates   deliveries the queue already knew (the same notification queued again, by any producer)
 * @param queued       deliveries put in the queue
 * @param delivered    deliveries a channel accepted, alone or in a digest
 * @param sent         messages a channel accepted: a digest counts once
 * @param digests      digests among the messages sent
 * @param retries      deliveries put back in the queue to be tried again
 * @param deadLettered deliveries given up on
 */
public record NotificationStats(long submitted, long suppressed, long duplicates, long queued, long delivered,
    long sent, long digests, long retries, long deadLettered) {}
