package io.aitrader.core.calendar;

import static io.aitrader.core.calendar.IstTimes.ist;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.time.TradingSession;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExchangeCalendarTest {
  private final ExchangeCalendar nse = ExchangeCalendar.nse();

  @Test
  void isNseWithTheBundledList() {
    assertThat(nse.exchange()).isEqualTo(Exchange.NSE);
    assertThat(ExchangeCalendar.nse()).isSameAs(nse);
    assertThat(nse.holidays()).hasSizeGreaterThanOrEqualTo(45);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-10-02", "2025-12-25", "2025-10-21", "2024-11-20", "2026-01-15", "2026-11-10"})
  void isClosedAllDayOnAHoliday(String date) {
    LocalDate day = LocalDate.parse(date);

    assertThat(nse.isTradingDay(day)).isFalse();
    assertThat(nse.session(day)).isEmpty();
    assertThat(nse.isOpen(ist(date + "T09:15"))).isFalse();
    assertThat(nse.isOpen(ist(date + "T12:00"))).isFalse();
    assertThat(nse.isPreOpen(ist(date + "T09:05"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-10-04", "2025-10-05", "2026-02-15"})
  void isClosedAtWeekends(String date) {
    assertThat(nse.isTradingDay(LocalDate.parse(date))).isFalse();
    assertThat(nse.isOpen(ist(date + "T12:00"))).isFalse();
    assertThat(nse.session(LocalDate.parse(date))).isEmpty();
  }

  @ParameterizedTest(name = "{0} open={1}")
  @CsvSource({
    "2025-10-03T09:14:59.999, false",
    "2025-10-03T09:15:00.000, true",
    "2025-10-03T12:00:00.000, true",
    "2025-10-03T15:29:59.999, true",
    "2025-10-03T15:30:00.000, false",
    "2025-10-03T23:59:59.999, false",
    "2025-10-03T00:00:00.000, false",
  })
  void opensAtNineFifteenAndClosesExclusivelyAtHalfPastThree(String time, boolean open) {
    assertThat(nse.isOpen(ist(time))).isEqualTo(open);
  }

  @ParameterizedTest(name = "{0} pre-open={1}")
  @CsvSource({
    "2025-10-03T08:59:59.999, false",
    "2025-10-03T09:00:00.000, true",
    "2025-10-03T09:07:59.999, true",
    "2025-10-03T09:08:00.000, false",
    "2025-10-03T09:15:00.000, false",
  })
  void hasAPreOpenWindowFromNineToNineOhEight(String time, boolean preOpen) {
    assertThat(nse.isPreOpen(ist(time))).isEqualTo(preOpen);
    assertThat(nse.isOpen(ist(time))).isEqualTo(time.endsWith("09:15:00.000"));
  }

  @Test
  void sessionOfATradingDayHasTheIstInstants() {
    TradingSession s = nse.session(LocalDate.parse("2025-10-03")).orElseThrow();

    assertThat(s.date()).isEqualTo(LocalDate.parse("2025-10-03"));
    assertThat(s.preOpenStartMillis()).isEqualTo(ist("2025-10-03T09:00"));
    assertThat(s.preOpenEndMillis()).isEqualTo(ist("2025-10-03T09:08"));
    assertThat(s.openMillis()).isEqualTo(ist("2025-10-03T09:15"));
    assertThat(s.closeMillis()).isEqualTo(ist("2025-10-03T15:30"));
  }

  @Test
  void nextSessionOpenFromFridayEveningIsMondayNineFifteen() {
    long fridayEvening = ist("2025-10-03T18:00");

    assertThat(nse.nextSessionOpen(fridayEvening)).isEqualTo(ist("2025-10-06T09:15"));
  }

  @Test
  void nextSessionOpenSkipsAHoliday() {
    // 2025-10-21 and 2025-10-22 are Diwali holidays
    assertThat(nse.nextSessionOpen(ist("2025-10-20T15:30"))).isEqualTo(ist("2025-10-23T09:15"));
    // 2025-10-02 (Thursday) is a holiday
    assertThat(nse.nextSessionOpen(ist("2025-10-01T20:00"))).isEqualTo(ist("2025-10-03T09:15"));
  }

  @Test
  void nextSessionOpenFromExactlyTheOpenIsTheNextDaysOpen() {
    assertThat(nse.nextSessionOpen(ist("2025-10-03T09:15"))).isEqualTo(ist("2025-10-06T09:15"));
    assertThat(nse.nextSessionOpen(ist("2025-10-03T09:14:59.999"))).isEqualTo(ist("2025-10-03T09:15"));
  }

  @Test
  void nextTradingDayIsTheDayItselfOrTheFirstTradingDayAfter() {
    assertThat(nse.nextTradingDay(LocalDate.parse("2025-10-03"))).isEqualTo(LocalDate.parse("2025-10-03"));
    assertThat(nse.nextTradingDay(LocalDate.parse("2025-10-04"))).isEqualTo(LocalDate.parse("2025-10-06"));
    assertThat(nse.nextTradingDay(LocalDate.parse("2025-10-21"))).isEqualTo(LocalDate.parse("2025-10-23"));
    assertThat(nse.nextTradingDay(LocalDate.parse("2025-12-25"))).isEqualTo(LocalDate.parse("2025-12-26"));
  }

  @Test
  void namesHolidays() {
    assertThat(nse.holiday(LocalDate.parse("2025-12-25"))).contains("Christmas");
    assertThat(nse.holiday(LocalDate.parse("2025-10-21"))).contains("Diwali Laxmi Pujan");
    assertThat(nse.holiday(LocalDate.parse("2025-10-03"))).isEmpty();
    assertThat(nse.holiday(LocalDate.parse("2025-10-04"))).isEmpty();
  }

  @Test
  void coversTheBundledYearsOnly() {
    assertThat(nse.coversYear(2024)).isTrue();
    assertThat(nse.coversYear(2025)).isTrue();
    assertThat(nse.coversYear(2026)).isTrue();
    assertThat(nse.coversYear(2023)).isFalse();
    assertThat(nse.coversYear(2030)).isFalse();
  }

  @Test
  void treatsUncoveredYearsAsOrdinaryWeekdays() {
    // 2030-12-25 is a Wednesday; the bundled list does not cover 2030
    assertThat(nse.isOpen(ist("2030-12-25T10:00"))).isTrue();
  }

  @Test
  void listsNoBundledHolidayOnAWeekend() {
    assertThat(nse.holidays().keySet())
        .allSatisfy(d -> assertThat(d.getDayOfWeek().getValue()).isLessThanOrEqualTo(5));
  }
}
