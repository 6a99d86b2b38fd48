package io.aitrader.connector.kafka;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;
import static io.aitrader.api.ValidationException.requireText;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of a {@link KafkaEventBus}.
 *
 * <pre>{@code
 * KafkaConfig config = KafkaConfig.builder()
 *     .bootstrapServers("127.0.0.1:9092")
 *     .clientId("strategy-host-1")
 *     .groupId("strategies")          // subscriptions join group "strategies.<topic>"
 *     .partitions(12).replicationFactor(3)
 *     .build();
 * }</pre>
 *
 * @param bootstrapServers  {@code host:port[,host:port…]} of the cluster
 * @param clientId          the client id prefix of the producer, consumers and admin client
 * @param groupId           the consumer group prefix: a subscription to topic {@code t} joins {@code groupId + "." + t}
 *                          unless it names its own group
 * @param partitions        partitions of the topics the bus creates, ≥ 1
 * @param replicationFactor replicas of the topics the bus creates, ≥ 1
 * @param lingerMillis      producer {@code linger.ms}, ≥ 0: how long a batch waits for more records
 * @param batchSizeBytes    producer {@code batch.size}, ≥ 1024
 * @param compression       producer {@code compression.type}: none, gzip, snappy, lz4 or zstd
 * @param startFrom         where a consumer group that has no committed offset starts
 * @param pollTimeout       longest a consumer waits in one poll, > 0
 * @param subscribeTimeout  longest {@code subscribe} waits for its consumer to be assigned partitions, > 0
 * @param closeTimeout      longest {@code close} waits for the producer to flush and consumers to stop, > 0
 * @param extraProperties   further client properties applied to producer, consumers and admin (they win)
 * @param topicPrefix       prepended to every topic's name on the broker (and to consumer group names), e.g.
 *                          {@code "paper-1."}: deployments sharing one cluster keep apart; empty by default
 */
public record KafkaConfig(
    String bootstrapServers,
    String clientId,
    String groupId,
    int partitions,
    short replicationFactor,
    int lingerMillis,
    int batchSizeBytes,
    String compression,
    StartFrom startFrom,
    Duration pollTimeout,
    Duration subscribeTimeout,
    Duration closeTimeout,
    Map<String, String> extraProperties,
    String topicPrefix) {

  /** Where a consumer group without a committed offset starts reading. */
  public enum StartFrom {
    /** Only events published after the subscription was assigned: the in-process bus's semantics. */
    LATEST,
    /** Every event the topic still retains. */
    EARLIEST
  }

  /** Validates every component, naming the bad one. */
  public KafkaConfig {
    requireText(bootstrapServers, "KafkaConfig.bootstrapServers");
    requireText(clientId, "KafkaConfig.clientId");
    requireText(groupId, "KafkaConfig.groupId");
    check(partitions >= 1, "KafkaConfig.partitions", "must be >= 1", partitions);
    check(replicationFactor >= 1, "KafkaConfig.replicationFactor", "must be >= 1", replicationFactor);
    check(lingerMillis >= 0, "KafkaConfig.lingerMillis", "must be >= 0", lingerMillis);
    check(batchSizeBytes >= 1024, "KafkaConfig.batchSizeBytes", "must be >= 1024", batchSizeBytes);
    requireText(compression, "KafkaConfig.compression");
    check(compression.matches("none|gzip|snappy|lz4|zstd"), "KafkaConfig.compression",
        "must be one of none, gzip, snappy, lz4, zstd", "'" + compression + "'");
    required(startFrom, "KafkaConfig.startFrom");
    positive(required(pollTimeout, "KafkaConfig.pollTimeout"), "KafkaConfig.pollTimeout");
    positive(required(subscribeTimeout, "KafkaConfig.subscribeTimeout"), "KafkaConfig.subscribeTimeout");
    positive(required(closeTimeout, "KafkaConfig.closeTimeout"), "KafkaConfig.closeTimeout");
    extraProperties = Map.copyOf(required(extraProperties, "KafkaConfig.extraProperties"));
    required(topicPrefix, "KafkaConfig.topicPrefix");
    check(topicPrefix.matches("[A-Za-z0-9._-]{0,100}"), "KafkaConfig.topicPrefix",
        "may hold only letters, digits, '.', '_' and '-' (at most 100), as Kafka topic names do", "'" + topicPrefix + "'");
  }

  /** The name on the broker of the bus topic {@code topic}: {@link #topicPrefix()} + {@code topic}. */
  public String kafkaTopic(String topic) {
    return topicPrefix + topic;
  }

  private static void positive(Duration d, String field) {
    check(!d.isNegative() && !d.isZero(), field, "must be > 0", d);
  }

  /** A builder with the defaults listed on its methods; only {@code bootstrapServers} has none. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link KafkaConfig}. Not thread-safe. */
  public static final class Builder {
    private String bootstrapServers = "";
    private String clientId = "aitrader";
    private String groupId = "aitrader";
    private int partitions = 6;
    private short replicationFactor = 1;
    private int lingerMillis = 5;
    private int batchSizeBytes = 64 * 1024;
    private String compression = "lz4";
    private String topicPrefix = "";
    private StartFrom startFrom = StartFrom.LATEST;
    private Duration pollTimeout = Duration.ofMillis(100);
    private Duration subscribeTimeout = Duration.ofSeconds(30);
    private Duration closeTimeout = Duration.ofSeconds(10);
    private Map<String, String> extraProperties = Map.of();

    private Builder() {}

    /** Required: {@code host:port[,host:port…]}. */
    public Builder bootstrapServers(String v) { this.bootstrapServers = v; return this; }

    /** Default {@code aitrader}. */
    public Builder clientId(String v) { this.clientId = v; return this; }

    /** Default {@code aitrader}. */
    public Builder groupId(String v) { this.groupId = v; return this; }

    /** Default 6. */
    public Builder partitions(int v) { this.partitions = v; return this; }

    /** Default 1 (a single broker); use 3 in production. */
    public Builder replicationFactor(int v) {
      check(v >= 1 && v <= Short.MAX_VALUE, "KafkaConfig.replicationFactor", "must be within [1, 32767]", v);
      this.replicationFactor = (short) v;
      return this;
    }

    /** Default 5 ms. */
    public Builder lingerMillis(int v) { this.lingerMillis = v; return this; }

    /** Default 64 KiB. */
    public Builder batchSizeBytes(int v) { this.batchSizeBytes = v; return this; }

    /** Default {@code lz4}. */
    public Builder compression(String v) { this.compression = v; return this; }

    /** Default {@link StartFrom#LATEST}. */
    public Builder startFrom(StartFrom v) { this.startFrom = v; return this; }

    /** Default 100 ms. */
    public Builder pollTimeout(Duration v) { this.pollTimeout = v; return this; }

    /** Default 30 s. */
    public Builder subscribeTimeout(Duration v) { this.subscribeTimeout = v; return this; }

    /** Default 10 s. */
    public Builder closeTimeout(Duration v) { this.closeTimeout = v; return this; }

    /** Default none; e.g. {@code security.protocol}, {@code sasl.*}. */
    public Builder extraProperties(Map<String, String> v) { this.extraProperties = v; return this; }

    /** Default empty; see {@link KafkaConfig#topicPrefix()}. */
    public Builder topicPrefix(String v) { this.topicPrefix = v; return this; }

    public KafkaConfig build() {
      return new KafkaConfig(bootstrapServers, clientId, groupId, partitions, replicationFactor, lingerMillis,
          batchSizeBytes, compression, startFrom, pollTimeout, subscribeTimeout, closeTimeout, extraProperties,
          topicPrefix);
    }
  }
}
