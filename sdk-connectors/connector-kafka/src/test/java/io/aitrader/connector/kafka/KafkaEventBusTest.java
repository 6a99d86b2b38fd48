package io.aitrader.connector.kafka;

import static io.aitrader.connector.kafka.TestInstruments.RELIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.bus.OverflowPolicy;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.connector.kafka.codec.EventCodecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KafkaEventBusTest {
  private static final long T0 = 1_736_135_100_000L;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final AtomicInteger NAMES = new AtomicInteger(new Random().nextInt(1_000_000));

  private final String run = "t" + NAMES.incrementAndGet();
  private KafkaEventBus bus;

  @BeforeEach
  void openBus() {
    bus = newBus();
  }

  @AfterEach
  void closeBus() {
    bus.close();
  }

  private KafkaEventBus newBus() {
    KafkaConfig config = KafkaConfig.builder().bootstrapServers(KafkaBroker.shared().bootstrapServers())
        .clientId("test-" + run).groupId("test-" + run).partitions(4).lingerMillis(1)
        .extraProperties(java.util.Map.of("heartbeat.interval.ms", "300")).build();
    return KafkaEventBus.create(config, EventCodecs.standard(TestInstruments.REPOSITORY));
  }

  private Topic<Tick> tickTopic(String name) {
    return Topic.of("test." + run + "." + name, Tick.class);
  }

  private static Tick tick(Instrument instrument, int i) {
    return new Tick(instrument, T0 + i, 25_000_000 + 500L * (i % 100), 1 + i % 7, 1_000_000 + i, 24_999_500, 10, 25_000_500, 20, 0);
  }

  @Test
  void deliversPublishedTicksAndBarsExactly() {
    Topic<Tick> ticks = tickTopic("ticks");
    Topic<Bar> bars = Topic.of("test." + run + ".candles.5m", Bar.class);
    List<Tick> receivedTicks = Collections.synchronizedList(new ArrayList<>());
    List<Bar> receivedBars = Collections.synchronizedList(new ArrayList<>());
    bus.subscribe(ticks, receivedTicks::add);
    bus.subscribe(bars, receivedBars::add);
    List<Tick> sentTicks = new ArrayList<>();
    List<Bar> sentBars = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Tick t = tick(TestInstruments.ALL.get(i % 10), i);
      sentTicks.add(t);
      bus.publish(ticks, t);
    }
    for (int i = 0; i < 30; i++) {
      long open = T0 + i * BarInterval.M5.millis();
      Bar b = new Bar(TestInstruments.ALL.get(i % 3), BarInterval.M5, open, open + BarInterval.M5.millis(), 25_000_000,
          25_100_000, 24_900_000, 25_050_000, 1000 + i, 25_000_000L * (1000 + i), 10 + i, true);
      sentBars.add(b);
      bus.publish(bars, b);
    }
    Await.until(TIMEOUT, () -> receivedTicks.size() >= 300 && receivedBars.size() >= 30,
        () -> receivedTicks.size() + " ticks, " + receivedBars.size() + " bars");
    assertThat(receivedTicks).containsExactlyInAnyOrderElementsOf(sentTicks);
    assertThat(receivedBars).containsExactlyInAnyOrderElementsOf(sentBars);
  }

  @Test
  void keepsTheOrderOfEachInstrument() {
    Topic<Tick> topic = tickTopic("order");
    List<Tick> received = Collections.synchronizedList(new ArrayList<>());
    bus.subscribe(topic, received::add);
    int count = 5000;
    for (int i = 0; i < count; i++) {
      bus.publish(topic, tick(TestInstruments.ALL.get(i % 20), i));
    }
    Await.until(TIMEOUT, () -> received.size() >= count, () -> received.size() + " of " + count + " ticks");
    Map<Instrument, List<Long>> times = new HashMap<>();
    synchronized (received) {
      for (Tick t : received) {
        times.computeIfAbsent(t.instrument(), k -> new ArrayList<>()).add(t.timestampMillis());
      }
    }
    assertThat(times).hasSize(20);
    for (Map.Entry<Instrument, List<Long>> e : times.entrySet()) {
      assertThat(e.getValue()).as("timestamps of %s", e.getKey()).hasSize(count / 20).isSorted();
    }
  }

  @Test
  void twoSubscriptionsInOneGroupSplitThePartitionsAndSeeEachEventOnce() {
    Topic<Tick> topic = tickTopic("group");
    String group = "split-" + run;
    SubscriptionOptions options = SubscriptionOptions.asynchronous(1024, OverflowPolicy.BLOCK);
    ConcurrentLinkedQueue<Tick> first = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Tick> second = new ConcurrentLinkedQueue<>();
    Subscription a = bus.subscribe(topic, first::add, options, group);
    Subscription b = bus.subscribe(topic, second::add, options, group);
    Await.until(TIMEOUT, () -> assignedPartitions(a) + assignedPartitions(b) == 4, () -> "partitions not split");
    int count = 2000;
    List<Tick> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Tick t = tick(TestInstruments.ALL.get(i % TestInstruments.ALL.size()), i);
      sent.add(t);
      bus.publish(topic, t);
    }
    Await.until(TIMEOUT, () -> first.size() + second.size() >= count,
        () -> (first.size() + second.size()) + " of " + count);
    List<Tick> all = new ArrayList<>(first);
    all.addAll(second);
    assertThat(all).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(first).isNotEmpty();
    assertThat(second).isNotEmpty();
    Set<Instrument> firstInstruments = new HashSet<>();
    first.forEach(t -> firstInstruments.add(t.instrument()));
    second.forEach(t -> assertThat(firstInstruments).doesNotContain(t.instrument()));
  }

  private static int assignedPartitions(Subscription subscription) {
    return ((KafkaSubscription<?>) subscription).assignment();
  }

  @Test
  void subscriptionsInDifferentGroupsEachSeeEveryEvent() {
    Topic<Tick> topic = tickTopic("fanout");
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    bus.subscribe(topic, t -> first.incrementAndGet());
    bus.subscribe(topic, t -> second.incrementAndGet(), SubscriptionOptions.SYNCHRONOUS, "other-" + run);
    for (int i = 0; i < 100; i++) {
      bus.publish(topic, tick(RELIANCE, i));
    }
    Await.until(TIMEOUT, () -> first.get() == 100 && second.get() == 100, () -> first + " and " + second);
    assertThat(first.get()).isEqualTo(second.get());
  }

  @Test
  void busesWithDifferentTopicPrefixesOnOneBrokerKeepApart() throws Exception {
    // given two deployments' buses on one broker, publishing on the same bus topic
    Topic<Tick> topic = tickTopic("prefixed");
    KafkaConfig.Builder b = KafkaConfig.builder().bootstrapServers(KafkaBroker.shared().bootstrapServers())
        .clientId("test-" + run).groupId("test-" + run).partitions(2).lingerMillis(1);
    List<Tick> seenByA = Collections.synchronizedList(new ArrayList<>());
    List<Tick> seenByB = Collections.synchronizedList(new ArrayList<>());
    try (KafkaEventBus a = KafkaEventBus.create(b.topicPrefix("a-" + run + ".").build(),
            EventCodecs.standard(TestInstruments.REPOSITORY));
        KafkaEventBus other = KafkaEventBus.create(b.topicPrefix("b-" + run + ".").build(),
            EventCodecs.standard(TestInstruments.REPOSITORY));
        Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers",
            KafkaBroker.shared().bootstrapServers()))) {
      a.subscribe(topic, seenByA::add);
      other.subscribe(topic, seenByB::add);

      // when each publishes its own ticks
      a.publish(topic, tick(RELIANCE, 1));
      a.publish(topic, tick(RELIANCE, 2));
      other.publish(topic, tick(RELIANCE, 3));
      a.publishWatermark(topic, T0 + 10);

      // then each sees only its own, on topics named with its prefix
      Await.until(TIMEOUT, () -> seenByA.size() == 2 && seenByB.size() == 1, () -> seenByA + " and " + seenByB);
      assertThat(seenByA).extracting(Tick::timestampMillis).containsExactly(T0 + 1, T0 + 2);
      assertThat(seenByB).extracting(Tick::timestampMillis).containsExactly(T0 + 3);
      assertThat(admin.listTopics().names().get()).contains("a-" + run + "." + topic.name(),
          "b-" + run + "." + topic.name()).doesNotContain(topic.name());
    }
  }

  @Test
  void refusesATopicPrefixKafkaCannotName() {
    assertThatThrownBy(() -> KafkaConfig.builder().bootstrapServers("127.0.0.1:9092").topicPrefix("paper 1/").build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("KafkaConfig.topicPrefix")
        .hasMessageContaining("'paper 1/'");
  }

  @Test
  void aRestartedSubscriptionContinuesFromTheCommittedOffset() {
    Topic<Tick> topic = tickTopic("restart");
    String group = "restart-" + run;
    SubscriptionOptions options = SubscriptionOptions.asynchronous(64, OverflowPolicy.BLOCK);
    List<Tick> before = Collections.synchronizedList(new ArrayList<>());
    Subscription s = bus.subscribe(topic, before::add, options, group);
    for (int i = 0; i < 100; i++) {
      bus.publish(topic, tick(TestInstruments.ALL.get(i % 7), i));
    }
    Await.until(TIMEOUT, () -> before.size() >= 100, () -> before.size() + " of 100 before the restart");
    s.close();
    List<Tick> whileDown = new ArrayList<>();
    for (int i = 100; i < 250; i++) {
      Tick t = tick(TestInstruments.ALL.get(i % 7), i);
      whileDown.add(t);
      bus.publish(topic, t);
    }
    bus.flush();
    List<Tick> after = Collections.synchronizedList(new ArrayList<>());
    bus.subscribe(topic, after::add, options, group);
    Await.until(TIMEOUT, () -> after.size() >= 150, () -> after.size() + " of 150 after the restart");
    assertThat(before).hasSize(100);
    assertThat(after).containsExactlyInAnyOrderElementsOf(whileDown);
  }

  @Test
  void countsAFailingHandlerAndKeepsDelivering() {
    Topic<Tick> topic = tickTopic("failing");
    AtomicInteger seen = new AtomicInteger();
    Subscription s = bus.subscribe(topic, t -> {
      if (seen.incrementAndGet() % 2 == 0) {
        throw new IllegalStateException("handler failure on purpose");
      }
    });
    for (int i = 0; i < 10; i++) {
      bus.publish(topic, tick(RELIANCE, i));
    }
    Await.until(TIMEOUT, () -> seen.get() == 10, () -> seen + " of 10");
    Await.until(TIMEOUT, () -> s.delivered() == 10, () -> s.delivered() + " delivered");
    assertThat(s.failed()).isEqualTo(5);
  }

  @Test
  void dropsTheOldestEventsOfASubscriptionThatFallsBehind() throws InterruptedException {
    Topic<Tick> topic = Topic.of("test." + run + ".drop", Tick.class);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<Tick> received = Collections.synchronizedList(new ArrayList<>());
    Subscription s = bus.subscribe(topic, t -> {
      received.add(t);
      if (received.size() == 1) {
        awaitQuietly(release);
      }
    }, SubscriptionOptions.asynchronous(16, OverflowPolicy.DROP_OLDEST));
    int count = 1000;
    for (int i = 0; i < count; i++) {
      bus.publish(topic, tick(RELIANCE, i)); // one instrument: one partition
    }
    bus.flush();
    release.countDown();
    Await.until(TIMEOUT, () -> s.delivered() + s.dropped() == count, () -> s.delivered() + " delivered, "
        + s.dropped() + " dropped of " + count);
    assertThat(s.dropped()).isPositive();
    List<Tick> copy = new ArrayList<>(received);
    assertThat(copy.get(copy.size() - 1)).isEqualTo(tick(RELIANCE, count - 1));
  }

  private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void rejectsWrongTypesMissingCodecsAndUseAfterClose() {
    Topic<Tick> topic = tickTopic("errors");
    @SuppressWarnings({"unchecked", "rawtypes"})
    Topic<Object> raw = (Topic) topic;
    assertThatThrownBy(() -> bus.publish(raw, "not a tick")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Tick.class.getName());
    Topic<String> strings = Topic.of("test." + run + ".strings", String.class);
    assertThatThrownBy(() -> bus.publish(strings, "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No codec for event type java.lang.String");
    bus.publish(topic, tick(RELIANCE, 1));
    Topic<Bar> sameName = Topic.of(topic.name(), Bar.class);
    assertThatThrownBy(() -> bus.subscribe(sameName, b -> { })).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one topic name carries one event type");
    bus.close();
    assertThatThrownBy(() -> bus.publish(topic, tick(RELIANCE, 2))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> bus.subscribe(topic, t -> { })).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void watermarksReachEveryPartitionAfterTheEventsPublishedBeforeThem() {
    Topic<Tick> ticks = tickTopic("marks");
    Map<Integer, List<Long>> seen = new java.util.concurrent.ConcurrentHashMap<>();
    Map<Integer, Integer> ticksBeforeMark = new java.util.concurrent.ConcurrentHashMap<>();
    Map<Integer, Integer> ticksSeen = new java.util.concurrent.ConcurrentHashMap<>();
    bus.subscribe(ticks, new io.aitrader.api.bus.EventHandler<Tick>() {
      @Override
      public void onEvent(Tick tick) {
        ticksSeen.merge(bus.shardOf(ticks, tick), 1, Integer::sum);
      }

      @Override
      public void onWatermark(io.aitrader.api.bus.Watermark mark) {
        assertThat(mark.shards()).isEqualTo(4);
        seen.computeIfAbsent(mark.shard(), k -> Collections.synchronizedList(new ArrayList<>())).add(mark.millis());
        ticksBeforeMark.put(mark.shard(), ticksSeen.getOrDefault(mark.shard(), 0));
      }
    });
    Map<Integer, Integer> published = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      Tick t = tick(TestInstruments.ALL.get(i % 10), i);
      published.merge(bus.shardOf(ticks, t), 1, Integer::sum);
      bus.publish(ticks, t);
    }
    bus.publishWatermark(ticks, T0 + 200);
    bus.forwardWatermark(ticks, new io.aitrader.api.bus.Watermark(T0 + 300, 2, 4));

    Await.until(TIMEOUT, () -> seen.size() == 4 && seen.get(2).size() == 2, () -> "marks seen: " + seen);
    assertThat(seen.get(0)).containsExactly(T0 + 200);
    assertThat(seen.get(2)).containsExactly(T0 + 200, T0 + 300);
    assertThat(ticksBeforeMark).isEqualTo(published); // no mark overtook a tick of its partition
    assertThat(bus.shards(ticks)).isEqualTo(4);
    assertThatThrownBy(() -> bus.forwardWatermark(ticks, new io.aitrader.api.bus.Watermark(T0, 0, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 4 partition(s)");
  }
}
