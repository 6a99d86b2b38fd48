package io.aitrader.connector.redis;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.limits.RateBucket;
import io.aitrader.api.lock.LockRegistry;
import io.aitrader.api.time.TimeSource;
import java.time.Duration;
import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection (pool) to a Redis server, and the factory of this module's Redis-backed services, each behind an
 * SPI of sdk-api so it replaces the embedded default unchanged: the {@link RedisNotificationQueue notification queue}
 * ({@code NotificationQueue}), the shared {@link RedisRateLimiter rate limiter} ({@code RateLimiter}), the
 * {@link RedisLock singleton locks} ({@link LockRegistry} / {@code LeaseLock}) and the
 * {@link RedisFeatureCache feature cache} ({@code FeatureCache}).
 *
 * <pre>{@code
 * try (RedisConnector redis = RedisConnector.connect(RedisConfig.of("redis://127.0.0.1:6379"))) {
 *   NotificationQueue queue = redis.notificationQueue("alerts");
 *   ...
 * }
 * }</pre>
 *
 * <p>It wraps a Redisson {@link RedissonClient} that uses {@link StringCodec} for every value, so what it writes is
 * readable with {@code redis-cli}. Every key starts with {@link RedisConfig#keyPrefix()}. Thread-safe; create one
 * per process and share it. {@link #close()} shuts the client down, after which the services it made fail.
 */
public final class RedisConnector implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisConnector.class);

  private final RedisConfig config;
  private final RedissonClient client;

  private RedisConnector(RedisConfig config, RedissonClient client) {
    this.config = config;
    this.client = client;
  }

  /**
   * Connects to the server of {@code config}.
   *
   * @throws RedisUnavailableException when the server cannot be reached or refuses the password
   */
  public static RedisConnector connect(RedisConfig config) {
    required(config, "RedisConnector.config");
    Config rc = new Config();
    rc.setCodec(StringCodec.INSTANCE);
    rc.setUseScriptCache(true);
    rc.setThreads(4);
    rc.setNettyThreads(Math.max(2, config.connectionPoolSize()));
    SingleServerConfig server = rc.useSingleServer()
        .setAddress(config.address())
        .setDatabase(config.database())
        .setTimeout((int) config.timeout().toMillis())
        .setConnectTimeout((int) config.timeout().toMillis())
        .setConnectionPoolSize(config.connectionPoolSize())
        .setConnectionMinimumIdleSize(config.connectionMinimumIdleSize())
        .setSubscriptionConnectionPoolSize(Math.max(1, Math.min(config.connectionPoolSize(), 4)))
        .setSubscriptionConnectionMinimumIdleSize(1)
        .setRetryAttempts(config.retryAttempts());
    config.password().ifPresent(p -> server.setPassword(p.reveal()));
    try {
      RedissonClient client = Redisson.create(rc);
      log.info("Connected to Redis at {} (database {}, key prefix '{}')", config.address(), config.database(),
          config.keyPrefix());
      return new RedisConnector(config, client);
    } catch (RedisException e) {
      String message = config.password().map(p -> p.redact(String.valueOf(e.getMessage())))
          .orElse(String.valueOf(e.getMessage()));
      throw new RedisUnavailableException("Cannot connect to Redis at " + config.address() + ": " + message, e);
    }
  }

  /** The configuration it was connected with. */
  public RedisConfig config() {
    return config;
  }

  /** The underlying Redisson client (StringCodec), for work this module does not cover. */
  public RedissonClient client() {
    return client;
  }

  /** {@code keyPrefix + ":" + part1 + ":" + part2 ...}: the name of a key in this connector's namespace. */
  String key(String... parts) {
    StringBuilder sb = new StringBuilder(config.keyPrefix());
    for (String part : parts) {
      sb.append(':').append(part);
    }
    return sb.toString();
  }

  /**
   * The durable notification queue called {@code name}: every connector (in any process) on the same server and
   * key prefix that asks for the same name shares it. Remembers the last
   * {@value RedisNotificationQueue#DEFAULT_REMEMBERED_ACKNOWLEDGED} acknowledged ids and keeps the last
   * {@value RedisNotificationQueue#DEFAULT_MAX_DEAD_LETTERS} dead letters.
   */
  public RedisNotificationQueue notificationQueue(String name) {
    return notificationQueue(name, RedisNotificationQueue.DEFAULT_REMEMBERED_ACKNOWLEDGED,
        RedisNotificationQueue.DEFAULT_MAX_DEAD_LETTERS);
  }

  /** The queue called {@code name} with its own limits on remembered ids and dead letters (each at least 1000). */
  public RedisNotificationQueue notificationQueue(String name, int rememberAcknowledged, int maxDeadLetters) {
    checkName(name, "RedisConnector.queueName");
    return new RedisNotificationQueue(this, name, rememberAcknowledged, maxDeadLetters);
  }

  /**
   * A limiter over {@code buckets} shared with every process on the same server and key prefix, timed by the Redis
   * server's clock. E.g. {@code rateLimiter(RateBucket.groww())}.
   */
  public RedisRateLimiter rateLimiter(List<RateBucket> buckets) {
    return new RedisRateLimiter(this, buckets, null);
  }

  /** A limiter over {@code buckets} timed by {@code clock} (replays, tests); every client of a bucket must share it. */
  public RedisRateLimiter rateLimiter(List<RateBucket> buckets, TimeSource clock) {
    return new RedisRateLimiter(this, buckets, required(clock, "RedisRateLimiter.clock"));
  }

  /**
   * The lock called {@code name}, shared with every process on the same server and key prefix.
   *
   * @throws io.aitrader.api.ValidationException when the name breaks {@link LockRegistry#checkName(String)}
   */
  public RedisLock lock(String name) {
    return new RedisLock(this, LockRegistry.checkName(name));
  }

  /** These locks as a {@link LockRegistry}, to hand to services written against the SPI: {@code this::lock}. */
  public LockRegistry locks() {
    return this::lock;
  }

  /** The cache of the latest feature vector per instrument and interval, each entry living {@code ttl}. */
  public RedisFeatureCache featureCache(Duration ttl) {
    return new RedisFeatureCache(this, ttl);
  }

  /** The gateway's login sessions, expiring on the server's clock. */
  public RedisLoginSessionStore loginSessions() {
    return RedisLoginSessionStore.on(this);
  }

  static void checkName(String name, String field) {
    requireText(name, field);
    check(name.indexOf('{') < 0 && name.indexOf('}') < 0 && name.indexOf(' ') < 0, field,
        "must not contain braces or spaces", name);
  }

  /** Shuts the client down; idempotent. */
  @Override
  public void close() {
    if (!client.isShutdown() && !client.isShuttingDown()) {
      client.shutdown();
    }
  }

  @Override
  public String toString() {
    return "RedisConnector[" + config.address() + " db " + config.database() + " prefix " + config.keyPrefix() + "]";
  }
}
