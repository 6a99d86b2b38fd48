package io.aitrader.groww.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.Secret;
import io.aitrader.api.time.Ist;
import io.aitrader.core.time.ManualTimeSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenManagerTest {
  private static final LocalDate DAY = LocalDate.of(2025, 1, 6);
  private final List<Map<String, Object>> bodies = new ArrayList<>();
  private final TokenMinter minter = (key, body) -> {
    bodies.add(body);
    return Secret.of("token-" + bodies.size());
  };

  private static long at(LocalDate d, int h, int m) {
    return Ist.toEpochMillis(d, LocalTime.of(h, m));
  }

  private TokenManager manager(GrowwCredentials c, ManualTimeSource clock) {
    return new TokenManager(c, minter, clock, Duration.ofMinutes(5));
  }

  @Test
  void mintsOnceAndReusesTheTokenUntilTheMarginBeforeSixIst() {
    ManualTimeSource clock = new ManualTimeSource(at(DAY, 10, 0));
    TokenManager tokens = manager(totp(), clock);

    BearerToken first = tokens.current();
    clock.set(at(DAY.plusDays(1), 5, 54));
    assertThat(tokens.current()).isSameAs(first);
    clock.set(at(DAY.plusDays(1), 5, 55));
    BearerToken second = tokens.current();

    assertThat(bodies).hasSize(2);
    assertThat(first.expiresAtMillis()).isEqualTo(at(DAY.plusDays(1), 6, 0));
    assertThat(second.value().reveal()).isEqualTo("token-2");
  }

  @Test
  void aTokenMintedInsideTheMarginIsUsedUntilItExpires() {
    ManualTimeSource clock = new ManualTimeSource(at(DAY, 5, 58));
    TokenManager tokens = manager(totp(), clock);
    BearerToken t = tokens.current();
    clock.set(at(DAY, 5, 59));
    assertThat(tokens.current()).isSameAs(t);
    clock.set(at(DAY, 6, 0));
    assertThat(tokens.current()).isNotSameAs(t);
    assertThat(bodies).hasSize(2);
  }

  @Test
  void renewsOnceForEveryCallerThatSawTheSameRejectedToken() {
    TokenManager tokens = manager(totp(), new ManualTimeSource(at(DAY, 10, 0)));
    BearerToken rejected = tokens.current();
    BearerToken a = tokens.renewAfterRejection(rejected).orElseThrow();
    BearerToken b = tokens.renewAfterRejection(rejected).orElseThrow();
    assertThat(a).isSameAs(b);
    assertThat(bodies).hasSize(2);
  }

  @Test
  void aPreGeneratedTokenIsUsedAsGivenAndCannotBeRenewed() {
    TokenManager tokens = manager(new GrowwCredentials.AccessToken(Secret.of("given")),
        new ManualTimeSource(at(DAY, 10, 0)));
    BearerToken t = tokens.current();
    assertThat(t.value().reveal()).isEqualTo("given");
    assertThat(tokens.renewAfterRejection(t)).isEmpty();
    assertThat(bodies).isEmpty();
  }

  @Test
  void totpBodyCarriesTheCodeOfTheClockTime() {
    long now = 59_000;
    Map<String, Object> body = TokenManager.mintBody(totp(), now);
    assertThat(body).containsEntry("key_type", "totp").containsEntry("totp", "287082");
  }

  @Test
  void approvalBodyCarriesChecksumAndIntegerSeconds() {
    GrowwCredentials c = new GrowwCredentials.ApiKeySecret(Secret.of("k"), Secret.of("my-secret"));
    Map<String, Object> body = TokenManager.mintBody(c, 1_700_000_000_999L);
    assertThat(body).containsEntry("key_type", "approval").containsEntry("timestamp", 1_700_000_000L)
        .containsEntry("checksum", "6f9475440ddab090878124bd33a79d67be53367133021ac7bc58f0334fcba14d");
  }

  @Test
  void nextExpiryIsTheFirstSixOClockIstAfter() {
    assertThat(TokenManager.nextExpiryMillis(at(DAY, 5, 59))).isEqualTo(at(DAY, 6, 0));
    assertThat(TokenManager.nextExpiryMillis(at(DAY, 6, 0))).isEqualTo(at(DAY.plusDays(1), 6, 0));
    assertThat(TokenManager.nextExpiryMillis(at(DAY, 23, 59))).isEqualTo(at(DAY.plusDays(1), 6, 0));
  }

  @Test
  void tokensNeverPrintTheirValue() {
    BearerToken t = manager(totp(), new ManualTimeSource(at(DAY, 10, 0))).current();
    assertThat(t.toString()).doesNotContain("token-1");
  }

  private static GrowwCredentials totp() {
    return new GrowwCredentials.ApiKeyTotp(Secret.of("api-key"), Secret.of("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
  }
}
