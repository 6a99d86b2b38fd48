package io.aitrader.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaConfigTest {

  @Test
  void hasUsableDefaults() {
    KafkaConfig config = KafkaConfig.builder().bootstrapServers("127.0.0.1:9092").build();
    assertThat(config.partitions()).isEqualTo(6);
    assertThat(config.replicationFactor()).isEqualTo((short) 1);
    assertThat(config.compression()).isEqualTo("lz4");
    assertThat(config.startFrom()).isEqualTo(KafkaConfig.StartFrom.LATEST);
    assertThat(config.extraProperties()).isEmpty();
  }

  @Test
  void requiresBootstrapServers() {
    assertThatThrownBy(() -> KafkaConfig.builder().build()).isInstanceOf(ValidationException.class)
        .hasMessageContaining("KafkaConfig.bootstrapServers");
  }

  @Test
  void rejectsBadValuesNamingTheField() {
    KafkaConfig.Builder b = KafkaConfig.builder().bootstrapServers("127.0.0.1:9092");
    assertThatThrownBy(() -> b.partitions(0).build()).hasMessageContaining("KafkaConfig.partitions");
    assertThatThrownBy(() -> KafkaConfig.builder().bootstrapServers("x:1").compression("brotli").build())
        .hasMessageContaining("KafkaConfig.compression").hasMessageContaining("brotli");
    assertThatThrownBy(() -> KafkaConfig.builder().bootstrapServers("x:1").pollTimeout(Duration.ZERO).build())
        .hasMessageContaining("KafkaConfig.pollTimeout");
    assertThatThrownBy(() -> KafkaConfig.builder().replicationFactor(0)).hasMessageContaining("replicationFactor");
  }
}
