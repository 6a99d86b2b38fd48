package io.aitrader.core.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.users.LoginSession;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionIdsTest {
  @Test
  void anIdIs256RandomBitsInBase64UrlAndWellFormed() {
    String id = SessionIds.newId();

    assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32);
    assertThat(LoginSession.isWellFormedId(id)).isTrue();
    assertThat(SessionIds.newId()).isNotEqualTo(id);
  }

  @Test
  void theFingerprintIsAStableSha256ThatDoesNotContainTheId() {
    String id = SessionIds.newId();

    assertThat(SessionIds.fingerprint(id)).isEqualTo(SessionIds.fingerprint(id)).hasSize(43).doesNotContain(id)
        .isNotEqualTo(SessionIds.fingerprint(SessionIds.newId()));
    // SHA-256("abc")
    assertThat(SessionIds.fingerprint("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  }
}
