package io.aitrader.api.instrument;

import io.aitrader.api.ValidationException;
import java.util.Locale;

/** An Indian exchange, named as on the Groww wire. */
public enum Exchange {
  NSE,
  BSE,
  MCX;

  /** The exchange named {@code name} (case-insensitive), or a clear error listing the valid names. */
  public static Exchange parse(String name) {
    ValidationException.requireText(name, "exchange");
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("exchange", "exchange must be one of NSE, BSE, MCX, was '" + name + "'");
    }
  }

  /** The lower-case name used in topic names, e.g. {@code market.ticks.nse}. */
  public String topicName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
