package io.aitrader.api.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsersValuesTest {
  private static final String ID = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";

  @Test
  void eachRoleIncludesTheOnesBeforeIt() {
    assertThat(Role.ADMIN.includes(Role.TRADER)).isTrue();
    assertThat(Role.TRADER.includes(Role.TRADER)).isTrue();
    assertThat(Role.TRADER.includes(Role.ADMIN)).isFalse();
    assertThat(Role.VIEWER.includes(Role.TRADER)).isFalse();
  }

  @Test
  void userNamesAreAsciiLoginNamesNormalizedToLowerCase() {
    assertThat(User.checkName("a.b_c-d@desk1")).isEqualTo("a.b_c-d@desk1");
    assertThat(User.normalizedName("ALICE.Iyer")).isEqualTo("alice.iyer");
    for (String bad : new String[] {"", ".alice", "al ice", "älice", "x".repeat(65)}) {
      assertThatThrownBy(() -> User.checkName(bad)).as(bad).isInstanceOf(ValidationException.class)
          .hasMessageContaining("User.name");
    }
  }

  @Test
  void aPasswordIsCheckedByLengthAndNeverQuoted() {
    assertThatThrownBy(() -> UserRepository.checkPassword("hunter2".toCharArray()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("was 7 characters")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThat(UserRepository.checkPassword("hunter22".toCharArray())).hasSize(8);
  }

  @Test
  void aSessionNeverShowsItsIdAndRejectsBadOnesWithoutQuotingThem() {
    LoginSession s = new LoginSession(ID, "u-1", 1_000, 2_000, Map.of("client", "web"));

    assertThat(s.toString()).doesNotContain(ID).contains("u-1").contains("client=web");
    assertThat(s.isLiveAt(1_999)).isTrue();
    assertThat(s.isLiveAt(2_000)).isFalse();
    assertThatThrownBy(() -> new LoginSession(ID + "=", "u-1", 1_000, 2_000, Map.of()))
        .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain(ID));
    assertThatThrownBy(() -> new LoginSession(ID, "u-1", 2_000, 2_000, Map.of()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("expiresAtMillis");
  }

  @Test
  void conflictsNameWhatConflicts() {
    assertThat(ConflictException.staleVersion("deployment", 2, 3)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("'deployment'").hasMessageContaining("expected at version 2")
        .hasMessageContaining("is at version 3");
    assertThat(ConflictException.staleVersion("deployment", 1, 0)).hasMessageContaining("does not exist");
    assertThat(ConflictException.nameTaken("Alice").field()).isEqualTo("User.name");
  }
}
