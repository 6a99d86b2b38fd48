package io.aitrader.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void toStringNeverRevealsTheValue() {
    Secret s = Secret.of("hunter2-api-key");

    assertThat(s).hasToString("Secret[****]");
    assertThat(String.valueOf(List.of(s))).doesNotContain("hunter2");
    assertThat("key=" + s).isEqualTo("key=Secret[****]");
  }

  @Test
  void revealReturnsTheValue() {
    assertThat(Secret.of("hunter2").reveal()).isEqualTo("hunter2");
  }

  @Test
  void equalsIsIdentitySoValuesCannotBeProbed() {
    Secret a = Secret.of("same");
    Secret b = Secret.of("same");
    Set<Secret> set = new HashSet<>(List.of(a));

    assertThat(a).isNotEqualTo(b);
    assertThat(a).isEqualTo(a);
    assertThat(set.contains(b)).isFalse();
  }

  @Test
  void matchesComparesValuesDeliberately() {
    assertThat(Secret.of("same").matches(Secret.of("same"))).isTrue();
    assertThat(Secret.of("same").matches(Secret.of("other"))).isFalse();
  }

  @Test
  void rejectsBlankWithoutEchoingIt() {
    assertThatThrownBy(() -> Secret.of("  "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Secret.value must not be blank");
    assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(ValidationException.class);
  }
}
