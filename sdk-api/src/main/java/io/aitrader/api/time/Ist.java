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

  /** IST's offset from UTC in milliseconds (+05:30; India has had no daylight saving since 1945). */
  public static final long OFFSET_MILLIS = 19_800_000L;
  /** Milliseconds in a calendar day. */
  public static final long MILLIS_PER_DAY = 86_400_000L;

  private Ist() {}

  /**
   * The IST date of an instant as an epoch-day number ({@code LocalDate.ofEpochDay} gives the date), without
   * allocating: for per-event code that needs to notice a new trading day.
   */
  public static long epochDayOf(long epochMillis) {
    return Math.floorDiv(epochMillis + OFFSET_MILLIS, MILLIS_PER_DAY);
  }

  /** The IST time of day of an instant, in milliseconds since IST midnight (0 … 86,399,999), without allocating. */
  public static long millisOfDay(long epochMillis) {
    return Math.floorMod(epochMillis + OFFSET_MILLIS, MILLIS_PER_DAY);
  }

  /** Epoch milliseconds of IST midnight starting the given epoch day. */
  public static long midnightMillis(long epochDay) {
    return epochDay * MILLIS_PER_DAY - OFFSET_MILLIS;
  }

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
