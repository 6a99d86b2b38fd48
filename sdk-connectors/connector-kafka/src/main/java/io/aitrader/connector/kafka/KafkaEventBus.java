package io.aitrader.connector.kafka;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Watermark;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.utils.Utils;
import io.aitrader.api.AitraderException;
import io.aitrader.api.ValidationException;
import io.aitrader.connector.kafka.codec.EventCodec;
import io.aitrader.connector.kafka.codec.EventCodecs;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EventBus} over Apache Kafka: services in different processes (or machines) publish and subscribe to
 * the same {@link Topic}s as with the embedded bus.
 *
 * <pre>{@code
 * try (KafkaEventBus bus = KafkaEventBus.create(
 *     KafkaConfig.builder().bootstrapServers("127.0.0.1:9092").groupId("strategies").build(),
 *     EventCodecs.standard(instruments))) {
 *   bus.subscribe(Topics.bars(BarInterval.M5), bar -> strategy.onBar(bar));
 *   bus.publish(Topics.ticks(Exchange.NSE), tick);
 * }
 * }</pre>
 *
 * <p><b>Publishing.</b> Each topic becomes the Kafka topic of the same name, created on first use through the
 * admin client with the configured partitions and replication factor. Records are keyed by the codec's key (the
 * instrument id for market data, orders, fills and signals), so the events of one instrument go to one partition
 * and stay in order. The producer is idempotent with {@code acks=all}; {@code publish} is asynchronous (it returns
 * once the record is in the producer's buffer, blocking only while that buffer is full) and a record that finally
 * fails is logged and counted in {@link #publishFailures()}.
 *
 * <p><b>Subscribing.</b> Each subscription is one Kafka consumer with its own thread, in the consumer group
 * {@code <groupId>.<topic>} (or the group passed to {@link #subscribe(Topic, EventHandler, SubscriptionOptions,
 * String)}): subscriptions in one group share the partitions, so each event reaches one of them; subscriptions in
 * different groups each see every event. {@code subscribe} returns once the consumer has been assigned its
 * partitions and their start offsets are committed, so with {@link KafkaConfig.StartFrom#LATEST} every event
 * published after it returns is delivered. Offsets are committed after the handler ran (at-least-once): after a
 * crash the last uncommitted events are delivered again. A handler that throws, or a record that cannot be
 * decoded, is counted in {@link Subscription#failed()} and logged (the first and then one in 1000); later
 * records continue. Handlers always run on the subscription's thread, whatever its {@link SubscriptionOptions}
 * delivery; see {@link KafkaSubscription} for how the queue capacity and overflow policy apply.
 *
 * <p><b>Errors.</b> Publishing an event that is not an instance of {@code topic.type()}, using one topic name with
 * two event types, or a type without a codec in the {@link EventCodecs} throws {@link IllegalArgumentException};
 * publishing or subscribing after {@link #close()} throws {@link IllegalStateException}.
 *
 * <p>Thread-safe.
 */
public final class KafkaEventBus implements EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaEventBus.class);
  private static final int FAILURE_LOG_INTERVAL = 1000;

  private final KafkaConfig config;
  private final EventCodecs codecs;
  private final SubscriptionOptions defaultOptions;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Admin admin;
  private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, byte[]> keys = new ConcurrentHashMap<>();
  private final List<KafkaSubscription<?>> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicInteger consumerCount = new AtomicInteger();
  private final SendCallback sendCallback = new SendCallback();
  private final AtomicLong failuresAtFlush = new AtomicLong();
  private final Object lock = new Object();
  private volatile boolean closed;

  private KafkaEventBus(KafkaConfig config, EventCodecs codecs, SubscriptionOptions defaultOptions) {
    this.config = config;
    this.codecs = codecs;
    this.defaultOptions = defaultOptions;
    this.admin = Admin.create(commonProperties("admin"));
    Properties p = commonProperties("producer");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(config.lingerMillis()));
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(config.batchSizeBytes()));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.putAll(config.extraProperties());
    this.producer = new KafkaProducer<>(p);
  }

  /** A bus whose {@link #subscribe(Topic, EventHandler)} uses asynchronous delivery of up to 4096 records a poll. */
  public static KafkaEventBus create(KafkaConfig config, EventCodecs codecs) {
    return create(config, codecs, SubscriptionOptions.asynchronous(4096, io.aitrader.api.bus.OverflowPolicy.BLOCK));
  }

  /** A bus whose {@link #subscribe(Topic, EventHandler)} uses {@code defaultOptions}. */
  public static KafkaEventBus create(KafkaConfig config, EventCodecs codecs, SubscriptionOptions defaultOptions) {
    return new KafkaEventBus(Objects.requireNonNull(config, "config"), Objects.requireNonNull(codecs, "codecs"),
        Objects.requireNonNull(defaultOptions, "defaultOptions"));
  }

  /** The settings this bus was created with. */
  public KafkaConfig config() {
    return config;
  }

  /** Records the producer finally failed to send (after its retries). */
  public long publishFailures() {
    return sendCallback.failures.get();
  }

  @Override
  public <T> void publish(Topic<T> topic, T event) {
    if (!topic.type().isInstance(event)) {
      String what = event == null ? "null" : "an event of type " + event.getClass().getName();
      throw new IllegalArgumentException("Cannot publish " + what + " on topic '" + topic.name()
          + "': its events must be non-null instances of " + topic.type().getName());
    }
    if (closed) {
      throw new IllegalStateException("The event bus is closed: cannot publish to topic '" + topic.name() + "'");
    }
    Channel channel = channel(topic);
    EventCodec<T> codec = channel.codec(topic);
    producer.send(new ProducerRecord<>(channel.kafkaName, keyBytes(codec.key(event)), codec.encode(event)),
        sendCallback);
  }

  /**
   * Sends a watermark record to every partition of {@code topic}; subscribers' handlers get
   * {@link EventHandler#onWatermark} with the partition as the shard (see {@link Watermarks}).
   */
  @Override
  public void publishWatermark(Topic<?> topic, long millis) {
    int shards = shards(topic);
    for (int shard = 0; shard < shards; shard++) {
      forwardWatermark(topic, new Watermark(millis, shard, shards));
    }
  }

  @Override
  public void forwardWatermark(Topic<?> topic, Watermark watermark) {
    Objects.requireNonNull(watermark, "watermark");
    int shards = shards(topic);
    if (watermark.shards() != shards) {
      throw new IllegalArgumentException("Cannot forward " + watermark + " to Kafka topic '" + topic.name()
          + "': it has " + shards + " partition(s); topics derived from one another must have as many partitions"
          + " (see KafkaConfig.partitions)");
    }
    if (closed) {
      throw new IllegalStateException("The event bus is closed: cannot publish to topic '" + topic.name() + "'");
    }
    producer.send(Watermarks.record(channel(topic).kafkaName, watermark), sendCallback);
  }

  /** The partition count of {@code topic} (created on first use). */
  @Override
  public int shards(Topic<?> topic) {
    return channel(Objects.requireNonNull(topic, "topic")).shards(producer);
  }

  /** The partition Kafka's default partitioner gives the event's key: murmur2 of the key bytes modulo the count. */
  @Override
  public <T> int shardOf(Topic<T> topic, T event) {
    EventCodec<T> codec = channel(topic).codec(topic);
    return Utils.toPositive(Utils.murmur2(keyBytes(codec.key(event)))) % shards(topic);
  }

  /** The UTF-8 bytes of a record key, encoded once per key (keys are instrument ids: a bounded set). */
  private byte[] keyBytes(String key) {
    byte[] bytes = keys.get(key);
    if (bytes == null) {
      bytes = key.getBytes(StandardCharsets.UTF_8);
      keys.putIfAbsent(key, bytes);
    }
    return bytes;
  }

  /**
   * Waits until every record published so far has been acknowledged by the brokers ({@code acks=all}).
   *
   * @throws AitraderException when a record published since the previous flush could not be stored (the message
   *     carries Kafka's reason); the failure is counted once in {@link #publishFailures()}
   */
  @Override
  public void flush() {
    producer.flush();
    long failures = sendCallback.failures.get();
    long before = failuresAtFlush.getAndSet(failures);
    if (failures > before) {
      Exception last = sendCallback.last;
      throw new AitraderException((failures - before) + " event(s) published since the last flush could not be"
          + " stored by Kafka" + (last == null ? "" : ": " + last.getMessage()) + "; check the brokers at "
          + config.bootstrapServers(), last);
    }
  }

  @Override
  public <T> Subscription subscribe(Topic<T> topic, EventHandler<? super T> handler) {
    return subscribe(topic, handler, defaultOptions);
  }

  @Override
  public <T> Subscription subscribe(Topic<T> topic, EventHandler<? super T> handler, SubscriptionOptions options) {
    return subscribe(topic, handler, options, config.groupId() + "." + config.kafkaTopic(topic.name()));
  }

  /**
   * Subscribes in the consumer group {@code groupId}: subscriptions (in any process) in one group share the
   * topic's partitions; each group sees every event. Returns once the consumer has its partitions.
   */
  public <T> Subscription subscribe(Topic<T> topic, EventHandler<? super T> handler, SubscriptionOptions options,
      String groupId) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(options, "options");
    ValidationException.requireText(groupId, "groupId");
    Channel channel = channel(topic);
    EventCodec<T> codec = channel.codec(topic);
    KafkaSubscription<T> subscription;
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("The event bus is closed: cannot subscribe to topic '" + topic.name() + "'");
      }
      int n = consumerCount.incrementAndGet();
      Properties p = commonProperties("consumer-" + topic.name() + "-" + n);
      subscription = new KafkaSubscription<>(this, topic, channel.kafkaName, handler, codec, options, p, groupId,
          "aitrader-kafka-" + topic.name() + "-" + n);
      subscriptions.add(subscription);
    }
    subscription.start();
    subscription.awaitAssignment(config.subscribeTimeout());
    return subscription;
  }

  /**
   * Stops accepting events, flushes the producer, stops every subscription (each finishes the handler call under
   * way and commits what it has handled; events still on the broker wait there for the group's next consumer)
   * and closes the clients, each within the close timeout. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      producer.flush();
    } catch (RuntimeException e) {
      LOG.warn("Flushing the Kafka producer on close failed; unsent events are lost", e);
    }
    producer.close(config.closeTimeout());
    for (KafkaSubscription<?> subscription : subscriptions) {
      subscription.close();
    }
    admin.close(config.closeTimeout());
  }

  void removed(KafkaSubscription<?> subscription) {
    subscriptions.remove(subscription);
  }

  Properties commonProperties(String role) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(CommonClientConfigs.CLIENT_ID_CONFIG, config.clientId() + "-" + role);
    p.putAll(config.extraProperties());
    return p;
  }

  /** The channel of {@code topic}, creating the Kafka topic on first use. */
  private Channel channel(Topic<?> topic) {
    Channel channel = channels.get(topic.name());
    if (channel == null) {
      channel = createChannel(topic);
    }
    if (channel.type != topic.type()) {
      throw new IllegalArgumentException("Topic '" + topic.name() + "' is used here with event type "
          + topic.type().getName() + " but already carries events of type " + channel.type.getName()
          + "; one topic name carries one event type");
    }
    return channel;
  }

  private Channel createChannel(Topic<?> topic) {
    synchronized (lock) {
      Channel existing = channels.get(topic.name());
      if (existing != null) {
        return existing;
      }
      EventCodec<?> codec = codecs.find(topic.type()).orElseThrow(() -> new IllegalArgumentException(
          "No codec for event type " + topic.type().getName() + " of topic '" + topic.name()
              + "': register one with EventCodecs.with(codec)"));
      String kafkaName = config.kafkaTopic(topic.name());
      createTopic(kafkaName);
      Channel channel = new Channel(topic.type(), codec, kafkaName);
      channels.put(topic.name(), channel);
      return channel;
    }
  }

  private void createTopic(String name) {
    NewTopic newTopic = new NewTopic(name, config.partitions(), config.replicationFactor());
    long timeoutMillis = config.subscribeTimeout().toMillis();
    try {
      try {
        admin.createTopics(List.of(newTopic)).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        LOG.info("Created Kafka topic '{}' with {} partition(s), replication factor {}", name, config.partitions(),
            config.replicationFactor());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Could not create Kafka topic '" + name + "' on " + config.bootstrapServers()
              + ": " + e.getCause(), e.getCause());
        }
      }
      awaitLeaders(name, timeoutMillis);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka topic '" + name + "' on " + config.bootstrapServers()
          + " has partitions without a working leader: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka at " + config.bootstrapServers() + " did not create topic '" + name
          + "' within " + config.subscribeTimeout() + ": is the cluster reachable?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating Kafka topic '" + name + "'", e);
    }
  }

  /**
   * Waits until every partition's leader serves requests. An idempotent producer that writes to a partition in
   * the moment between its creation and its leader becoming ready can lose a batch silently (KAFKA-15591:
   * NOT_LEADER_OR_FOLLOWER, then OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout); ListOffsets is answered
   * by the leader's replica manager only once it leads, and the admin client retries it until then.
   */
  private void awaitLeaders(String name, long timeoutMillis)
      throws ExecutionException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (long pause = 10; ; pause = Math.min(pause * 2, 500)) {
      try {
        TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
            .get(timeoutMillis, TimeUnit.MILLISECONDS).get(name);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartitionInfo partition : description.partitions()) {
          latest.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest());
        }
        admin.listOffsets(latest).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException e) {
        // a topic just created (often by another process) may not be known to, or hosted by, its leader yet: the
        // admin client does not retry UnknownTopicOrPartition here, so ask again until the deadline
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() + pause * 1_000_000L > deadline) {
          throw e;
        }
        Thread.sleep(pause);
      }
    }
  }

  /** The event type and codec of one topic name. */
  private static final class Channel {
    final Class<?> type;
    final EventCodec<?> codec;
    /** The topic's name on the broker: {@link KafkaConfig#topicPrefix()} + the bus topic's name. */
    final String kafkaName;
    private volatile int shards;

    int shards(KafkaProducer<byte[], byte[]> producer) {
      int n = shards;
      if (n == 0) {
        n = producer.partitionsFor(kafkaName).size();
        shards = n;
      }
      return n;
    }

    Channel(Class<?> type, EventCodec<?> codec, String kafkaName) {
      this.type = type;
      this.codec = codec;
      this.kafkaName = kafkaName;
    }

    <T> EventCodec<T> codec(Topic<T> topic) {
      @SuppressWarnings("unchecked") // channel() checked that topic.type() is this channel's type, the codec's type
      EventCodec<T> typed = (EventCodec<T>) codec;
      return typed;
    }
  }

  /** One shared, allocation-free callback for every send: counts and logs failures. */
  private static final class SendCallback implements Callback {
    final AtomicLong failures = new AtomicLong();
    volatile @Nullable Exception last;

    @Override
    public void onCompletion(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
      if (exception != null) {
        last = exception;
        long n = failures.incrementAndGet();
        if (n == 1 || n % FAILURE_LOG_INTERVAL == 0) {
          LOG.error("Kafka could not store a published event ({} failure(s) so far)", n, exception);
        }
      }
    }
  }
}
