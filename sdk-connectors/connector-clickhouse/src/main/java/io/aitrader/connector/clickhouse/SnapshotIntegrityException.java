package io.aitrader.connector.clickhouse;

import io.aitrader.api.AitraderException;

/**
 * A snapshot's stored rows no longer hash to the SHA-256 recorded at export (a row was changed, added or removed
 * behind the SDK's back): the data set is not the one a backtest pinned, and it is not used. The message names the
 * snapshot, both hashes and both row counts.
 */
public class SnapshotIntegrityException extends AitraderException {
  private static final long serialVersionUID = 1L;

  /** An integrity failure described by {@code message}. */
  public SnapshotIntegrityException(String message) {
    super(message);
  }
}
