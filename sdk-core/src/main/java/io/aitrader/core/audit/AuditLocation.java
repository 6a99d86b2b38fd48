package io.aitrader.core.audit;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;

/**
 * A line of a file of an audit log directory: where {@link AuditFiles#verify} found the first bad packet (a
 * segment such as {@code audit-00000001.jsonl}) or the checkpoint that shows it ({@code checkpoints.jsonl}).
 * Immutable.
 *
 * @param file the file name, without the directory
 * @param line the line number, from 1
 */
public record AuditLocation(String file, long line) {

  /** Validates every component. */
  public AuditLocation {
    requireText(file, "AuditLocation.file");
    check(line >= 1, "AuditLocation.line", "must be >= 1", line);
  }

  /** {@code audit-00000001.jsonl line 42}. */
  @Override
  public String toString() {
    return file + " line " + line;
  }
}
