package io.aitrader.api.time;

import io.aitrader.api.instrument.Exchange;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Exchange trading days and sessions in IST: weekends, dated exchange holidays, the pre-open and the continuous
 * session. The embedded default reads a dated holiday list from a resource file that users can override.
 *
 * <pre>{@code
 * MarketCalendar nse = ...;
 * nse.isOpen(t);                              // false on 2025-10-21 (Diwali) and at 15:30 IST exactly
 * nse.nextSessionOpen(t);                     // the next 09:15 IST of a trading day
 * }</pre>
 *
 * <p>Immutable and thread-safe. Dates outside the years the holiday list covers are treated as ordinary
 * weekdays, and {@link #coversYear(int)} says so.
 */
public interface MarketCalendar {

  /** The exchange this calendar is for. */
  Exchange exchange();

  /** Whether {@code date} is a trading day: not a weekend and not a listed holiday. */
  boolean isTradingDay(LocalDate date);

  /** The session of {@code date}, or empty when it is not a trading day. */
  Optional<TradingSession> session(LocalDate date);

  /** Whether continuous trading is on at {@code epochMillis} (close is exclusive: 15:30:00.000 is closed). */
  boolean isOpen(long epochMillis);

  /** The first session open strictly after {@code epochMillis}, in epoch milliseconds. */
  long nextSessionOpen(long epochMillis);

  /** The first trading day on or after {@code date}. */
  LocalDate nextTradingDay(LocalDate date);

  /** The holiday name for {@code date}, when the list names one. */
  Optional<String> holiday(LocalDate date);

  /** Whether the holiday list includes {@code year}. */
  boolean coversYear(int year);
}
