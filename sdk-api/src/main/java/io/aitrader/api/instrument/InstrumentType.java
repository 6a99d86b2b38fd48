package io.aitrader.api.instrument;

import io.aitrader.api.ValidationException;
import java.util.Locale;

/** The kind of instrument, as in Groww's instrument master: equity, index, future, call option, put option. */
public enum InstrumentType {
  EQ,
  IDX,
  FUT,
  CE,
  PE;

  /** Whether the instrument expires (futures and options). */
  public boolean isDerivative() {
    return this == FUT || this == CE || this == PE;
  }

  /** Whether it is an option and so has a strike. */
  public boolean isOption() {
    return this == CE || this == PE;
  }

  /** Whether it can be ordered (indices cannot). */
  public boolean isTradable() {
    return this != IDX;
  }

  public static InstrumentType parse(String name) {
    ValidationException.requireText(name, "instrumentType");
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("instrumentType", "instrumentType must be one of EQ, IDX, FUT, CE, PE, was '" + name + "'");
    }
  }
}
