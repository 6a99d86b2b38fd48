package io.aitrader.connector.kafka;

import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.OverflowPolicy;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import io.aitrader.connector.kafka.codec.EventCodec;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription of a {@link KafkaEventBus}: a Kafka consumer in a group, polled by its own daemon thread, which
 * decodes each record and hands it to the handler, then commits the offsets of what it handled.
 *
 * <p>Options: the queue capacity bounds the records one poll returns ({@code max.poll.records}; 500 for
 * synchronous options, whose capacity is a placeholder). Under {@link OverflowPolicy#DROP_OLDEST}, when a
 * partition lags by more than the capacity after a poll, the subscription skips ahead so that only the newest
 * {@code capacity} records of that partition remain, and counts the skipped ones in {@link #dropped()}. Under
 * {@link OverflowPolicy#BLOCK} the lag stays on the broker and nothing is skipped.
 *
 * <p>{@link #close()} stops deliveries (a handler call under way finishes; the rest of the polled batch is not
 * delivered), commits the offsets of what was handled, closes the consumer and waits for the thread. Thread-safe.
 */
final class KafkaSubscription<T> implements Subscription, ConsumerRebalanceListener, OffsetCommitCallback {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSubscription.class);
  private static final int FAILURE_LOG_INTERVAL = 1000;
  private static final int SYNCHRONOUS_POLL_RECORDS = 500;

  private final KafkaEventBus bus;
  private final Topic<T> topic;
  private final String kafkaName;
  private final EventHandler<? super T> handler;
  private final EventCodec<T> codec;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private final boolean dropOldest;
  private final int capacity;
  private final Duration pollTimeout;
  private final Duration closeTimeout;
  private final CountDownLatch assigned = new CountDownLatch(1);
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile int assignment;
  private volatile boolean running = true;
  private volatile @Nullable RuntimeException assignmentFailure;

  KafkaSubscription(KafkaEventBus bus, Topic<T> topic, String kafkaName, EventHandler<? super T> handler,
      EventCodec<T> codec, SubscriptionOptions options, Properties properties, String groupId, String threadName) {
    this.bus = bus;
    this.topic = topic;
    this.kafkaName = kafkaName;
    this.handler = handler;
    this.codec = codec;
    boolean async = options.delivery() == SubscriptionOptions.Delivery.ASYNCHRONOUS;
    this.capacity = async ? options.queueCapacity() : SYNCHRONOUS_POLL_RECORDS;
    this.dropOldest = async && options.overflow() == OverflowPolicy.DROP_OLDEST;
    KafkaConfig config = bus.config();
    this.pollTimeout = config.pollTimeout();
    this.closeTimeout = config.closeTimeout();
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        config.startFrom() == KafkaConfig.StartFrom.EARLIEST ? "earliest" : "latest");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(capacity));
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    properties.putAll(config.extraProperties());
    this.consumer = new KafkaConsumer<>(properties);
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Waits until the consumer has been assigned its partitions (and committed their start offsets). */
  void awaitAssignment(Duration timeout) {
    boolean done;
    try {
      done = assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("Interrupted while subscribing to Kafka topic '" + kafkaName + "'", e);
    }
    RuntimeException failure = assignmentFailure;
    if (failure != null || !done) {
      close();
      throw new IllegalStateException(failure != null
          ? "The consumer of Kafka topic '" + kafkaName + "' failed before it was assigned partitions: " + failure
          : "The consumer of Kafka topic '" + kafkaName + "' was not assigned partitions within " + timeout
              + ": is the cluster at " + bus.config().bootstrapServers() + " reachable?", failure);
    }
  }

  private void run() {
    try {
      consumer.subscribe(List.of(kafkaName), this);
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
        if (records.isEmpty()) {
          continue;
        }
        if (!deliver(records)) {
          break;
        }
        consumer.commitAsync(this);
      }
    } catch (WakeupException e) {
      // close() woke the consumer up: leave the loop
      LOG.debug("Consumer of topic '{}' woken up to close", kafkaName);
    } catch (RuntimeException e) {
      if (assigned.getCount() > 0) {
        assignmentFailure = e;
        assigned.countDown();
      }
      LOG.error("The consumer of Kafka topic '{}' stopped after an error; events wait on the broker for the group's"
          + " next consumer", kafkaName, e);
    } finally {
      running = false;
      try {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(closeTimeout));
      } catch (RuntimeException e) {
        LOG.warn("Closing the consumer of Kafka topic '{}' failed", kafkaName, e);
      }
      bus.removed(this);
    }
  }

  /** Delivers a batch; false when the subscription was closed part-way (what was handled is then committed). */
  private boolean deliver(ConsumerRecords<byte[], byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> list = records.records(partition);
      int start = 0;
      if (dropOldest) {
        start = skipAhead(partition, list);
      }
      for (int i = start; i < list.size(); i++) {
        if (!running) {
          commitHandled(records, partition, list.get(i).offset());
          return false;
        }
        handle(list.get(i));
      }
    }
    return true;
  }

  /** Under DROP_OLDEST: the index of the first record of {@code list} to deliver, seeking past older ones. */
  private int skipAhead(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> list) {
    OptionalLong lag = consumer.currentLag(partition);
    long behind = lag.isPresent() ? lag.getAsLong() : 0;
    long excess = behind + list.size() - capacity;
    if (excess <= 0) {
      return 0;
    }
    if (excess < list.size()) {
      dropped.addAndGet(excess);
      return (int) excess;
    }
    long skipBeyond = excess - list.size();
    consumer.seek(partition, consumer.position(partition) + skipBeyond);
    dropped.addAndGet(excess);
    return list.size();
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    if (Watermarks.isWatermark(record)) {
      try {
        handler.onWatermark(Watermarks.decode(record));
      } catch (Throwable e) { // like the in-process bus: a handler never stops deliveries
        failure("handle a watermark at " + record.topic() + "-" + record.partition() + "@" + record.offset(), e);
      }
      return;
    }
    T event;
    try {
      event = codec.decode(record.value());
    } catch (RuntimeException e) {
      failure("decode a record at " + record.topic() + "-" + record.partition() + "@" + record.offset(), e);
      return;
    }
    try {
      handler.onEvent(event);
      delivered.incrementAndGet();
    } catch (Throwable e) { // like the in-process bus: an Error of a handler must not end the consumer silently
      delivered.incrementAndGet();
      failure("handle an event", e);
    }
  }

  private void failure(String what, Throwable e) {
    long n = failed.incrementAndGet();
    if (n == 1 || n % FAILURE_LOG_INTERVAL == 0) {
      LOG.warn("Subscriber of Kafka topic '{}' could not {} ({} failure(s) so far)", kafkaName, what, n, e);
    }
  }

  /**
   * Commits, after a stop part-way through a batch, the offsets of the records handled: partitions before
   * {@code stopped} completely, {@code stopped} up to {@code stopOffset}, later ones not at all.
   */
  private void commitHandled(ConsumerRecords<byte[], byte[]> records, TopicPartition stopped, long stopOffset) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    boolean before = true;
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> list = records.records(partition);
      if (partition.equals(stopped)) {
        offsets.put(partition, new OffsetAndMetadata(stopOffset));
        before = false;
      } else if (before) {
        offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
      } else {
        offsets.put(partition, new OffsetAndMetadata(list.get(0).offset()));
      }
    }
    try {
      consumer.commitSync(offsets, closeTimeout);
    } catch (RuntimeException e) {
      LOG.warn("Could not commit the offsets of Kafka topic '{}' on close; handled events may be delivered again",
          kafkaName, e);
    }
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      consumer.commitSync(closeTimeout); // every record polled so far has been handled
    }
    assignment = 0;
  }

  /** How many partitions this subscription's consumer holds now. */
  int assignment() {
    return assignment;
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    assignment = 0;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    assignment = partitions.size();
    if (!partitions.isEmpty()) {
      // resolve the start offsets now and commit them, so an event published after subscribe() returns is never
      // skipped by a later "latest" reset, even if the partition moves to another consumer of the group
      Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
      for (TopicPartition partition : partitions) {
        start.put(partition, new OffsetAndMetadata(consumer.position(partition)));
      }
      consumer.commitSync(start, closeTimeout);
    }
    assigned.countDown();
  }

  @Override
  public void onComplete(Map<TopicPartition, OffsetAndMetadata> offsets, @Nullable Exception exception) {
    if (exception != null) {
      LOG.debug("An asynchronous offset commit of topic '{}' failed; a later commit covers it", kafkaName, exception);
    }
  }

  @Override
  public Topic<?> topic() {
    return topic;
  }

  @Override
  public long delivered() {
    return delivered.get();
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  @Override
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    running = false;
    if (Thread.currentThread() == thread) {
      return; // the handler closed its own subscription: the loop ends when it returns
    }
    consumer.wakeup();
    try {
      thread.join(closeTimeout.toMillis() + 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("The consumer thread of Kafka topic '{}' did not stop within {}", kafkaName, closeTimeout);
    }
  }
}
