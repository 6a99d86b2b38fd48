package io.aitrader.core.audit;

import io.aitrader.api.AitraderException;

/**
 * A packet that had to be recorded durably (an order's intent) could not be: the queue stayed full, the log failed
 * or did not confirm in time. The message says which. With the default fail-closed policy the order is refused.
 */
public class AuditUnavailableException extends AitraderException {
  private static final long serialVersionUID = 1L;

  public AuditUnavailableException(String message) {
    super(message);
  }

  public AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
