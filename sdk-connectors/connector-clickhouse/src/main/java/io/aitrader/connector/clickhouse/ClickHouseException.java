package io.aitrader.connector.clickhouse;

import io.aitrader.api.AitraderException;

/**
 * A ClickHouse request failed: the server answered with an error (its {@code Code: NN, ...} text is in the
 * message, with the HTTP status), or it could not be reached. {@link #isRetryable()} tells a transport failure
 * (worth retrying) from an error the server reported about the statement.
 */
public class ClickHouseException extends AitraderException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  /** An error the server reported with HTTP status {@code httpStatus}. */
  public ClickHouseException(String message, int httpStatus) {
    super(message);
    this.httpStatus = httpStatus;
  }

  /** The server could not be reached or the exchange broke off. */
  public ClickHouseException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = 0;
  }

  /** The HTTP status of the server's answer, 0 when there was none. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the failure was in the transport (no answer), so a retry may succeed. */
  public boolean isRetryable() {
    return httpStatus == 0;
  }
}
