package io.aitrader.api.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Indian Standard Time, defined once for the whole SDK. */
public final class Ist {
  /** {@code Asia/Kolkata} (UTC+05:30, no daylight saving). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

  private Ist() {}

  /** Epoch milliseconds of a local IST date and time. */
  public static long toEpochMillis(LocalDate date, LocalTime time) {
    return ZonedDateTime.of(date, time, ZONE).toInstant().toEpochMilli();
  }

  /** The IST date of an instant given in epoch milliseconds. */
  public static LocalDate dateOf(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZONE).toLocalDate();
  }

  /** The IST date-time of an instant given in epoch milliseconds. */
  public static ZonedDateTime at(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZONE);
  }
}
