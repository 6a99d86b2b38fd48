package io.aitrader.core.audit;

import static io.aitrader.core.audit.AuditDirs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PacketCodecTest {

  private static AuditRecord decode(byte[] line) throws PacketCodec.NotAPacketException {
    int len = line[line.length - 1] == '\n' ? line.length - 1 : line.length;
    return PacketCodec.decode(Arrays.copyOf(line, len), len);
  }

  @Property(tries = 300)
  void anyTextRoundTripsThroughALineAndKeepsItsHash(@ForAll @StringLength(max = 40) String key,
      @ForAll @StringLength(max = 40) String value, @ForAll @StringLength(min = 1, max = 20) String corr)
      throws Exception {
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("k" + key, value);
    payload.put("a", value + key);
    AuditRecord r = AuditRecord.seal(7, T0, "c" + corr, "t", payload, AuditRecord.GENESIS_HASH);

    byte[] line = new PacketCodec().encode(r);

    assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
    assertThat(Arrays.copyOf(line, line.length - 1)).doesNotContain((byte) '\n');
    AuditRecord back = decode(line);
    assertThat(back).isEqualTo(r);
    assertThat(back.hasValidHash()).isTrue();
    assertThat(PacketCodec.quickSequence(line, line.length - 1)).isEqualTo(7);
  }

  @Test
  void aLoneSurrogateIsEscapedAndReadBackUnchanged() throws Exception {
    AuditRecord r = AuditRecord.seal(1, T0, "c", "t", Map.of("s", "x\uD800y"), AuditRecord.GENESIS_HASH);

    byte[] line = new PacketCodec().encode(r);

    assertThat(new String(line, StandardCharsets.UTF_8)).contains("x\\ud800y");
    assertThat(decode(line)).isEqualTo(r);
  }

  @Test
  void linesThatAreNotPacketsSayWhy() {
    assertThatThrownBy(() -> decode("[1,2]".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("it is not a JSON object");
    assertThatThrownBy(() -> decode("{\"seq\":1}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("a field is missing");
    assertThatThrownBy(() -> decode("{\"seq\":1,\"extra\":2}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("unexpected field \"extra\"");
    assertThatThrownBy(() -> decode(("{\"seq\":1,\"ts\":5,\"corr\":\"c\",\"type\":\"t\",\"payload\":{\"a\":\"1\","
        + "\"a\":\"2\"},\"prev\":\"" + "0".repeat(64) + "\",\"hash\":\"" + "0".repeat(64) + "\"}")
        .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> decode(("{\"seq\":1,\"ts\":5,\"corr\":\"c\",\"type\":\"t\",\"payload\":{},"
        + "\"prev\":\"xyz\",\"hash\":\"" + "0".repeat(64) + "\"}").getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("AuditRecord.previousHash must be 64 lower-case hex digits");
  }

  @Test
  void quickSequenceRefusesWhatItCannotReadSafely() {
    assertThat(PacketCodec.quickSequence("{\"seq\":12,".getBytes(StandardCharsets.UTF_8), 10)).isEqualTo(12);
    assertThat(PacketCodec.quickSequence("{\"seq\":12}".getBytes(StandardCharsets.UTF_8), 10)).isEqualTo(-1);
    assertThat(PacketCodec.quickSequence("{ \"seq\":12,".getBytes(StandardCharsets.UTF_8), 11)).isEqualTo(-1);
    assertThat(PacketCodec.quickSequence("{\"seq\":,".getBytes(StandardCharsets.UTF_8), 8)).isEqualTo(-1);
  }
}
