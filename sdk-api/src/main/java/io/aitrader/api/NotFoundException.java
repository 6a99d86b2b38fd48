package io.aitrader.api;

/** Something looked up by a key that must exist does not (an instrument, an order, a model). */
public class NotFoundException extends AitraderException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
