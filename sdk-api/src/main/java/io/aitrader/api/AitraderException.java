package io.aitrader.api;

/**
 * Root of every exception the SDK throws on purpose. Unchecked; the message says what happened and what to do.
 *
 * <p>Subclasses: {@link ValidationException} (a bad value), {@link ConfigurationException} (bad settings, all
 * problems listed at once), {@link NotFoundException}, and the broker family ({@link BrokerException},
 * {@link RateLimitedException}, {@link OrderRejectedException}).
 */
public class AitraderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AitraderException(String message) {
    super(message);
  }

  public AitraderException(String message, Throwable cause) {
    super(message, cause);
  }

  /** For cheap, high-rate rejections: no stack trace is captured. */
  protected AitraderException(String message, boolean writableStackTrace) {
    super(message, null, false, writableStackTrace);
  }
}
