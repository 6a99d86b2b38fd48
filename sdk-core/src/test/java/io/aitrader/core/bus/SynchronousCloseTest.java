package io.aitrader.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SynchronousCloseTest {
  private static final Topic<String> TOPIC = Topic.of("test.close", String.class);

  @Test
  void closingFromAnotherThreadWaitsForTheDeliveryInProgress() throws InterruptedException {
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (InProcessEventBus bus = InProcessEventBus.builder().closeTimeout(Duration.ofSeconds(30)).build()) {
      Subscription sub = bus.subscribe(TOPIC, e -> {
        entered.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
        order.add("handler done");
      }, SubscriptionOptions.SYNCHRONOUS);
      Thread publisher = new Thread(() -> bus.publish(TOPIC, "tick"));
      publisher.start();
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

      Thread closer = new Thread(() -> {
        sub.close();
        order.add("close returned");
      });
      closer.start();
      closer.join(200);
      boolean closeWaited = closer.isAlive();
      release.countDown();
      closer.join(30_000);
      publisher.join(30_000);

      assertThat(closeWaited).isTrue();
      assertThat(order).containsExactly("handler done", "close returned");
    }
  }

  @Test
  void aHandlerMayCloseItsOwnSubscription() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (InProcessEventBus bus = InProcessEventBus.create()) {
      Subscription[] self = new Subscription[1];
      self[0] = bus.subscribe(TOPIC, e -> {
        seen.add(e);
        self[0].close();
      }, SubscriptionOptions.SYNCHRONOUS);

      bus.publish(TOPIC, "first");
      bus.publish(TOPIC, "second");

      assertThat(seen).containsExactly("first");
    }
  }

  @Test
  void anAsynchronousHandlerPublishingIntoItsOwnFullQueueFailsInsteadOfHanging() throws InterruptedException {
    try (InProcessEventBus bus = InProcessEventBus.create()) {
      CountDownLatch failedOnce = new CountDownLatch(1);
      Subscription[] self = new Subscription[1];
      self[0] = bus.subscribe(TOPIC, e -> {
        if (e.equals("start")) {
          try {
            for (int i = 0; i < 10; i++) {
              bus.publish(TOPIC, "echo " + i); // capacity 2, and only this thread drains it
            }
          } catch (IllegalStateException full) {
            failedOnce.countDown();
            throw full;
          }
        }
      }, SubscriptionOptions.asynchronous(2, io.aitrader.api.bus.OverflowPolicy.BLOCK));

      bus.publish(TOPIC, "start");

      assertThat(failedOnce.await(30, TimeUnit.SECONDS)).isTrue();
      self[0].close();
    }
  }
}
