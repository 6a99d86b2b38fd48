package io.aitrader.core.calendar;

import static io.aitrader.core.calendar.IstTimes.ist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.time.TradingSession;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeCalendarBuilderTest {

  @TempDir Path dir;

  @Test
  void overrideFileReplacesTheBundledList() throws Exception {
    Path file = dir.resolve("my-holidays.csv");
    Files.writeString(file, """
        # my own list
        # year: 2027
        2025-10-03,Made-up holiday
        """, StandardCharsets.UTF_8);

    ExchangeCalendar cal = ExchangeCalendar.builder().holidaysFrom(file).build();

    assertThat(cal.isTradingDay(LocalDate.parse("2025-10-03"))).isFalse();
    assertThat(cal.holiday(LocalDate.parse("2025-10-03"))).contains("Made-up holiday");
    assertThat(cal.isTradingDay(LocalDate.parse("2025-12-25"))).isTrue();
    assertThat(cal.holiday(LocalDate.parse("2025-12-25"))).isEmpty();
    assertThat(cal.coversYear(2025)).isTrue();
    assertThat(cal.coversYear(2027)).isTrue();
    assertThat(cal.coversYear(2024)).isFalse();
  }

  @Test
  void malformedFileErrorNamesFileLineAndText() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, """
        # header
        2025-10-02,Gandhi Jayanti
        2025-13-01,Bad month
        2025-12-25
        """, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ExchangeCalendar.builder().holidaysFrom(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(file + " line 3: bad date '2025-13-01'")
        .hasMessageContaining("'2025-13-01,Bad month'")
        .hasMessageContaining(file + " line 4: expected 'yyyy-MM-dd,name'")
        .hasMessageContaining("was '2025-12-25'")
        .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSize(2));
  }

  @Test
  void rejectsDuplicateDatesBadYearLinesAndBadTimes() {
    String text = """
        # year: twenty
        2025-10-02,Gandhi Jayanti
        2025-10-02,Again
        2025-11-01,Muhurat,18:00,nope
        2025-11-02,,
        """;

    assertThatThrownBy(() -> ExchangeCalendar.builder().holidaysFrom(new StringReader(text), "inline.csv"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("inline.csv line 1: bad year 'twenty'")
        .hasMessageContaining("inline.csv line 3: date 2025-10-02 is already listed on line 2")
        .hasMessageContaining("inline.csv line 4: bad time 'nope'")
        .hasMessageContaining("inline.csv line 5: expected");
  }

  @Test
  void missingFileFailsNamingThePath() {
    Path missing = dir.resolve("nope.csv");

    assertThatThrownBy(() -> ExchangeCalendar.builder().holidaysFrom(missing))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cannot read holiday file " + missing)
        .hasMessageContaining("leave it out to use the bundled NSE list");
  }

  @Test
  void specialSessionOpensOnAHolidayWithItsOwnHours() {
    LocalDate diwali = LocalDate.parse("2025-10-21");
    ExchangeCalendar cal = ExchangeCalendar.builder()
        .specialSession(diwali, "Muhurat trading", LocalTime.of(13, 45), LocalTime.of(14, 45))
        .build();

    assertThat(cal.isTradingDay(diwali)).isTrue();
    assertThat(cal.holiday(diwali)).contains("Diwali Laxmi Pujan");
    assertThat(cal.isOpen(ist("2025-10-21T10:00"))).isFalse();
    assertThat(cal.isOpen(ist("2025-10-21T13:44:59.999"))).isFalse();
    assertThat(cal.isOpen(ist("2025-10-21T13:45"))).isTrue();
    assertThat(cal.isOpen(ist("2025-10-21T14:45"))).isFalse();
    assertThat(cal.isPreOpen(ist("2025-10-21T09:05"))).isFalse();
    assertThat(cal.nextSessionOpen(ist("2025-10-20T15:30"))).isEqualTo(ist("2025-10-21T13:45"));
    assertThat(cal.nextSessionOpen(ist("2025-10-21T13:45"))).isEqualTo(ist("2025-10-23T09:15"));
    TradingSession s = cal.session(diwali).orElseThrow();
    assertThat(s.openMillis()).isEqualTo(ist("2025-10-21T13:45"));
    assertThat(s.closeMillis()).isEqualTo(ist("2025-10-21T14:45"));
    assertThat(ExchangeCalendar.nse().isTradingDay(diwali)).isFalse();
  }

  @Test
  void specialSessionRowInAFileOpensASaturday() {
    String text = "2025-02-01,Union Budget live session,09:15,15:30\n";

    ExchangeCalendar cal = ExchangeCalendar.builder().holidaysFrom(new StringReader(text), "budget.csv").build();

    assertThat(cal.isOpen(ist("2025-02-01T11:00"))).isTrue();
    assertThat(cal.nextSessionOpen(ist("2025-01-31T16:00"))).isEqualTo(ist("2025-02-01T09:15"));
    assertThat(cal.specialSessions()).containsKey(LocalDate.parse("2025-02-01"));
    assertThat(cal.coversYear(2025)).isTrue();
  }

  @Test
  void explicitHolidaysReplaceTheListAndSessionTimesAreConfigurable() {
    ExchangeCalendar cal = ExchangeCalendar.builder()
        .exchange(Exchange.BSE)
        .holidays(Map.of(LocalDate.parse("2025-10-03"), "Closed"))
        .preOpen(LocalTime.of(9, 0), LocalTime.of(9, 10))
        .continuousSession(LocalTime.of(10, 0), LocalTime.of(14, 0))
        .build();

    assertThat(cal.exchange()).isEqualTo(Exchange.BSE);
    assertThat(cal.isOpen(ist("2025-10-03T11:00"))).isFalse();
    assertThat(cal.isOpen(ist("2025-12-25T09:30"))).isFalse();
    assertThat(cal.isOpen(ist("2025-12-25T10:00"))).isTrue();
    assertThat(cal.isOpen(ist("2025-12-25T14:00"))).isFalse();
    assertThat(cal.isPreOpen(ist("2025-12-25T09:09"))).isTrue();
    assertThat(cal.coversYear(2025)).isTrue();
    assertThat(cal.coversYear(2026)).isFalse();
  }

  @Test
  void rejectsSessionTimesOutOfOrder() {
    assertThatThrownBy(() -> ExchangeCalendar.builder()
            .continuousSession(LocalTime.of(15, 30), LocalTime.of(9, 15)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ExchangeCalendar.close must be after open 15:30, was 09:15");
    assertThatThrownBy(() -> ExchangeCalendar.builder()
            .preOpen(LocalTime.of(9, 0), LocalTime.of(9, 20)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ExchangeCalendar.open must not be before preOpenEnd 09:20");
  }

  @Test
  void failsClearlyWhenNoSessionEverOpens() {
    Map<LocalDate, String> everyDay = new java.util.HashMap<>();
    for (LocalDate d = LocalDate.parse("2025-01-01"); d.getYear() < 2029; d = d.plusDays(1)) {
      everyDay.put(d, "closed");
    }
    ExchangeCalendar cal = ExchangeCalendar.builder().holidays(everyDay).build();

    assertThatThrownBy(() -> cal.nextSessionOpen(ist("2025-01-01T00:00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no session open within");
  }
}
