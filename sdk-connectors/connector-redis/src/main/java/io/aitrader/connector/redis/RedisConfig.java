package io.aitrader.connector.redis;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.Secret;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how to reach one Redis server: what {@link RedisConnector#connect(RedisConfig)} needs.
 *
 * <pre>{@code
 * RedisConfig config = RedisConfig.builder()
 *     .address("redis://10.0.0.5:6379")
 *     .password(Secret.of("REDIS_PASSWORD", System.getenv("REDIS_PASSWORD")))
 *     .keyPrefix("desk1")
 *     .build();
 * }</pre>
 *
 * <p>Rules: address is a {@code redis://host:port} or {@code rediss://host:port} (TLS) URI; database 0..15;
 * timeout at least 1 ms; connectionPoolSize at least 1; connectionMinimumIdleSize between 0 and
 * connectionPoolSize; keyPrefix non-blank without {@code {}} (every key this connector writes starts with it).
 * Immutable and thread-safe; {@link #toString()} never shows the password.
 *
 * @param address                   the server, {@code redis://host:port}
 * @param password                  the password ({@code requirepass}); empty when the server has none
 * @param database                  the logical database number
 * @param timeout                   how long one command may take before it fails
 * @param connectionPoolSize        the most connections the client opens
 * @param connectionMinimumIdleSize connections kept open while idle
 * @param keyPrefix                 the namespace of every key, e.g. {@code aitrader}
 * @param retryAttempts             how many times a failed command (or the first connection) is retried, 0..10
 */
public record RedisConfig(String address, Optional<Secret> password, int database, Duration timeout,
    int connectionPoolSize, int connectionMinimumIdleSize, String keyPrefix, int retryAttempts) {

  /** The default key prefix. */
  public static final String DEFAULT_KEY_PREFIX = "aitrader";

  /** Validates every component; see the type's rules. */
  public RedisConfig {
    requireText(address, "RedisConfig.address");
    check(address.startsWith("redis://") || address.startsWith("rediss://"), "RedisConfig.address",
        "must be redis://host:port or rediss://host:port", address);
    check(address.indexOf(':', address.indexOf("//") + 2) > 0, "RedisConfig.address", "must name a port",
        address);
    required(password, "RedisConfig.password");
    check(database >= 0 && database <= 15, "RedisConfig.database", "must be 0..15", database);
    required(timeout, "RedisConfig.timeout");
    check(timeout.toMillis() >= 1 && timeout.toMillis() <= Integer.MAX_VALUE, "RedisConfig.timeout",
        "must be between 1 ms and 24 days", timeout);
    check(connectionPoolSize >= 1, "RedisConfig.connectionPoolSize", "must be >= 1", connectionPoolSize);
    check(connectionMinimumIdleSize >= 0 && connectionMinimumIdleSize <= connectionPoolSize,
        "RedisConfig.connectionMinimumIdleSize", "must be between 0 and connectionPoolSize " + connectionPoolSize,
        connectionMinimumIdleSize);
    requireText(keyPrefix, "RedisConfig.keyPrefix");
    check(keyPrefix.indexOf('{') < 0 && keyPrefix.indexOf('}') < 0 && keyPrefix.indexOf(' ') < 0,
        "RedisConfig.keyPrefix", "must not contain braces or spaces", keyPrefix);
    check(retryAttempts >= 0 && retryAttempts <= 10, "RedisConfig.retryAttempts", "must be 0..10", retryAttempts);
  }

  /** The defaults for the server at {@code address}: no password, database 0, 3 s timeout, 8 connections, 3 retries. */
  public static RedisConfig of(String address) {
    return builder().address(address).build();
  }

  /** A builder starting from the defaults (address {@code redis://127.0.0.1:6379}). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder().address(address).database(database).timeout(timeout)
        .connectionPoolSize(connectionPoolSize).connectionMinimumIdleSize(connectionMinimumIdleSize)
        .keyPrefix(keyPrefix).retryAttempts(retryAttempts);
    password.ifPresent(b::password);
    return b;
  }

  /** Builds a {@link RedisConfig}; not thread-safe. */
  public static final class Builder {
    private String address = "redis://127.0.0.1:6379";
    private Optional<Secret> password = Optional.empty();
    private int database;
    private Duration timeout = Duration.ofSeconds(3);
    private int connectionPoolSize = 8;
    private int connectionMinimumIdleSize = 1;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private int retryAttempts = 3;

    private Builder() {}

    public Builder address(String address) {
      this.address = address;
      return this;
    }

    /** Convenience for {@code address("redis://" + host + ":" + port)}. */
    public Builder address(String host, int port) {
      return address("redis://" + host + ":" + port);
    }

    public Builder password(Secret password) {
      this.password = Optional.of(required(password, "RedisConfig.password"));
      return this;
    }

    public Builder database(int database) {
      this.database = database;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder connectionPoolSize(int connectionPoolSize) {
      this.connectionPoolSize = connectionPoolSize;
      return this;
    }

    public Builder connectionMinimumIdleSize(int connectionMinimumIdleSize) {
      this.connectionMinimumIdleSize = connectionMinimumIdleSize;
      return this;
    }

    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
      return this;
    }

    public Builder retryAttempts(int retryAttempts) {
      this.retryAttempts = retryAttempts;
      return this;
    }

    public RedisConfig build() {
      return new RedisConfig(address, password, database, timeout, connectionPoolSize, connectionMinimumIdleSize,
          keyPrefix, retryAttempts);
    }
  }
}
