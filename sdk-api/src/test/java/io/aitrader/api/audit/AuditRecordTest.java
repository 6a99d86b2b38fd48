package io.aitrader.api.audit;

import static io.aitrader.api.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

  private static Map<String, String> payload() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("instrument", "NSE:RELIANCE");
    m.put("quantity", "10");
    return m;
  }

  @Test
  void sealedRecordHashesItsCanonicalForm() throws Exception {
    AuditRecord r = AuditRecord.seal(1, T0, "mom5m-000042", "order.submitted", payload(), AuditRecord.GENESIS_HASH);

    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(r.canonicalForm().getBytes(StandardCharsets.UTF_8)));
    assertThat(r.hash()).isEqualTo(expected).matches("[0-9a-f]{64}");
    assertThat(r.hasValidHash()).isTrue();
    assertThat(r.canonicalForm()).isEqualTo("1:1;13:" + T0 + ";12:mom5m-000042;15:order.submitted;1:2;"
        + "10:instrument;12:NSE:RELIANCE;8:quantity;2:10;64:" + AuditRecord.GENESIS_HASH + ";");
  }

  @Test
  void chainsToThePreviousHash() {
    AuditRecord first = AuditRecord.seal(1, T0, "c", "a.b", payload(), AuditRecord.GENESIS_HASH);
    AuditRecord second = AuditRecord.seal(2, T0, "c", "a.b", payload(), first.hash());

    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.hash()).isNotEqualTo(first.hash());
  }

  @Test
  void tamperedContentNoLongerMatchesItsHash() {
    AuditRecord r = AuditRecord.seal(1, T0, "c", "order.submitted", payload(), AuditRecord.GENESIS_HASH);
    Map<String, String> changed = payload();
    changed.put("quantity", "100");

    AuditRecord tampered = new AuditRecord(1, T0, "c", "order.submitted", changed, AuditRecord.GENESIS_HASH, r.hash());

    assertThat(tampered.hasValidHash()).isFalse();
  }

  @Test
  void payloadOrderIsPartOfTheHashAndIsKept() {
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("quantity", "10");
    reversed.put("instrument", "NSE:RELIANCE");

    AuditRecord a = AuditRecord.seal(1, T0, "c", "t", payload(), AuditRecord.GENESIS_HASH);
    AuditRecord b = AuditRecord.seal(1, T0, "c", "t", reversed, AuditRecord.GENESIS_HASH);

    assertThat(b.payload().keySet()).containsExactly("quantity", "instrument");
    assertThat(a.hash()).isNotEqualTo(b.hash());
  }

  @Test
  void payloadIsAnUnmodifiableCopy() {
    Map<String, String> m = payload();
    AuditRecord r = AuditRecord.seal(1, T0, "c", "t", m, AuditRecord.GENESIS_HASH);

    m.put("extra", "x");

    assertThat(r.payload()).doesNotContainKey("extra");
    assertThatThrownBy(() -> r.payload().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(r.hasValidHash()).isTrue();
  }

  @Test
  void rejectsBadFieldsNamingThem() {
    assertThatThrownBy(() -> AuditRecord.seal(0, T0, "c", "t", payload(), AuditRecord.GENESIS_HASH))
        .isInstanceOf(ValidationException.class).hasMessage("AuditRecord.sequence must be >= 1, was 0");
    assertThatThrownBy(() -> AuditRecord.seal(1, T0, "c", "t", payload(), "ABC"))
        .hasMessage("AuditRecord.previousHash must be 64 lower-case hex digits (SHA-256), was 'ABC'");
    assertThatThrownBy(() -> new AuditRecord(1, T0, "c", "t", payload(), AuditRecord.GENESIS_HASH, "A".repeat(64)))
        .hasMessageStartingWith("AuditRecord.hash must be 64 lower-case hex digits");
    assertThatThrownBy(() -> AuditRecord.seal(1, T0, " ", "t", payload(), AuditRecord.GENESIS_HASH))
        .hasMessageContaining("AuditRecord.correlationId must not be blank");
    assertThatThrownBy(() -> AuditRecord.seal(1, 0, "c", "t", payload(), AuditRecord.GENESIS_HASH))
        .hasMessage("AuditRecord.timestampMillis must be > 0, was 0");
  }

  @Test
  void verificationNamesTheFirstBadRecord() {
    AuditVerification ok = AuditVerification.valid(10);
    AuditVerification broken = AuditVerification.broken(4, 4, "hash does not match content");

    assertThat(ok.isValid()).isTrue();
    assertThat(ok.firstBadSequence()).isEmpty();
    assertThat(broken.isValid()).isFalse();
    assertThat(broken.firstBadSequence()).hasValue(4);
    assertThat(broken.problem()).contains("hash does not match content");
    assertThatThrownBy(() -> new AuditVerification(1, java.util.OptionalLong.of(1), java.util.Optional.empty()))
        .hasMessageStartingWith("AuditVerification.problem must be present exactly when firstBadSequence is");
  }
}
