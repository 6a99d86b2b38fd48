package io.aitrader.connector.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.NotificationQueue;
import io.aitrader.testing.notify.NotificationQueueContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisNotificationQueueTest extends NotificationQueueContract {
  private static final AtomicInteger QUEUES = new AtomicInteger();
  private static RedisConnector redis;
  private final List<RedisConnector> reopened = new ArrayList<>();

  @BeforeAll
  static void connect() {
    redis = RedisServer.shared().connect("queue-test");
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected NotificationQueue newQueue() {
    return redis.notificationQueue("q" + QUEUES.incrementAndGet());
  }

  @Override
  protected boolean durable() {
    return true;
  }

  /** A restart: a new client (connection pool) on the same server opens the queue by name. */
  @Override
  protected NotificationQueue reopen(NotificationQueue previous) {
    RedisConnector fresh = RedisServer.shared().connect("queue-test");
    reopened.add(fresh);
    return fresh.notificationQueue(((RedisNotificationQueue) previous).name());
  }

  @Override
  protected void closeQueue(NotificationQueue queue) {
    redis.client().getKeys().deleteByPattern(((RedisNotificationQueue) queue).keyPattern());
    reopened.forEach(RedisConnector::close);
  }

  @Test
  void twoClientsNeverTakeTheSameDelivery() throws Exception {
    // given: 300 deliveries queued through one client, and a second client (another process) on the same queue
    RedisNotificationQueue mine = (RedisNotificationQueue) queue();
    int count = 300;
    for (int i = 0; i < count; i++) {
      mine.enqueue(delivery("slack", "k" + i, T0 + i % 5));
    }
    try (RedisConnector other = RedisServer.shared().connect("queue-test")) {
      RedisNotificationQueue theirs = other.notificationQueue(mine.name());
      Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
      AtomicInteger perMine = new AtomicInteger();
      AtomicInteger perTheirs = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          NotificationQueue q = t % 2 == 0 ? mine : theirs;
          AtomicInteger counter = t % 2 == 0 ? perMine : perTheirs;
          futures.add(pool.submit(() -> {
            start.await();
            for (Optional<Delivery> d = q.poll(T0 + 10); d.isPresent(); d = q.poll(T0 + 10)) {
              taken.computeIfAbsent(d.get().id(), id -> new AtomicInteger()).incrementAndGet();
              counter.incrementAndGet();
              q.ack(d.get().id());
            }
            return null;
          }));
        }
        // when: both clients drain it concurrently
        start.countDown();
        for (Future<?> f : futures) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      // then: every delivery was taken exactly once, by one client or the other
      assertThat(taken).hasSize(count);
      assertThat(taken.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
      assertThat(perMine.get() + perTheirs.get()).isEqualTo(count);
      assertThat(theirs.size()).isZero();
      assertThat(theirs.inFlight()).isZero();
    }
  }

  @Test
  void aDeliveryIsStoredAsReadableText() {
    // given
    RedisNotificationQueue q = (RedisNotificationQueue) queue();
    Delivery d = delivery("slack", "readable", T0);

    // when
    q.enqueue(d);

    // then
    String base = q.keyPattern().substring(0, q.keyPattern().length() - 1);
    Map<String, String> hash = redis.client().<String, String>getMap(base + "d:" + d.id()).readAllMap();
    assertThat(hash).containsEntry("channel", "slack").containsEntry("title", "Alert readable")
        .containsEntry("severity", "INFO").containsEntry("notBeforeMillis", Long.toString(T0))
        .containsEntry("attempts", "0");
  }
}
