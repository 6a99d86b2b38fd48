package io.aitrader.api.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import org.junit.jupiter.api.Test;

class LockRegistryTest {

  @Test
  void acceptsLettersDigitsAndSeparators() {
    assertThat(LockRegistry.checkName("orders:ACC-1")).isEqualTo("orders:ACC-1");
    assertThat(LockRegistry.checkName("svc/feature_service.v2")).isEqualTo("svc/feature_service.v2");
    assertThat(LockRegistry.checkName("x".repeat(200))).hasSize(200);
  }

  @Test
  void refusesBlankLongAndOddNamesNamingTheField() {
    assertThatThrownBy(() -> LockRegistry.checkName("")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("LockRegistry.name");
    assertThatThrownBy(() -> LockRegistry.checkName("x".repeat(201))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> LockRegistry.checkName("two words")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'two words'");
    assertThatThrownBy(() -> LockRegistry.checkName("{slot}")).isInstanceOf(ValidationException.class);
  }
}
