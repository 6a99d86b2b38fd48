package io.aitrader.groww.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Secret;
import io.aitrader.api.ValidationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {
  private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final String RFC_KEY_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @ParameterizedTest
  @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
      "2000000000, 69279037", "20000000000, 65353130"})
  void matchesTheRfc6238Sha1Vectors(long epochSeconds, String expected) {
    assertThat(Totp.code(RFC_KEY, epochSeconds / 30, 8, "HmacSHA1")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"59, 287082", "1111111109, 081804", "1234567890, 005924", "20000000000, 353130"})
  void givesSixDigitCodesFromABase32Secret(long epochSeconds, String expected) {
    assertThat(Totp.code(Secret.of(RFC_KEY_BASE32), epochSeconds * 1000)).isEqualTo(expected);
  }

  @Test
  void acceptsLowerCaseSpacedAndPaddedSecrets() {
    String messy = "gezd gnbv gy3t qojq gezd gnbv gy3t qojq====";
    assertThat(Totp.code(Secret.of(messy), 59_000)).isEqualTo("287082");
  }

  @Test
  void sameCodeWithinOneThirtySecondStep() {
    Secret s = Secret.of(RFC_KEY_BASE32);
    assertThat(Totp.code(s, 60_000)).isEqualTo(Totp.code(s, 89_999)).isNotEqualTo(Totp.code(s, 90_000));
  }

  @Test
  void rejectsANonBase32SecretWithoutQuotingIt() {
    assertThatThrownBy(() -> Totp.code(Secret.of("NOT-BASE32-!!-SECRETVALUE"), 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("base32")
        .hasMessageNotContaining("SECRETVALUE");
  }
}
