package io.aitrader.core.calendar;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;
import static io.aitrader.api.ValidationException.requireText;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A dated session with its own hours, replacing the regular session of that date, for example the Muhurat trading
 * evening on Diwali (a holiday) or a Saturday live session. Continuous trading is {@code [open, close)} IST; a
 * special session has no pre-open window.
 *
 * <pre>{@code
 * new SpecialSession(LocalDate.parse("2025-10-21"), "Muhurat trading", LocalTime.of(13, 45), LocalTime.of(14, 45));
 * }</pre>
 *
 * @param date  the IST date
 * @param name  what the session is, for example {@code "Muhurat trading"}
 * @param open  continuous trading starts, IST
 * @param close continuous trading ends, IST, exclusive; after {@code open} on the same day
 */
public record SpecialSession(LocalDate date, String name, LocalTime open, LocalTime close) {
  public SpecialSession {
    required(date, "SpecialSession.date");
    requireText(name, "SpecialSession.name");
    required(open, "SpecialSession.open");
    required(close, "SpecialSession.close");
    check(open.isBefore(close), "SpecialSession.close", "must be after open " + open, close);
  }
}
