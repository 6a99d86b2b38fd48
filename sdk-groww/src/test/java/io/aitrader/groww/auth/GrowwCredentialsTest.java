package io.aitrader.groww.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowwCredentialsTest {

  @Test
  void apiKeyWithTotpSecretMintsTokens() {
    GrowwCredentials c = GrowwCredentials.from(Map.of("GROWW_API_KEY", "key-123", "GROWW_TOTP_SECRET", "JBSWY3DP"),
        Optional.empty());
    assertThat(c).isInstanceOf(GrowwCredentials.ApiKeyTotp.class);
    assertThat(c.canMint()).isTrue();
  }

  @Test
  void apiKeyWithSecretIsPreferredOverAPreGeneratedToken() {
    GrowwCredentials c = GrowwCredentials.from(Map.of("GROWW_API_KEY", "key-123", "GROWW_API_SECRET", "s3cr3t",
        "GROWW_ACCESS_TOKEN", "tok"), Optional.empty());
    assertThat(c).isInstanceOf(GrowwCredentials.ApiKeySecret.class);
  }

  @Test
  void accessTokenAloneCannotMint() {
    GrowwCredentials c = GrowwCredentials.from(Map.of("GROWW_ACCESS_TOKEN", "eyJ-token"), Optional.empty());
    assertThat(c).isInstanceOf(GrowwCredentials.AccessToken.class);
    assertThat(c.canMint()).isFalse();
    assertThat(c.whatToCheck()).contains("GROWW_ACCESS_TOKEN", "06:00 IST");
  }

  @Test
  void readsTheSecretsFileWhenTheEnvironmentHasNothing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("groww.properties");
    Files.writeString(file, "GROWW_API_KEY=file-key\nGROWW_TOTP_SECRET=JBSWY3DP\n");
    GrowwCredentials c = GrowwCredentials.from(Map.of(), Optional.of(file));
    assertThat(((GrowwCredentials.ApiKeyTotp) c).apiKey().reveal()).isEqualTo("file-key");
  }

  @Test
  void failsSayingWhatToSetWhenNothingIsSet() {
    assertThatThrownBy(() -> GrowwCredentials.from(Map.of(), Optional.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("GROWW_ACCESS_TOKEN").hasMessageContaining("GROWW_API_KEY")
        .hasMessageContaining("GROWW_TOTP_SECRET").hasMessageContaining("GROWW_API_SECRET");
  }

  @Test
  void refusesBothTotpAndSecretWithoutShowingThem() {
    assertThatThrownBy(() -> GrowwCredentials.from(Map.of("GROWW_API_KEY", "key-123", "GROWW_TOTP_SECRET",
        "TOTPVALUE", "GROWW_API_SECRET", "SECRETVALUE"), Optional.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("only one")
        .hasMessageNotContaining("TOTPVALUE").hasMessageNotContaining("SECRETVALUE")
        .hasMessageNotContaining("key-123");
  }

  @Test
  void apiKeyAloneIsIncomplete() {
    assertThatThrownBy(() -> GrowwCredentials.from(Map.of("GROWW_API_KEY", "key-123"), Optional.empty()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("GROWW_TOTP_SECRET")
        .hasMessageNotContaining("key-123");
  }

  @Test
  void toStringNeverShowsAValue() {
    GrowwCredentials totp = GrowwCredentials.from(Map.of("GROWW_API_KEY", "KEYVALUE", "GROWW_TOTP_SECRET",
        "TOTPVALUE"), Optional.empty());
    GrowwCredentials token = GrowwCredentials.from(Map.of("GROWW_ACCESS_TOKEN", "TOKENVALUE"), Optional.empty());
    assertThat(totp.toString()).contains("GROWW_API_KEY").doesNotContain("KEYVALUE").doesNotContain("TOTPVALUE");
    assertThat(token.toString()).doesNotContain("TOKENVALUE");
  }
}
