package io.aitrader.connector.kafka.codec;

import io.aitrader.api.AitraderException;

/**
 * A record value could not be read: it belongs to another schema, to a newer version of this one than the
 * consumer understands, names an instrument the repository does not know, or is truncated. The message says which.
 */
public final class CodecException extends AitraderException {
  private static final long serialVersionUID = 1L;

  public CodecException(String message) {
    super(message);
  }

  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
