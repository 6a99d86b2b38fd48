package io.aitrader.groww.fake;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Groww's {@code candle_interval} values, their length and the documented maximum span per request (§3.7). */
enum CandleInterval {
  M1("1minute", 1, 30),
  M2("2minute", 2, 30),
  M3("3minute", 3, 30),
  M5("5minute", 5, 30),
  M10("10minute", 10, 90),
  M15("15minute", 15, 90),
  M30("30minute", 30, 90),
  H1("1hour", 60, 180),
  H4("4hour", 240, 180),
  D1("1day", 1440, 180),
  W1("1week", 10_080, 180),
  MO1("1month", 43_200, 180);

  final String wire;
  final int minutes;
  final int maxDays;

  CandleInterval(String wire, int minutes, int maxDays) {
    this.wire = wire;
    this.minutes = minutes;
    this.maxDays = maxDays;
  }

  boolean intraday() {
    return minutes < 1440;
  }

  static CandleInterval parse(String text) {
    for (CandleInterval c : values()) {
      if (c.wire.equalsIgnoreCase(text.trim())) {
        return c;
      }
    }
    throw ApiError.badRequest("'candle_interval' must be one of "
        + Arrays.stream(values()).map(c -> c.wire).collect(Collectors.joining(", ")) + ", was '" + text + "'");
  }

  /** The interval of the deprecated endpoint's {@code interval_in_minutes}. */
  static CandleInterval ofMinutes(int minutes) {
    for (CandleInterval c : values()) {
      if (c.minutes == minutes) {
        return c;
      }
    }
    throw ApiError.badRequest("'interval_in_minutes' must be one of 1, 2, 3, 5, 10, 15, 30, 60, 240, 1440, 10080, "
        + "was " + minutes);
  }
}
