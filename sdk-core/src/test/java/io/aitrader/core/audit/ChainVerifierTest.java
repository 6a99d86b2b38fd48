package io.aitrader.core.audit;

import static io.aitrader.core.audit.AuditDirs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verifier fed in memory: positions instead of file lines, and the cases files make awkward. */
class ChainVerifierTest {

  private static List<AuditRecord> chain(int n) {
    List<AuditRecord> out = new ArrayList<>();
    String prev = AuditRecord.GENESIS_HASH;
    for (int i = 1; i <= n; i++) {
      AuditRecord r = AuditRecord.seal(i, T0 + i, "c-" + i, "t", Map.of("i", Integer.toString(i)), prev);
      out.add(r);
      prev = r.hash();
    }
    return out;
  }

  private static AuditVerification feed(List<AuditRecord> records) {
    ChainVerifier v = new ChainVerifier();
    for (int i = 0; i < records.size() && v.accept(records.get(i), "", i + 1L); i++) {
      // accept does the work
    }
    return v.finish();
  }

  @Test
  void aChangedPacketInMemoryIsNamedByItsPosition() {
    List<AuditRecord> records = chain(5);
    AuditRecord r = records.get(2);
    records.set(2, new AuditRecord(3, r.timestampMillis(), "someone else", r.type(), r.payload(), r.previousHash(),
        r.hash()));

    AuditVerification v = feed(records);

    assertThat(v).isEqualTo(AuditVerification.broken(3, 3,
        "packet #3 (position 3) was changed: its hash does not match its content"));
  }

  @Test
  void twoPacketsNumberedOneAreAFork() {
    List<AuditRecord> records = chain(3);
    records.add(1, AuditRecord.seal(1, T0, "forger", "t", Map.of(), AuditRecord.GENESIS_HASH));

    AuditVerification v = feed(records);

    assertThat(v.firstBadSequence()).hasValue(1);
    assertThat(v.problem()).hasValue("a packet was inserted at position 1: two packets are numbered #1 and both start"
        + " the chain (position 1 and position 2)");
  }

  @Test
  void aLastPacketThatDoesNotLinkIsNamedAsInsertedOrResealed() {
    List<AuditRecord> records = chain(4);
    records.set(3, AuditRecord.seal(4, T0, "forger", "t", Map.of(), "d".repeat(64)));

    AuditVerification v = feed(records);

    assertThat(v.firstBadSequence()).hasValue(4);
    assertThat(v.problem()).hasValue("a packet was inserted at position 4, or the packet before it was changed and its"
        + " hash recomputed: #4 does not follow #3 (its previous hash is not #3's hash)");
  }

  @Test
  void aPacketMovedBeyondTheLookAheadIsStillABreakAtItsPlace() {
    int n = ChainVerifier.LOOKAHEAD + 20;
    List<AuditRecord> records = chain(n);
    AuditRecord moved = records.remove(9);
    records.add(moved);

    AuditVerification v = feed(records);

    assertThat(v.firstBadSequence()).hasValue(10);
    assertThat(v.recordsChecked()).isEqualTo(10);
    assertThat(v.problem()).hasValue("packet #10 is missing: #11 follows #9 at position 10");
  }

  @Test
  void aPacketFromFarBackIsOutOfOrder() {
    List<AuditRecord> records = chain(10);
    records.add(records.get(2));

    AuditVerification v = feed(records);

    assertThat(v.firstBadSequence()).hasValue(11);
    assertThat(v.problem()).hasValue("packets are out of order at position 11: #10 comes before #3");
  }

  @Test
  void anIntactChainIsValid() {
    assertThat(feed(chain(50))).isEqualTo(AuditVerification.valid(50));
    assertThat(feed(List.of())).isEqualTo(AuditVerification.valid(0));
  }
}
