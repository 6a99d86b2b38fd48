package io.aitrader.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.bus.OverflowPolicy;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessEventBusTest {
  private static final Topic<Seq> TOPIC = Topic.of("test.seq", Seq.class);

  /** A test event: the {@code n}-th event of publisher {@code publisher}. */
  record Seq(int publisher, long n) {}

  private final List<InProcessEventBus> buses = new ArrayList<>();

  @AfterEach
  void closeBuses() {
    buses.forEach(InProcessEventBus::close);
  }

  private InProcessEventBus bus() {
    return track(InProcessEventBus.create());
  }

  private InProcessEventBus track(InProcessEventBus bus) {
    buses.add(bus);
    return bus;
  }

  @Test
  void synchronousSubscriberReceivesEventsInOrderOnThePublishersThreadBeforePublishReturns() {
    InProcessEventBus bus = bus();
    List<Long> received = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    Subscription subscription = bus.subscribe(TOPIC, e -> {
      received.add(e.n());
      threads.add(Thread.currentThread());
    }, SubscriptionOptions.SYNCHRONOUS);

    for (long i = 0; i < 5; i++) {
      bus.publish(TOPIC, new Seq(0, i));
      assertThat(received).hasSize((int) i + 1);
    }

    assertThat(received).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(threads).containsOnly(Thread.currentThread());
    assertThat(subscription.delivered()).isEqualTo(5);
    assertThat(subscription.topic()).isEqualTo(TOPIC);
  }

  @Test
  void defaultOptionsAreSynchronous() {
    InProcessEventBus bus = bus();
    List<Seq> received = new ArrayList<>();
    bus.subscribe(TOPIC, received::add);

    bus.publish(TOPIC, new Seq(0, 1));

    assertThat(bus.defaultOptions()).isEqualTo(SubscriptionOptions.SYNCHRONOUS);
    assertThat(received).containsExactly(new Seq(0, 1));
  }

  @Test
  void asynchronousSubscriberReceivesEveryEventOfOnePublisherInOrderOnItsOwnDaemonThread() {
    InProcessEventBus bus = track(InProcessEventBus.builder().threadNamePrefix("bus-test-").build());
    int events = 200_000;
    long[] received = new long[events];
    int[] count = {0};
    AtomicReference<Thread> consumer = new AtomicReference<>();
    Subscription subscription = bus.subscribe(TOPIC, e -> {
      consumer.set(Thread.currentThread());
      received[count[0]++] = e.n();
    }, SubscriptionOptions.asynchronous(1024, OverflowPolicy.BLOCK));

    for (long i = 0; i < events; i++) {
      bus.publish(TOPIC, new Seq(0, i));
    }
    Await.until("all events are delivered", () -> subscription.delivered() == events);

    assertThat(received).containsExactly(LongStream.range(0, events).toArray());
    assertThat(consumer.get()).isNotSameAs(Thread.currentThread());
    assertThat(consumer.get().isDaemon()).isTrue();
    assertThat(consumer.get().getName()).isEqualTo("bus-test-test.seq-1");
    assertThat(subscription.dropped()).isZero();
  }

  @Test
  void blockKeepsEachPublishersOrderAndLosesNothingWithATinyQueueAndASlowConsumer() throws Exception {
    InProcessEventBus bus = bus();
    int publishers = 4;
    int perPublisher = 5_000;
    List<List<Long>> received = new ArrayList<>();
    for (int p = 0; p < publishers; p++) {
      received.add(new ArrayList<>());
    }
    Subscription subscription = bus.subscribe(TOPIC, e -> {
      if (e.n() % 64 == 0) {
        Thread.yield(); // a slow consumer: publishers fill the queue and must wait
      }
      received.get(e.publisher()).add(e.n());
    }, SubscriptionOptions.asynchronous(4, OverflowPolicy.BLOCK));

    runPublishers(bus, publishers, perPublisher);
    Await.until("all events are delivered", () -> subscription.delivered() == (long) publishers * perPublisher);

    for (int p = 0; p < publishers; p++) {
      assertThat(received.get(p)).as("publisher %d", p).containsExactlyElementsOf(range(perPublisher));
    }
    assertThat(subscription.dropped()).isZero();
  }

  @Test
  void dropOldestDiscardsTheOldestQueuedEventsCountsThemAndDeliversTheNewest() throws Exception {
    InProcessEventBus bus = bus();
    CountDownLatch firstTaken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Long> received = new CopyOnWriteArrayList<>();
    Subscription subscription = bus.subscribe(TOPIC, e -> {
      received.add(e.n());
      firstTaken.countDown();
      await(release);
    }, SubscriptionOptions.asynchronous(4, OverflowPolicy.DROP_OLDEST));

    bus.publish(TOPIC, new Seq(0, 0));
    assertThat(firstTaken.await(20, TimeUnit.SECONDS)).isTrue(); // the consumer now holds event 0
    for (long i = 1; i <= 100; i++) {
      bus.publish(TOPIC, new Seq(0, i)); // never blocks although the consumer is stuck
    }
    release.countDown();
    Await.until("the queue is drained", () -> subscription.delivered() + subscription.dropped() == 101);

    assertThat(subscription.dropped()).isEqualTo(96);
    assertThat(subscription.delivered()).isEqualTo(5);
    assertThat(received).containsExactly(0L, 97L, 98L, 99L, 100L);
  }

  @Test
  void dropOldestAccountsForEveryEventWithConcurrentPublishers() throws Exception {
    InProcessEventBus bus = bus();
    int publishers = 3;
    int perPublisher = 20_000;
    List<List<Long>> received = new ArrayList<>();
    for (int p = 0; p < publishers; p++) {
      received.add(new ArrayList<>());
    }
    Subscription subscription = bus.subscribe(TOPIC, e -> {
      if (e.n() % 16 == 0) {
        Thread.yield();
      }
      received.get(e.publisher()).add(e.n());
    }, SubscriptionOptions.asynchronous(8, OverflowPolicy.DROP_OLDEST));

    runPublishers(bus, publishers, perPublisher);
    long published = (long) publishers * perPublisher;
    Await.until("every event is delivered or dropped",
        () -> subscription.delivered() + subscription.dropped() == published);

    assertThat(subscription.delivered() + subscription.dropped()).isEqualTo(published);
    long deliveredInLists = 0;
    for (int p = 0; p < publishers; p++) {
      List<Long> ofPublisher = received.get(p);
      assertThat(ofPublisher).as("publisher %d in order", p).isSorted().doesNotHaveDuplicates();
      deliveredInLists += ofPublisher.size();
    }
    assertThat(deliveredInLists).isEqualTo(subscription.delivered());
  }

  @Test
  void handlerExceptionIsCountedAndLaterEventsAreStillDelivered() {
    InProcessEventBus bus = track(InProcessEventBus.builder().failureLogInterval(2).build());
    List<Long> syncReceived = new ArrayList<>();
    List<Long> asyncReceived = new CopyOnWriteArrayList<>();
    Subscription sync = bus.subscribe(TOPIC, e -> {
      failOnOdd(e);
      syncReceived.add(e.n());
    }, SubscriptionOptions.SYNCHRONOUS);
    Subscription async = bus.subscribe(TOPIC, e -> {
      failOnOdd(e);
      asyncReceived.add(e.n());
    }, SubscriptionOptions.asynchronous(16, OverflowPolicy.BLOCK));

    for (long i = 0; i < 6; i++) {
      bus.publish(TOPIC, new Seq(0, i));
    }
    Await.until("the asynchronous subscriber saw all events", () -> async.delivered() == 6);

    assertThat(syncReceived).containsExactly(0L, 2L, 4L);
    assertThat(asyncReceived).containsExactly(0L, 2L, 4L);
    assertThat(sync.failed()).isEqualTo(3);
    assertThat(async.failed()).isEqualTo(3);
    assertThat(sync.delivered()).isEqualTo(6);
  }

  @Test
  void closeDeliversWhatIsQueuedBeforeReturning() throws Exception {
    InProcessEventBus bus = bus();
    CountDownLatch firstTaken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Long> received = new CopyOnWriteArrayList<>();
    Subscription subscription = bus.subscribe(TOPIC, e -> {
      firstTaken.countDown();
      await(release);
      received.add(e.n());
    }, SubscriptionOptions.asynchronous(64, OverflowPolicy.BLOCK));
    for (long i = 0; i < 20; i++) {
      bus.publish(TOPIC, new Seq(0, i));
    }
    assertThat(firstTaken.await(20, TimeUnit.SECONDS)).isTrue();

    Thread closer = new Thread(bus::close, "closer");
    closer.start();
    Await.until("the bus refuses events", () -> publishFails(bus));
    release.countDown();
    closer.join(Await.DEADLINE.toMillis());

    assertThat(closer.isAlive()).isFalse();
    assertThat(received).containsExactlyElementsOf(range(20));
    assertThat(subscription.delivered()).isEqualTo(20);
  }

  @Test
  void publishAfterCloseFailsWithAClearMessage() {
    InProcessEventBus bus = bus();
    bus.subscribe(TOPIC, e -> { }, SubscriptionOptions.asynchronous(8, OverflowPolicy.BLOCK));
    bus.close();
    bus.close(); // idempotent

    assertThatThrownBy(() -> bus.publish(TOPIC, new Seq(0, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The event bus is closed: cannot publish to topic 'test.seq'");
    assertThatThrownBy(() -> bus.subscribe(TOPIC, e -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void closeStopsTheConsumerThreads() {
    List<Thread> threads = new CopyOnWriteArrayList<>();
    InProcessEventBus bus = track(InProcessEventBus.builder().threadFactory(r -> {
      Thread t = new Thread(r, "custom");
      threads.add(t);
      return t;
    }).build());
    bus.subscribe(TOPIC, e -> { }, SubscriptionOptions.asynchronous(8, OverflowPolicy.BLOCK));
    bus.subscribe(TOPIC, e -> { }, SubscriptionOptions.asynchronous(8, OverflowPolicy.DROP_OLDEST));

    bus.close();

    assertThat(threads).hasSize(2).allSatisfy(t -> {
      assertThat(t.isDaemon()).isTrue();
      assertThat(t.isAlive()).isFalse();
    });
  }

  @Test
  void closedSubscriptionReceivesNoMoreEventsWhileOthersDo() {
    List<Thread> threads = new CopyOnWriteArrayList<>();
    InProcessEventBus bus = track(InProcessEventBus.builder().threadFactory(r -> {
      Thread t = new Thread(r);
      threads.add(t);
      return t;
    }).build());
    List<Long> sync = new ArrayList<>();
    List<Long> async = new CopyOnWriteArrayList<>();
    List<Long> other = new ArrayList<>();
    Subscription syncSub = bus.subscribe(TOPIC, e -> sync.add(e.n()), SubscriptionOptions.SYNCHRONOUS);
    Subscription asyncSub = bus.subscribe(TOPIC, e -> async.add(e.n()),
        SubscriptionOptions.asynchronous(8, OverflowPolicy.BLOCK));
    bus.subscribe(TOPIC, e -> other.add(e.n()), SubscriptionOptions.SYNCHRONOUS);
    bus.publish(TOPIC, new Seq(0, 0));
    Await.until("the asynchronous subscriber got event 0", () -> asyncSub.delivered() == 1);

    syncSub.close();
    asyncSub.close();
    asyncSub.close(); // idempotent
    bus.publish(TOPIC, new Seq(0, 1));

    assertThat(sync).containsExactly(0L);
    assertThat(async).containsExactly(0L);
    assertThat(other).containsExactly(0L, 1L);
    assertThat(threads).singleElement().satisfies(t -> assertThat(t.isAlive()).isFalse());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void publishingAnEventOfTheWrongTypeFailsFastNamingBothTypes() {
    InProcessEventBus bus = bus();
    Topic<Object> misused = (Topic) TOPIC;

    assertThatThrownBy(() -> bus.publish(misused, "not a Seq"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot publish an event of type java.lang.String on topic 'test.seq': its events must be"
            + " non-null instances of " + Seq.class.getName());
    assertThatThrownBy(() -> bus.publish(misused, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot publish null on topic 'test.seq'");
  }

  @Test
  void oneTopicNameCannotCarryTwoEventTypes() {
    InProcessEventBus bus = bus();
    bus.subscribe(TOPIC, e -> { });
    Topic<String> sameName = Topic.of("test.seq", String.class);

    assertThatThrownBy(() -> bus.subscribe(sameName, e -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Topic 'test.seq'").hasMessageContaining("java.lang.String");
    assertThatThrownBy(() -> bus.publish(sameName, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Seq.class.getName());
  }

  @Test
  void publisherWaitingForRoomFailsWhenTheBusCloses() throws Exception {
    InProcessEventBus bus = track(InProcessEventBus.builder().closeTimeout(Duration.ofMillis(50)).build());
    CountDownLatch firstTaken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    bus.subscribe(TOPIC, e -> {
      firstTaken.countDown();
      await(release);
    }, SubscriptionOptions.asynchronous(2, OverflowPolicy.BLOCK));
    bus.publish(TOPIC, new Seq(0, 0));
    assertThat(firstTaken.await(20, TimeUnit.SECONDS)).isTrue();
    bus.publish(TOPIC, new Seq(0, 1));
    bus.publish(TOPIC, new Seq(0, 2)); // the queue (capacity 2) is now full
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread blocked = new Thread(() -> {
      try {
        bus.publish(TOPIC, new Seq(0, 3));
      } catch (RuntimeException e) {
        failure.set(e);
      }
    });
    blocked.start();
    Await.until("the publisher waits", () -> blocked.getState() == Thread.State.TIMED_WAITING);

    bus.close();
    blocked.join(Await.DEADLINE.toMillis());
    release.countDown();

    assertThat(failure.get()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed while publish waited for room");
  }

  @Test
  void builderRejectsBadSettings() {
    assertThatThrownBy(() -> InProcessEventBus.builder().closeTimeout(Duration.ZERO))
        .hasMessage("InProcessEventBus.closeTimeout must be > 0, was PT0S");
    assertThatThrownBy(() -> InProcessEventBus.builder().failureLogInterval(0))
        .hasMessage("InProcessEventBus.failureLogInterval must be >= 1, was 0");
    assertThatThrownBy(() -> InProcessEventBus.builder().batchSize(0))
        .hasMessage("InProcessEventBus.batchSize must be >= 1, was 0");
    assertThatThrownBy(() -> InProcessEventBus.builder().threadNamePrefix(" "))
        .hasMessageContaining("InProcessEventBus.threadNamePrefix must not be blank");
  }

  private static void runPublishers(InProcessEventBus bus, int publishers, int perPublisher)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < publishers; p++) {
      int id = p;
      Thread t = new Thread(() -> {
        await(start);
        for (long i = 0; i < perPublisher; i++) {
          bus.publish(TOPIC, new Seq(id, i));
        }
      }, "publisher-" + p);
      t.start();
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join(Await.DEADLINE.toMillis());
      assertThat(t.isAlive()).as("%s finished", t.getName()).isFalse();
    }
  }

  private static boolean publishFails(InProcessEventBus bus) {
    try {
      bus.publish(Topic.of("test.other", Seq.class), new Seq(0, 0));
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  private static void failOnOdd(Seq e) {
    if (e.n() % 2 == 1) {
      throw new IllegalArgumentException("odd event " + e.n() + " (thrown on purpose by the test)");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test latch not released in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<Long> range(int n) {
    return Collections.unmodifiableList(LongStream.range(0, n).boxed().toList());
  }

  /** Records events and watermarks in one sequence, as strings. */
  private static final class Recorder implements io.aitrader.api.bus.EventHandler<Seq> {
    final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onEvent(Seq event) {
      seen.add("e" + event.n());
    }

    @Override
    public void onWatermark(io.aitrader.api.bus.Watermark watermark) {
      seen.add("w" + watermark.millis() + "/" + watermark.shard() + "/" + watermark.shards());
    }
  }

  @Test
  void watermarksReachSynchronousAndAsynchronousSubscribersInOrderWithTheEvents() {
    InProcessEventBus bus = bus();
    Recorder sync = new Recorder();
    Recorder async = new Recorder();
    bus.subscribe(TOPIC, sync, SubscriptionOptions.SYNCHRONOUS);
    Subscription a = bus.subscribe(TOPIC, async, SubscriptionOptions.asynchronous(4, OverflowPolicy.BLOCK));

    bus.publish(TOPIC, new Seq(0, 1));
    bus.publishWatermark(TOPIC, 100);
    bus.publish(TOPIC, new Seq(0, 2));
    bus.forwardWatermark(TOPIC, new io.aitrader.api.bus.Watermark(200, 0, 1));
    Await.until("the asynchronous subscriber saw everything", () -> async.seen.size() == 4);

    assertThat(sync.seen).containsExactly("e1", "w100/0/1", "e2", "w200/0/1");
    assertThat(async.seen).containsExactly("e1", "w100/0/1", "e2", "w200/0/1");
    assertThat(a.delivered()).isEqualTo(2); // watermarks are not events
    assertThat(bus.shards(TOPIC)).isEqualTo(1);
    assertThat(bus.shardOf(TOPIC, new Seq(0, 3))).isZero();
    assertThatThrownBy(() -> bus.forwardWatermark(TOPIC, new io.aitrader.api.bus.Watermark(1, 1, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one shard");
  }
}
