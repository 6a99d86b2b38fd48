package io.aitrader.core.audit;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.audit.AuditVerification;
import java.util.List;
import java.util.Optional;

/**
 * What {@link AuditFiles#verify} found in an audit log directory: the chain's {@link AuditVerification}, where the
 * first bad packet is, and notes that are not breaks (a torn tail a crash left, a missing checkpoints file, MACs
 * that were not checked for want of a key).
 *
 * <pre>{@code
 * AuditFileCheck c = AuditFiles.verify(dir, Optional.empty());
 * System.out.println(c.summary());
 * System.exit(c.isValid() ? 0 : 1);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param verification       the chain's verdict: valid, or the first bad sequence and what happened to it
 * @param location           the segment line of the first bad packet (or the checkpoints line that shows it),
 *                           empty when valid
 * @param notes              observations that do not break the chain, in the order found
 * @param packets            packet lines in the segments (a torn tail not counted)
 * @param segments           segment files read
 * @param checkpointsChecked checkpoints whose packet was reached and whose hash (and MAC, with a key) matched
 */
public record AuditFileCheck(AuditVerification verification, Optional<AuditLocation> location, List<String> notes,
    long packets, int segments, int checkpointsChecked) {

  /** Validates every component; see the type's rules. */
  public AuditFileCheck {
    required(verification, "AuditFileCheck.verification");
    required(location, "AuditFileCheck.location");
    notes = List.copyOf(required(notes, "AuditFileCheck.notes"));
    check(packets >= 0, "AuditFileCheck.packets", "must be >= 0", packets);
    check(segments >= 0, "AuditFileCheck.segments", "must be >= 0", segments);
    check(checkpointsChecked >= 0, "AuditFileCheck.checkpointsChecked", "must be >= 0", checkpointsChecked);
  }

  /** Whether the chain is unbroken (notes may still be present). */
  public boolean isValid() {
    return verification.isValid();
  }

  /** A few lines for a person: the verdict, the counts, then each note. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    if (isValid()) {
      b.append("OK: ").append(packets).append(packets == 1 ? " packet" : " packets").append(" in ").append(segments)
          .append(segments == 1 ? " segment" : " segments").append(", the hash chain is unbroken; ")
          .append(checkpointsChecked).append(checkpointsChecked == 1 ? " checkpoint" : " checkpoints")
          .append(" matched");
    } else {
      b.append("BROKEN at #").append(verification.firstBadSequence().getAsLong()).append(": ")
          .append(verification.problem().orElseThrow());
      b.append("\n(").append(verification.recordsChecked()).append(" of ").append(packets)
          .append(" packets checked, ").append(segments).append(segments == 1 ? " segment" : " segments").append(')');
    }
    for (String n : notes) {
      b.append("\nnote: ").append(n);
    }
    return b.toString();
  }
}
