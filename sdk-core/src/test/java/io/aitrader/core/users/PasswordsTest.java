package io.aitrader.core.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  private static final Passwords FAST = Passwords.withIterations(Passwords.MIN_ITERATIONS);

  @Test
  void theDefaultIsPbkdf2Sha256With210000IterationsInTheSelfDescribingForm() {
    String stored = Passwords.defaults().hash("correct horse".toCharArray());

    String[] parts = stored.split("\\$");
    assertThat(parts).hasSize(4);
    assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
    assertThat(parts[1]).isEqualTo("210000");
    assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
    assertThat(Passwords.defaults().verify("correct horse".toCharArray(), stored)).isTrue();
  }

  @Test
  void eachHashHasItsOwnSaltAndVerifiesOnlyItsPassword() {
    String a = FAST.hash("same password".toCharArray());
    String b = FAST.hash("same password".toCharArray());

    assertThat(a).isNotEqualTo(b).doesNotContain("same password");
    assertThat(FAST.verify("same password".toCharArray(), a)).isTrue();
    assertThat(FAST.verify("same passworD".toCharArray(), a)).isFalse();
    assertThat(FAST.verify(new char[0], a)).isFalse();
  }

  @Test
  void aHashVerifiesWithTheIterationsItNamesWhateverTheInstanceUses() {
    String stored = FAST.hash("päss wörd ₹".toCharArray());
    Passwords stronger = Passwords.withIterations(2_000);

    assertThat(stronger.verify("päss wörd ₹".toCharArray(), stored)).isTrue();
    assertThat(stronger.needsRehash(stored)).isTrue();
    assertThat(FAST.needsRehash(stored)).isFalse();
  }

  @Test
  void theKnownPbkdf2VectorIsReproduced() {
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, dkLen=64 (first 32 bytes)
    String stored = "pbkdf2-sha256$1$" + Base64.getEncoder().withoutPadding().encodeToString("salt".getBytes())
        + "$" + Base64.getEncoder().withoutPadding().encodeToString(hex(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));

    assertThat(FAST.verify("passwd".toCharArray(), stored)).isTrue();
  }

  @Test
  void aMalformedStoredHashFailsWithoutQuotingIt() {
    assertThatThrownBy(() -> FAST.verify("password".toCharArray(), "md5$abc-secret-hash"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("pbkdf2-sha256$<iterations>")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abc-secret-hash"));
    assertThatThrownBy(() -> FAST.verify("password".toCharArray(), "pbkdf2-sha256$x$y$z"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesShortPasswordsAndTooFewIterationsWithoutQuotingThePassword() {
    assertThatThrownBy(() -> FAST.hash("abc".toCharArray())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("3 characters").satisfies(e -> assertThat(e.getMessage()).doesNotContain("abc"));
    assertThatThrownBy(() -> Passwords.withIterations(999)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("Passwords.iterations");
    assertThat(Passwords.withIterations(Passwords.DEFAULT_ITERATIONS)).isSameAs(Passwords.defaults());
  }

  @Test
  void verifyingNothingAnswersFalse() {
    assertThat(FAST.verifyNothing("anything at all".toCharArray())).isFalse();
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
