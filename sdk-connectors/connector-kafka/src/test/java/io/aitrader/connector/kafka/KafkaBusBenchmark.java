package io.aitrader.connector.kafka;

import io.aitrader.api.bus.OverflowPolicy;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.market.Tick;
import io.aitrader.connector.kafka.codec.EventCodecs;
import io.aitrader.connector.kafka.codec.TickCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Not a unit test: measures ticks/s produced and consumed end to end through {@link KafkaEventBus} and through raw
 * kafka-clients with the same payloads ({@link TickCodec}), keys, producer settings (idempotent, acks=all, lz4,
 * linger 5 ms, 64 KiB batches) and 6 partitions, against a fresh local broker. Both sides encode and decode.
 *
 * <pre>java -cp … io.aitrader.connector.kafka.KafkaBusBenchmark [ticks per run, default 1000000]</pre>
 */
public final class KafkaBusBenchmark {
  private static final long T0 = 1_736_135_100_000L;
  private static final int PARTITIONS = 6;

  private KafkaBusBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Tick[] ticks = new Tick[count];
    for (int i = 0; i < count; i++) {
      ticks[i] = new Tick(TestInstruments.ALL.get(i % TestInstruments.ALL.size()), T0 + i, 25_000_000 + 500L * (i % 200),
          1 + i % 50, 1_000_000 + i, 24_999_500, 100 + i % 1000, 25_000_500, 200 + i % 1000, 0);
    }
    KafkaBroker broker = KafkaBroker.start();
    try {
      System.out.printf(Locale.ROOT, "ticks per run: %,d; payload of a tick: %d bytes%n", count,
          new TickCodec(TestInstruments.REPOSITORY).encode(ticks[0]).length);
      for (int round = 1; round <= 2; round++) { // round 1 warms the JIT up
        Result bus = viaBus(broker, ticks, round);
        Result raw = viaRawClients(broker, ticks, round);
        System.out.printf(Locale.ROOT, "round %d  KafkaEventBus: produce %,.0f ticks/s, produce+consume %,.0f ticks/s%n",
            round, bus.produceRate(count), bus.endToEndRate(count));
        System.out.printf(Locale.ROOT, "round %d  raw clients:   produce %,.0f ticks/s, produce+consume %,.0f ticks/s%n",
            round, raw.produceRate(count), raw.endToEndRate(count));
      }
    } finally {
      broker.stop();
    }
  }

  private record Result(long produceNanos, long endToEndNanos) {
    double produceRate(int count) {
      return count * 1e9 / produceNanos;
    }

    double endToEndRate(int count) {
      return count * 1e9 / endToEndNanos;
    }
  }

  private static Result viaBus(KafkaBroker broker, Tick[] ticks, int round) {
    KafkaConfig config = KafkaConfig.builder().bootstrapServers(broker.bootstrapServers()).clientId("bench-bus")
        .groupId("bench-bus-" + round).partitions(PARTITIONS).build();
    Topic<Tick> topic = Topic.of("bench.bus.ticks-" + round, Tick.class);
    AtomicLong received = new AtomicLong();
    try (KafkaEventBus bus = KafkaEventBus.create(config, EventCodecs.standard(TestInstruments.REPOSITORY))) {
      Subscription subscription = bus.subscribe(topic, t -> received.lazySet(received.get() + 1),
          SubscriptionOptions.asynchronous(4096, OverflowPolicy.BLOCK));
      long start = System.nanoTime();
      for (Tick tick : ticks) {
        bus.publish(topic, tick);
      }
      bus.flush();
      long produced = System.nanoTime();
      awaitCount(received, ticks.length);
      long consumed = System.nanoTime();
      if (subscription.failed() != 0 || bus.publishFailures() != 0) {
        throw new IllegalStateException("failures: " + subscription.failed() + " / " + bus.publishFailures());
      }
      return new Result(produced - start, consumed - start);
    }
  }

  private static Result viaRawClients(KafkaBroker broker, Tick[] ticks, int round) throws Exception {
    String topic = "bench.raw.ticks-" + round;
    TickCodec codec = new TickCodec(TestInstruments.REPOSITORY);
    Properties common = new Properties();
    common.put("bootstrap.servers", broker.bootstrapServers());
    try (Admin admin = Admin.create(common)) {
      admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
      // as KafkaEventBus does: wait until every leader serves requests (KAFKA-15591 loses early idempotent batches)
      java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
          new java.util.HashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        latest.put(new org.apache.kafka.common.TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
      }
      admin.listOffsets(latest).all().get();
    }
    Properties pp = new Properties();
    pp.putAll(common);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    pp.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    pp.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(64 * 1024));
    pp.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    Properties cp = new Properties();
    cp.putAll(common);
    cp.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + round);
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "4096");
    cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    AtomicLong received = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    Thread consumerThread = new Thread(() -> {
      long n = 0;
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp)) {
        consumer.subscribe(List.of(topic));
        while (n < ticks.length) {
          ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
          for (ConsumerRecord<byte[], byte[]> record : records) {
            if (codec.decode(record.value()).lastPrice() > 0) {
              n++;
            }
          }
          if (!records.isEmpty()) {
            consumer.commitAsync();
          }
          received.set(n);
        }
        consumer.commitSync();
      }
    }, "bench-raw-consumer");
    consumerThread.setDaemon(true);
    long start = System.nanoTime();
    consumerThread.start();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp)) {
      for (Tick tick : ticks) {
        producer.send(new ProducerRecord<>(topic, codec.key(tick).getBytes(StandardCharsets.UTF_8), codec.encode(tick)),
            (metadata, exception) -> {
              if (exception != null) {
                failures.incrementAndGet();
              }
            });
      }
      producer.flush();
    }
    long produced = System.nanoTime();
    if (failures.get() != 0) {
      throw new IllegalStateException(failures.get() + " raw sends failed");
    }
    awaitCount(received, ticks.length);
    long consumed = System.nanoTime();
    consumerThread.join();
    return new Result(produced - start, consumed - start);
  }

  private static void awaitCount(AtomicLong received, long expected) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (received.get() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + received.get() + " of " + expected + " consumed");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
  }
}
