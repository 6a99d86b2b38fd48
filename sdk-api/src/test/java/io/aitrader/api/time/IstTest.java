package io.aitrader.api.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class IstTest {
  @Test
  void theIstDayChangesAtUtcSixThirtyPmTheDayBefore() {
    long lastMilliOfJune1 = Instant.parse("2025-06-01T18:29:59.999Z").toEpochMilli();
    long midnightJune2 = Instant.parse("2025-06-01T18:30:00Z").toEpochMilli();

    assertThat(LocalDate.ofEpochDay(Ist.epochDayOf(lastMilliOfJune1))).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(LocalDate.ofEpochDay(Ist.epochDayOf(midnightJune2))).isEqualTo(LocalDate.of(2025, 6, 2));
    assertThat(Ist.midnightMillis(LocalDate.of(2025, 6, 2).toEpochDay())).isEqualTo(midnightJune2);
  }

  @Test
  void epochDayAgreesWithTheZoneRulesAcrossYears() {
    for (LocalDate d = LocalDate.of(1970, 1, 1); d.isBefore(LocalDate.of(2040, 1, 1)); d = d.plusDays(37)) {
      long t = Ist.toEpochMillis(d, LocalTime.of(0, 0, 0, 1_000_000));
      assertThat(Ist.epochDayOf(t)).isEqualTo(d.toEpochDay());
      assertThat(Ist.dateOf(t)).isEqualTo(d);
    }
  }

  @Test
  void millisOfDayIsTheIstTimeOfDay() {
    assertThat(Ist.millisOfDay(Ist.toEpochMillis(LocalDate.of(2025, 6, 2), java.time.LocalTime.of(15, 15, 0, 7_000_000))))
        .isEqualTo((15 * 3600 + 15 * 60) * 1000L + 7);
    assertThat(Ist.millisOfDay(Ist.toEpochMillis(LocalDate.of(2025, 6, 2), java.time.LocalTime.MIDNIGHT))).isZero();
    assertThat(Ist.millisOfDay(-1)).isEqualTo(Ist.OFFSET_MILLIS - 1); // before 1970 in UTC, 05:29:59.999 IST
  }
}
