package io.aitrader.connector.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisConnectorTest {

  @Test
  void connectsAndWritesWithTheStringCodec() {
    try (RedisConnector redis = RedisServer.shared().connect("connector-test")) {
      // when
      redis.client().<String>getBucket(redis.key("hello")).set("world");

      // then: plain text under the prefix
      assertThat(redis.client().getKeys().countExists("connector-test:hello")).isEqualTo(1);
      assertThat(redis.client().<String>getBucket("connector-test:hello").get()).isEqualTo("world");
      redis.client().getKeys().delete("connector-test:hello");
    }
  }

  @Test
  void failsWithRedisUnavailableWhenNothingListens() {
    RedisConfig config = RedisConfig.builder().address("127.0.0.1", 1).timeout(Duration.ofMillis(500)).retryAttempts(0)
        .build();

    assertThatThrownBy(() -> RedisConnector.connect(config)).isInstanceOf(RedisUnavailableException.class)
        .hasMessageContaining("redis://127.0.0.1:1");
  }

  @Test
  void aPasswordTheServerDoesNotExpectIsRefusedWithoutRevealingIt() {
    RedisConfig config = RedisServer.shared().config("connector-test").toBuilder()
        .password(Secret.of("s3cr3t-value")).retryAttempts(0).build();

    assertThatThrownBy(() -> RedisConnector.connect(config)).isInstanceOf(RedisUnavailableException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-value"));
  }

  @Test
  void configNeverShowsThePassword() {
    RedisConfig config = RedisConfig.builder().password(Secret.of("REDIS_PASSWORD", "pa55")).build();

    assertThat(config.toString()).doesNotContain("pa55").contains("REDIS_PASSWORD=***");
  }

  @Test
  void configRejectsBadValuesNamingTheField() {
    assertThatThrownBy(() -> RedisConfig.of("http://localhost:6379")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("RedisConfig.address");
    assertThatThrownBy(() -> RedisConfig.of("redis://localhost")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("port");
    assertThatThrownBy(() -> RedisConfig.builder().database(16).build()).hasMessageContaining("RedisConfig.database");
    assertThatThrownBy(() -> RedisConfig.builder().keyPrefix("a{b}").build())
        .hasMessageContaining("RedisConfig.keyPrefix");
    assertThatThrownBy(() -> RedisConfig.builder().connectionPoolSize(2).connectionMinimumIdleSize(3).build())
        .hasMessageContaining("connectionMinimumIdleSize");
  }
}
