package io.aitrader.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.time.Ist;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class ExchangeCalendarPropertiesTest {
  private static final long FROM = 1_704_047_400_000L; // 2024-01-01T00:00 IST
  private static final long TO = 1_798_741_800_000L; // 2027-01-01T00:00 IST

  private final ExchangeCalendar nse = ExchangeCalendar.nse();

  @Property
  void isOpenMatchesANaiveZonedRecomputation(@ForAll @LongRange(min = FROM, max = TO) long t) {
    ZonedDateTime at = Ist.at(t);
    LocalTime time = at.toLocalTime();
    boolean weekend = at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
    boolean expected = !weekend
        && !nse.holidays().containsKey(at.toLocalDate())
        && !time.isBefore(LocalTime.of(9, 15))
        && time.isBefore(LocalTime.of(15, 30));

    assertThat(nse.isOpen(t)).isEqualTo(expected);
  }

  @Property
  void nextSessionOpenIsAnOpenInstantStrictlyLaterWithNoOpenInstantBetween(
      @ForAll @LongRange(min = FROM, max = TO) long t) {
    long next = nse.nextSessionOpen(t);

    assertThat(next).isGreaterThan(t);
    assertThat(nse.isOpen(next)).isTrue();
    assertThat(nse.isOpen(next - 1)).isFalse();
    assertThat(Ist.at(next).toLocalTime()).isEqualTo(LocalTime.of(9, 15));
    assertThat(nse.isTradingDay(Ist.dateOf(next))).isTrue();
    // every trading day strictly between t's date and next's date would have opened earlier
    assertThat(nse.nextTradingDay(Ist.dateOf(t).plusDays(1))).isAfterOrEqualTo(Ist.dateOf(next));
  }
}
