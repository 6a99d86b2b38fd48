package io.aitrader.core.calendar;

import io.aitrader.api.time.Ist;
import java.time.LocalDateTime;

/** Test helper: IST wall times as epoch milliseconds. */
final class IstTimes {
  private IstTimes() {}

  /** {@code "2025-10-03T15:29:59.999"} in IST, as epoch milliseconds. */
  static long ist(String localDateTime) {
    LocalDateTime t = LocalDateTime.parse(localDateTime);
    return Ist.toEpochMillis(t.toLocalDate(), t.toLocalTime());
  }
}
