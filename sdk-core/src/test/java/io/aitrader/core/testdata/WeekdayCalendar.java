package io.aitrader.core.testdata;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TradingSession;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/** A test calendar: every weekday is an NSE-hours session (09:15–15:30 IST), no holidays. */
public final class WeekdayCalendar implements MarketCalendar {
  public static final WeekdayCalendar INSTANCE = new WeekdayCalendar();

  @Override
  public Exchange exchange() {
    return Exchange.NSE;
  }

  @Override
  public boolean isTradingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  @Override
  public Optional<TradingSession> session(LocalDate date) {
    if (!isTradingDay(date)) {
      return Optional.empty();
    }
    return Optional.of(new TradingSession(date, Ist.toEpochMillis(date, LocalTime.of(9, 0)),
        Ist.toEpochMillis(date, LocalTime.of(9, 8)), Ist.toEpochMillis(date, LocalTime.of(9, 15)),
        Ist.toEpochMillis(date, LocalTime.of(15, 30))));
  }

  @Override
  public boolean isOpen(long epochMillis) {
    return session(Ist.dateOf(epochMillis)).map(s -> s.isOpenAt(epochMillis)).orElse(false);
  }

  @Override
  public long nextSessionOpen(long epochMillis) {
    LocalDate d = Ist.dateOf(epochMillis);
    while (true) {
      Optional<TradingSession> s = session(d);
      if (s.isPresent() && s.get().openMillis() > epochMillis) {
        return s.get().openMillis();
      }
      d = d.plusDays(1);
    }
  }

  @Override
  public LocalDate nextTradingDay(LocalDate date) {
    LocalDate d = date;
    while (!isTradingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  @Override
  public Optional<String> holiday(LocalDate date) {
    return Optional.empty();
  }

  @Override
  public boolean coversYear(int year) {
    return true;
  }
}
