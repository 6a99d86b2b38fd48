package io.aitrader.groww.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.Secret;
import org.junit.jupiter.api.Test;

class ApprovalChecksumTest {

  @Test
  void isLowerCaseHexSha256OfSecretThenEpochSeconds() {
    // python3: hashlib.sha256(b'my-secret1700000000').hexdigest()
    assertThat(ApprovalChecksum.of(Secret.of("my-secret"), 1_700_000_000L))
        .isEqualTo("6f9475440ddab090878124bd33a79d67be53367133021ac7bc58f0334fcba14d");
  }

  @Test
  void changesWithTheTimestamp() {
    Secret s = Secret.of("my-secret");
    assertThat(ApprovalChecksum.of(s, 1)).isNotEqualTo(ApprovalChecksum.of(s, 2)).hasSize(64);
  }
}
