package io.aitrader.api.audit;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of {@link AuditLog#verify()}: how many records were checked and, when the chain is broken, the
 * first bad record and what is wrong with it (a wrong hash, a previous hash that does not match, a gap in the
 * sequence).
 *
 * <pre>{@code
 * AuditVerification v = auditLog.verify();
 * if (!v.isValid()) {
 *   alert("audit log broken at #" + v.firstBadSequence().getAsLong() + ": " + v.problem().orElseThrow());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param recordsChecked   records read, up to and including the first bad one
 * @param firstBadSequence the sequence of the first bad record, empty when all are good
 * @param problem          what is wrong with it, empty when all are good
 */
public record AuditVerification(long recordsChecked, OptionalLong firstBadSequence, Optional<String> problem) {

  /** Validates every component; see the type's rules. */
  public AuditVerification {
    check(recordsChecked >= 0, "AuditVerification.recordsChecked", "must be >= 0", recordsChecked);
    required(firstBadSequence, "AuditVerification.firstBadSequence");
    required(problem, "AuditVerification.problem");
    check(firstBadSequence.isPresent() == problem.isPresent(), "AuditVerification.problem",
        "must be present exactly when firstBadSequence is", problem.orElse("empty"));
  }

  /** Every one of {@code recordsChecked} records is good. */
  public static AuditVerification valid(long recordsChecked) {
    return new AuditVerification(recordsChecked, OptionalLong.empty(), Optional.empty());
  }

  /** The chain breaks at {@code sequence} because of {@code problem}. */
  public static AuditVerification broken(long recordsChecked, long sequence, String problem) {
    return new AuditVerification(recordsChecked, OptionalLong.of(sequence), Optional.of(problem));
  }

  /** Whether every record checked is good. */
  public boolean isValid() {
    return firstBadSequence.isEmpty();
  }
}
