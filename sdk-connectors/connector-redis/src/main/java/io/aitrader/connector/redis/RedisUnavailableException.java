package io.aitrader.connector.redis;

import io.aitrader.api.AitraderException;

/**
 * Redis could not be reached or refused a command (connection lost, timeout, authentication failed). Thrown by
 * every type of this connector instead of Redisson's own exceptions; the message names the operation and never
 * contains the password.
 */
public class RedisUnavailableException extends AitraderException {
  private static final long serialVersionUID = 1L;

  public RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
