package io.aitrader.api.notify;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The queue of {@link Delivery deliveries} between the notification service and its channels: the embedded one is
 * in memory, a connector may keep it in Redis so deliveries survive a restart. Delivery is at-least-once: a consumer
 * {@link #poll polls} a due delivery, which moves it to <em>in flight</em>, and then settles it with exactly one of
 * {@link #ack}, {@link #retry}, {@link #release} or {@link #deadLetter}. A consumer that dies before settling leaves
 * it in flight until {@link #requeueInFlight()} puts it back (on restart), so it may be sent twice but is never lost.
 *
 * <pre>{@code
 * queue.enqueue(Delivery.of("slack", notification, now));
 * Optional<Delivery> next = queue.poll(now);
 * next.ifPresent(d -> {
 *   try {
 *     slack.send(d.notification());
 *     queue.ack(d.id());
 *   } catch (NotificationException e) {
 *     if (e.isRetryable()) queue.retry(d.id(), now + 1_000, e.getMessage());
 *     else queue.deadLetter(d.id(), e.getMessage());
 *   }
 * });
 * }</pre>
 *
 * <p><b>Identity.</b> A delivery is known by its {@link Delivery#id() id}. {@link #enqueue} is idempotent: an id that
 * is queued, in flight, dead-lettered or was acknowledged recently is not queued again. How many acknowledged ids an
 * implementation remembers (a count or a time) is its own, documented choice; the kit asks for the last 1000 at
 * least.
 *
 * <p><b>Order.</b> {@link #poll} hands out the due delivery with the earliest {@link Delivery#notBeforeMillis()};
 * deliveries due at the same time come out in the order they were enqueued (FIFO).
 *
 * <p><b>Settling.</b> {@code ack}, {@code retry}, {@code release} and {@code deadLetter} act only on a delivery that
 * is in flight; for any other id they change nothing and return {@code false} (a consumer whose delivery was
 * requeued by {@link #requeueInFlight()} in the meantime learns it that way).
 *
 * <p>Implementations are thread-safe: any number of producers and consumers, each due delivery handed to exactly
 * one {@code poll}. Methods check their arguments and throw {@link io.aitrader.api.ValidationException}; a remote
 * queue that cannot be reached throws an unchecked {@link io.aitrader.api.AitraderException}. The queue holds no
 * policy: backoff, attempt limits and rate limits belong to its consumer.
 */
public interface NotificationQueue {

  /**
   * Queues {@code delivery}, due at its {@link Delivery#notBeforeMillis()}.
   *
   * @return {@code true} if it was queued; {@code false} if its id is already queued, in flight, dead-lettered or
   *     recently acknowledged (nothing changes)
   */
  boolean enqueue(Delivery delivery);

  /**
   * Takes the next delivery due at {@code nowMillis} (its notBeforeMillis {@code <= nowMillis}) and moves it to in
   * flight; empty when none is due.
   */
  Optional<Delivery> poll(long nowMillis);

  /** The earliest notBeforeMillis among queued (not in-flight) deliveries; empty when none is queued. */
  OptionalLong nextDueMillis();

  /** The in-flight delivery {@code id} was delivered: forget it (but remember its id for {@link #enqueue}). */
  boolean ack(String id);

  /**
   * The in-flight delivery {@code id} failed and should be tried again: back to the queue with attempts + 1, due at
   * {@code notBeforeMillis}, with {@code error} as its last error.
   */
  boolean retry(String id, long notBeforeMillis, String error);

  /**
   * Returns the in-flight delivery {@code id} to the queue unchanged (same attempts and due time), for a consumer that
   * took it but will not attempt it, e.g. because it is shutting down.
   */
  boolean release(String id);

  /**
   * The in-flight delivery {@code id} failed for good: move it to the dead letters with attempts + 1 and {@code error}
   * as its last error. It is never handed out again.
   */
  boolean deadLetter(String id, String error);

  /** The dead letters, oldest first. Implementations may keep only the most recent ones; they document how many. */
  List<Delivery> deadLetters();

  /** How many deliveries are queued, due or not (in-flight ones not included). */
  int size();

  /** How many deliveries are in flight: handed out by {@link #poll} and not yet settled. */
  int inFlight();

  /**
   * Puts every in-flight delivery back in the queue unchanged: call it when the consumers that polled them are known
   * to be gone (on restart), which is what makes delivery at-least-once.
   *
   * @return how many deliveries were put back
   */
  int requeueInFlight();
}
