package io.aitrader.core.audit;

import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks a hash chain fed one packet at a time, in storage order, and says in plain words what broke it first:
 * a packet changed (its hash does not match its content), removed (a gap in the sequence), inserted (a packet that
 * does not link, a copy, or two packets that follow the same one) or reordered (a later packet stands where an
 * earlier one should be), and, with checkpoints, the end cut off or the chain rewritten.
 *
 * <p>To tell a removal from a reordering it looks ahead up to {@value #LOOKAHEAD} packets after a gap. Feed it with
 * {@link #accept} and {@link #unreadable} while they return true, then call {@link #finish()}. Not thread-safe.
 */
final class ChainVerifier {
  static final int LOOKAHEAD = 4096;

  private enum Pending { NONE, GAP, UNLINKED }

  private final Map<Long, Checkpoints.Checkpoint> checkpoints = new HashMap<>();
  private final Checkpoints allCheckpoints;

  private long expected = 1;
  private String lastHash = AuditRecord.GENESIS_HASH;
  private String beforeLastHash = "";
  private String lastFile = "";
  private long lastLine;
  private long lastCheckpointSeq;
  private long checked;
  private int checkpointsChecked;

  private @Nullable AuditVerification verdict;
  private String badFile = "";
  private long badLine;

  private Pending pending = Pending.NONE;
  private long oddSeq;
  private String oddPrev = "";
  private String oddFile = "";
  private long oddLine;
  private long checkedAtOdd;
  private boolean foundExpected;
  private String expectedFile = "";
  private long expectedLine;
  private boolean foundLink;
  private int window;

  /** A verifier that also compares the chain with {@code checkpoints}. */
  ChainVerifier(Checkpoints checkpoints) {
    this.allCheckpoints = checkpoints;
    for (Checkpoints.Checkpoint c : checkpoints.all()) {
      this.checkpoints.put(c.sequence(), c);
    }
  }

  /** A verifier without checkpoints (an in-memory log). */
  ChainVerifier() {
    this(Checkpoints.NONE);
  }

  /**
   * Feeds the next packet, read from {@code line} of {@code file} (an empty file name: an in-memory position).
   * Returns whether to go on feeding.
   */
  boolean accept(AuditRecord r, String file, long line) {
    if (verdict != null) {
      return false;
    }
    if (pending != Pending.NONE) {
      lookAhead(r, file, line);
      return verdict == null;
    }
    checked++;
    long s = r.sequence();
    long e = expected;
    if (!r.hasValidHash()) {
      String which = s == e ? "packet #" + s + " (" + where(file, line) + ")"
          : "the packet at " + where(file, line) + " (numbered #" + s + " where #" + e + " should be)";
      breakAt(e, file, line, which + " was changed: its hash does not match its content");
    } else if (s == e) {
      if (r.previousHash().equals(lastHash)) {
        linked(r, file, line);
      } else {
        startPending(Pending.UNLINKED, r, file, line);
      }
    } else if (s > e) {
      startPending(Pending.GAP, r, file, line);
    } else if (r.hash().equals(lastHash)) {
      breakAt(e, file, line, "a packet was inserted at " + where(file, line) + ": it is a copy of #" + (e - 1)
          + " (" + where(lastFile, lastLine) + ")");
    } else if (s == e - 1 && r.previousHash().equals(beforeLastHash)) {
      String parent = s == 1 ? "both start the chain" : "both follow #" + (s - 1);
      breakAt(s, lastFile, lastLine, "a packet was inserted at " + where(lastFile, lastLine) + ": two packets are"
          + " numbered #" + s + " and " + parent + " (" + where(lastFile, lastLine) + " and " + where(file, line)
          + ")");
    } else {
      breakAt(e, file, line, "packets are out of order at " + where(file, line) + ": #" + (e - 1) + " comes before #"
          + s);
    }
    return verdict == null;
  }

  /** Feeds a line that is not a packet. Returns whether to go on feeding. */
  boolean unreadable(String file, long line, String reason) {
    if (verdict != null) {
      return false;
    }
    if (pending != Pending.NONE) {
      if (++window >= LOOKAHEAD) {
        resolve();
      }
      return verdict == null;
    }
    breakAt(expected, file, line, "line " + line + " of " + file + " is not a packet (" + reason + ")");
    return false;
  }

  /** Ends the feed: settles a pending break and compares the end with the checkpoints. */
  AuditVerification finish() {
    if (verdict == null && pending != Pending.NONE) {
      resolve();
    }
    if (verdict == null) {
      checkEnd();
    }
    return verdict != null ? verdict : AuditVerification.valid(checked);
  }

  /** Where the first bad packet (or the checkpoint that shows it) is, when there is one. */
  Optional<AuditLocation> location() {
    return verdict == null || badFile.isEmpty() ? Optional.empty() : Optional.of(new AuditLocation(badFile, badLine));
  }

  /** Checkpoints whose packet was reached and matched. */
  int checkpointsChecked() {
    return checkpointsChecked;
  }

  private void linked(AuditRecord r, String file, long line) {
    beforeLastHash = lastHash;
    lastHash = r.hash();
    lastFile = file;
    lastLine = line;
    expected++;
    Checkpoints.Checkpoint c = checkpoints.get(r.sequence());
    if (c == null) {
      return;
    }
    String cp = Segments.CHECKPOINTS_FILE + " line " + c.line();
    if (c.forged()) {
      breakAt(c.sequence(), Segments.CHECKPOINTS_FILE, c.line(), forged(c));
    } else if (!c.hash().equals(r.hash())) {
      breakAt(lastCheckpointSeq + 1, Segments.CHECKPOINTS_FILE, c.line(), "packets after #" + lastCheckpointSeq
          + " were rewritten and their hashes recomputed: #" + r.sequence() + " (" + where(file, line)
          + ") does not have the hash that checkpoint (" + cp + ") recorded"
          + (c.signed() ? "" : " (or that checkpoint, which is not signed, was edited)"));
    } else {
      checkpointsChecked++;
      lastCheckpointSeq = c.sequence();
    }
  }

  private static String forged(Checkpoints.Checkpoint c) {
    return "checkpoint for #" + c.sequence() + " (" + Segments.CHECKPOINTS_FILE + " line " + c.line() + ") is forged: "
        + (c.mac().isEmpty() ? "it carries no MAC"
            : "its MAC does not match (a wrong key, or the checkpoint was edited)");
  }

  private void startPending(Pending kind, AuditRecord r, String file, long line) {
    pending = kind;
    oddSeq = r.sequence();
    oddPrev = r.previousHash();
    oddFile = file;
    oddLine = line;
    checkedAtOdd = checked;
    foundExpected = false;
    foundLink = false;
    window = 0;
  }

  private void lookAhead(AuditRecord n, String file, long line) {
    window++;
    if (pending == Pending.UNLINKED) {
      if (n.sequence() == oddSeq) {
        breakAt(oddSeq, oddFile, oddLine, "a packet was inserted at " + where(oddFile, oddLine) + ": #" + oddSeq
            + " there " + notLinked(oddSeq) + " and another #" + oddSeq + " follows it at " + where(file, line));
      } else {
        resolve();
      }
      return;
    }
    if (!foundExpected && n.sequence() == expected) {
      foundExpected = true;
      expectedFile = file;
      expectedLine = line;
    }
    if (n.sequence() == oddSeq - 1 && n.hash().equals(oddPrev)) {
      foundLink = true;
    }
    if (foundExpected && foundLink || window >= LOOKAHEAD) {
      resolve();
    }
  }

  private void resolve() {
    long e = expected;
    String odd = where(oddFile, oddLine);
    checked = checkedAtOdd;
    if (pending == Pending.UNLINKED) {
      breakAt(e, oddFile, oddLine, "a packet was inserted at " + odd + ", or the packet before it was changed and its"
          + " hash recomputed: #" + oddSeq + " " + notLinked(oddSeq));
    } else if (!foundExpected) {
      String missing = oddSeq - e == 1 ? "packet #" + e + " is missing" : "packets #" + e + " to #" + (oddSeq - 1)
          + " are missing";
      String context = e == 1 ? "the log starts with #" + oddSeq + " at " + odd
          : "#" + oddSeq + " follows #" + (e - 1) + " at " + odd;
      breakAt(e, oddFile, oddLine, missing + ": " + context);
    } else if (foundLink) {
      breakAt(e, oddFile, oddLine, "packets are out of order at " + odd + ": #" + oddSeq + " comes before #" + e
          + " (" + where(expectedFile, expectedLine) + ")");
    } else {
      breakAt(e, oddFile, oddLine, "a packet was inserted at " + odd + ": #" + oddSeq + " stands where #" + e
          + " should be and links to no packet of the log (#" + e + " follows at " + where(expectedFile, expectedLine)
          + ")");
    }
    pending = Pending.NONE;
  }

  private void checkEnd() {
    long last = expected - 1;
    for (Checkpoints.Checkpoint c : allCheckpoints.all()) {
      if (c.sequence() > last && c.forged()) {
        breakAt(c.sequence(), Segments.CHECKPOINTS_FILE, c.line(), forged(c));
        return;
      }
    }
    long promised = allCheckpoints.lastSequence();
    if (promised > last) {
      Checkpoints.Checkpoint c = allCheckpoints.all().get(allCheckpoints.all().size() - 1);
      String cut = last == 0 ? "all packets were removed" : "packets after #" + last + " were removed";
      breakAt(last + 1, Segments.CHECKPOINTS_FILE, c.line(), cut + ": checkpoint says #" + promised + " ("
          + Segments.CHECKPOINTS_FILE + " line " + c.line() + ") but the log ends at #" + last);
      return;
    }
    if (allCheckpoints.badLine().isPresent()) {
      long at = Math.min(allCheckpoints.sequenceBeforeBadLine() + 1, last + 1);
      breakAt(Math.max(at, 1), Segments.CHECKPOINTS_FILE, allCheckpoints.badLineNumber(), "line "
          + allCheckpoints.badLineNumber() + " of " + Segments.CHECKPOINTS_FILE + " is not a checkpoint ("
          + allCheckpoints.badLine().get() + ")");
    }
  }

  private static String notLinked(long seq) {
    return seq == 1 ? "does not start the chain (its previous hash is not the genesis hash)"
        : "does not follow #" + (seq - 1) + " (its previous hash is not #" + (seq - 1) + "'s hash)";
  }

  private void breakAt(long sequence, String file, long line, String problem) {
    verdict = AuditVerification.broken(checked, sequence, problem);
    badFile = file;
    badLine = line;
  }

  static String where(String file, long line) {
    return file.isEmpty() ? "position " + line : file + " line " + line;
  }
}
