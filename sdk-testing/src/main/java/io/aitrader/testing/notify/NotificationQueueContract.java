package io.aitrader.testing.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aitrader.api.ValidationException;
import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.NotificationQueue;
import io.aitrader.api.notify.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link NotificationQueue}: the in-memory queue in sdk-core and every connector (Redis)
 * extend this class and pass the same tests. It uses the SPI only.
 *
 * <pre>{@code
 * class InMemoryNotificationQueueTest extends NotificationQueueContract {
 *   protected NotificationQueue newQueue() { return new InMemoryNotificationQueue(); }
 * }
 * }</pre>
 *
 * <p>{@link #newQueue()} is called once per test for a fresh, empty queue; {@link #closeQueue(NotificationQueue)}
 * runs after the test. When {@link #durable()} holds, the restart tests call {@link #reopen(NotificationQueue)} for a
 * queue over the same data; otherwise they are skipped.
 */
public abstract class NotificationQueueContract {
  /** 2025-01-06 09:15 IST. */
  protected static final long T0 = 1_736_135_100_000L;
  private static final long WAIT_SECONDS = 30;

  private NotificationQueue queue;

  /** A fresh, empty queue. */
  protected abstract NotificationQueue newQueue();

  /** Releases {@code queue} after a test (closes a client, drops a Redis key); nothing by default. */
  protected void closeQueue(NotificationQueue queue) {}

  /** A queue over the same durable data as {@code previous}: a restart. Called only when {@link #durable()}. */
  protected NotificationQueue reopen(NotificationQueue previous) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " says durable() but does not override reopen(NotificationQueue)");
  }

  /** Whether what is queued survives {@link #reopen(NotificationQueue)}. */
  protected boolean durable() {
    return false;
  }

  /** The queue under test. */
  protected final NotificationQueue queue() {
    return queue;
  }

  @BeforeEach
  void openQueue() {
    queue = newQueue();
  }

  @AfterEach
  void releaseQueue() {
    closeQueue(queue);
  }

  /** A fresh delivery to {@code channel} of a notification keyed {@code dedupKey}, due at {@code notBeforeMillis}. */
  protected static Delivery delivery(String channel, String dedupKey, long notBeforeMillis) {
    Notification n = new Notification(Severity.INFO, "Alert " + dedupKey, "details of " + dedupKey, T0, dedupKey);
    return Delivery.of(channel, n, notBeforeMillis);
  }

  private String pollId(long nowMillis) {
    Optional<Delivery> d = queue.poll(nowMillis);
    assertThat(d).as("a delivery due at %d", nowMillis).isPresent();
    return d.orElseThrow().id();
  }

  // ---- order and due time ---------------------------------------------------------------------------------------

  @Test
  void handsOutDeliveriesDueAtTheSameTimeInEnqueueOrder() {
    Delivery a = delivery("slack", "a", T0);
    Delivery b = delivery("slack", "b", T0);
    Delivery c = delivery("email", "c", T0);
    queue.enqueue(a);
    queue.enqueue(b);
    queue.enqueue(c);

    assertThat(List.of(pollId(T0), pollId(T0), pollId(T0))).containsExactly(a.id(), b.id(), c.id());
    assertThat(queue.poll(T0)).isEmpty();
  }

  @Test
  void handsOutTheEarliestDueDeliveryFirst() {
    Delivery late = delivery("slack", "late", T0 + 500);
    Delivery early = delivery("slack", "early", T0 + 100);
    queue.enqueue(late);
    queue.enqueue(early);

    assertThat(pollId(T0 + 1_000)).isEqualTo(early.id());
    assertThat(pollId(T0 + 1_000)).isEqualTo(late.id());
  }

  @Test
  void doesNotHandOutADeliveryBeforeItsNotBeforeTime() {
    Delivery d = delivery("slack", "k", T0 + 1_000);
    queue.enqueue(d);

    assertThat(queue.poll(T0 + 999)).isEmpty();
    assertThat(queue.nextDueMillis()).isEqualTo(OptionalLong.of(T0 + 1_000));
    assertThat(queue.poll(T0 + 1_000)).contains(d);
    assertThat(queue.nextDueMillis()).isEmpty();
  }

  @Test
  void aPolledDeliveryIsInFlightAndNotHandedOutAgain() {
    Delivery d = delivery("slack", "k", T0);
    queue.enqueue(d);

    assertThat(queue.poll(T0)).contains(d);

    assertThat(queue.size()).isZero();
    assertThat(queue.inFlight()).isEqualTo(1);
    assertThat(queue.poll(T0 + 60_000)).isEmpty();
  }

  @Test
  void anEmptyQueueHasNothingDue() {
    assertThat(queue.poll(Long.MAX_VALUE)).isEmpty();
    assertThat(queue.nextDueMillis()).isEmpty();
    assertThat(queue.size()).isZero();
    assertThat(queue.inFlight()).isZero();
    assertThat(queue.deadLetters()).isEmpty();
  }

  // ---- settling -------------------------------------------------------------------------------------------------

  @Test
  void ackRemovesTheDelivery() {
    Delivery d = delivery("slack", "k", T0);
    queue.enqueue(d);
    queue.poll(T0);

    assertThat(queue.ack(d.id())).isTrue();

    assertThat(queue.size()).isZero();
    assertThat(queue.inFlight()).isZero();
    assertThat(queue.poll(Long.MAX_VALUE)).isEmpty();
    assertThat(queue.deadLetters()).isEmpty();
  }

  @Test
  void retryQueuesItAgainWithOneMoreAttemptDueLater() {
    Delivery d = delivery("slack", "k", T0);
    queue.enqueue(d);
    queue.poll(T0);

    assertThat(queue.retry(d.id(), T0 + 2_000, "HTTP 503")).isTrue();

    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.inFlight()).isZero();
    assertThat(queue.poll(T0 + 1_999)).isEmpty();
    Delivery again = queue.poll(T0 + 2_000).orElseThrow();
    assertThat(again.id()).isEqualTo(d.id());
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.notBeforeMillis()).isEqualTo(T0 + 2_000);
    assertThat(again.lastError()).isEqualTo("HTTP 503");
    assertThat(again.notification()).isEqualTo(d.notification());

    queue.retry(d.id(), T0 + 5_000, "timeout");
    assertThat(queue.poll(T0 + 5_000).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void releaseQueuesItAgainUnchanged() {
    Delivery d = delivery("slack", "k", T0 + 10);
    queue.enqueue(d);
    queue.poll(T0 + 10);

    assertThat(queue.release(d.id())).isTrue();

    assertThat(queue.inFlight()).isZero();
    assertThat(queue.poll(T0 + 10)).contains(d);
  }

  @Test
  void deadLettersAreListedOldestFirstWithTheirErrorAndNeverHandedOutAgain() {
    Delivery a = delivery("slack", "a", T0);
    Delivery b = delivery("slack", "b", T0);
    queue.enqueue(a);
    queue.enqueue(b);
    queue.poll(T0);
    queue.poll(T0);

    assertThat(queue.deadLetter(a.id(), "HTTP 400 invalid_payload")).isTrue();
    assertThat(queue.deadLetter(b.id(), "HTTP 404 no_service")).isTrue();

    assertThat(queue.deadLetters()).extracting(Delivery::id).containsExactly(a.id(), b.id());
    assertThat(queue.deadLetters()).extracting(Delivery::lastError)
        .containsExactly("HTTP 400 invalid_payload", "HTTP 404 no_service");
    assertThat(queue.deadLetters()).extracting(Delivery::attempts).containsExactly(1, 1);
    assertThat(queue.size()).isZero();
    assertThat(queue.inFlight()).isZero();
    assertThat(queue.enqueue(a)).as("a dead-lettered id is not queued again").isFalse();
    assertThat(queue.poll(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void settlingAnIdThatIsNotInFlightChangesNothing() {
    Delivery queued = delivery("slack", "queued", T0 + 1_000);
    queue.enqueue(queued);

    assertThat(queue.ack("slack:unknown")).isFalse();
    assertThat(queue.ack(queued.id())).as("queued, not in flight").isFalse();
    assertThat(queue.retry(queued.id(), T0, "x")).isFalse();
    assertThat(queue.release(queued.id())).isFalse();
    assertThat(queue.deadLetter(queued.id(), "x")).isFalse();

    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.deadLetters()).isEmpty();
    assertThat(queue.poll(T0 + 1_000)).contains(queued);
    assertThat(queue.ack(queued.id())).isTrue();
    assertThat(queue.ack(queued.id())).as("settled twice").isFalse();
    assertThat(queue.deadLetter(queued.id(), "late")).isFalse();
    assertThat(queue.deadLetters()).isEmpty();
  }

  @Test
  void refusesBlankIdsAndRetryTimes() {
    Delivery d = delivery("slack", "k", T0);
    queue.enqueue(d);
    queue.poll(T0);

    assertThatThrownBy(() -> queue.ack(" ")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> queue.retry("", T0, "x")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> queue.retry(d.id(), -1, "x")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("notBeforeMillis");
    assertThatThrownBy(() -> queue.deadLetter(" ", "x")).isInstanceOf(ValidationException.class);
    assertThat(queue.inFlight()).isEqualTo(1);
  }

  // ---- idempotence ----------------------------------------------------------------------------------------------

  @Test
  void enqueueIsIdempotentOnTheId() {
    Delivery d = delivery("slack", "k", T0);
    Delivery sameIdLater = new Delivery(d.id(), "slack", d.notification(), 0, T0 + 5_000, "");

    assertThat(queue.enqueue(d)).isTrue();
    assertThat(queue.enqueue(d)).as("already queued").isFalse();
    assertThat(queue.enqueue(sameIdLater)).as("same id, other fields").isFalse();
    assertThat(queue.size()).isEqualTo(1);

    queue.poll(T0);
    assertThat(queue.enqueue(d)).as("in flight").isFalse();
    queue.ack(d.id());
    assertThat(queue.enqueue(d)).as("acknowledged").isFalse();

    assertThat(queue.size()).isZero();
    assertThat(queue.poll(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void remembersAtLeastTheLastThousandAcknowledgedIds() {
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      Delivery d = delivery("slack", "k" + i, T0);
      deliveries.add(d);
      queue.enqueue(d);
      queue.ack(pollId(T0));
    }

    for (Delivery d : deliveries) {
      assertThat(queue.enqueue(d)).as("re-enqueue of acknowledged %s", d.id()).isFalse();
    }
    assertThat(queue.size()).isZero();
  }

  @Test
  void theSameNotificationForAnotherChannelIsAnotherDelivery() {
    assertThat(queue.enqueue(delivery("slack", "k", T0))).isTrue();
    assertThat(queue.enqueue(delivery("email", "k", T0))).isTrue();

    assertThat(queue.size()).isEqualTo(2);
  }

  // ---- at-least-once --------------------------------------------------------------------------------------------

  @Test
  void requeueInFlightPutsUnsettledDeliveriesBackUnchanged() {
    Delivery a = delivery("slack", "a", T0);
    Delivery b = delivery("slack", "b", T0);
    Delivery c = delivery("slack", "c", T0);
    queue.enqueue(a);
    queue.enqueue(b);
    queue.enqueue(c);
    queue.poll(T0);
    queue.poll(T0);

    assertThat(queue.requeueInFlight()).isEqualTo(2);

    assertThat(queue.inFlight()).isZero();
    assertThat(queue.size()).isEqualTo(3);
    assertThat(List.of(queue.poll(T0).orElseThrow(), queue.poll(T0).orElseThrow(), queue.poll(T0).orElseThrow()))
        .containsExactly(a, b, c);
    assertThat(queue.ack(a.id())).isTrue();
    assertThat(queue.requeueInFlight()).isEqualTo(2);
    assertThat(queue.requeueInFlight()).isZero();
  }

  @Test
  void aConsumerWhoseDeliveryWasRequeuedCannotSettleItAnyMore() {
    Delivery d = delivery("slack", "k", T0);
    queue.enqueue(d);
    queue.poll(T0);
    queue.requeueInFlight();

    assertThat(queue.ack(d.id())).isFalse();

    assertThat(queue.poll(T0)).contains(d);
  }

  // ---- concurrency ----------------------------------------------------------------------------------------------

  @Test
  void concurrentProducersAndConsumersHandOutEachDeliveryOnce() throws Exception {
    int distinct = 400;
    int producers = 4;
    int consumers = 4;
    List<Delivery> deliveries = new ArrayList<>(distinct);
    for (int i = 0; i < distinct; i++) {
      deliveries.add(delivery(i % 2 == 0 ? "slack" : "email", "k" + i, T0 + i % 7));
    }
    ConcurrentHashMap<String, AtomicInteger> handedOut = new ConcurrentHashMap<>();
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger total = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(producers + consumers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        int offset = p * 37;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < distinct; i++) {
            if (queue.enqueue(deliveries.get((i + offset) % distinct))) {
              accepted.incrementAndGet();
            }
          }
          return null;
        }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      for (int c = 0; c < consumers; c++) {
        futures.add(pool.submit(() -> {
          start.await();
          while (total.get() < distinct && System.nanoTime() - deadline < 0) {
            Optional<Delivery> d = queue.poll(T0 + 10);
            if (d.isPresent()) {
              handedOut.computeIfAbsent(d.get().id(), id -> new AtomicInteger()).incrementAndGet();
              queue.ack(d.get().id());
              total.incrementAndGet();
            } else {
              Thread.yield();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(accepted.get()).as("each distinct id accepted once").isEqualTo(distinct);
    assertThat(handedOut).hasSize(distinct);
    assertThat(handedOut.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    assertThat(queue.size()).isZero();
    assertThat(queue.inFlight()).isZero();
  }

  // ---- durability -----------------------------------------------------------------------------------------------

  @Test
  void queuedInFlightAndDeadDeliveriesSurviveARestart() {
    assumeTrue(durable(), "not a durable queue");
    Delivery queued = delivery("slack", "queued", T0 + 1_000);
    Delivery flying = delivery("slack", "flying", T0);
    Delivery dead = delivery("slack", "dead", T0);
    queue.enqueue(flying);
    queue.enqueue(dead);
    queue.enqueue(queued);
    queue.poll(T0);
    queue.poll(T0);
    queue.deadLetter(dead.id(), "HTTP 400");

    queue = reopen(queue);

    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.inFlight()).isEqualTo(1);
    assertThat(queue.deadLetters()).extracting(Delivery::id).containsExactly(dead.id());
    assertThat(queue.requeueInFlight()).isEqualTo(1);
    assertThat(queue.poll(T0 + 1_000)).contains(flying);
    assertThat(queue.poll(T0 + 1_000)).contains(queued);
    assertThat(queue.enqueue(dead)).isFalse();
  }
}
