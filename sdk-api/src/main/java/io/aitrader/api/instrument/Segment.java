package io.aitrader.api.instrument;

import io.aitrader.api.ValidationException;
import java.util.Locale;

/** A market segment, named as on the Groww wire: cash equity, futures and options, commodity. */
public enum Segment {
  CASH,
  FNO,
  COMMODITY;

  public static Segment parse(String name) {
    ValidationException.requireText(name, "segment");
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("segment", "segment must be one of CASH, FNO, COMMODITY, was '" + name + "'");
    }
  }
}
