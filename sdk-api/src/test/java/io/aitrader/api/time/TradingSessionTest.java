package io.aitrader.api.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TradingSessionTest {
  private static final LocalDate DAY = LocalDate.of(2025, 1, 2);

  private static long at(int hour, int minute) {
    return Ist.toEpochMillis(DAY, LocalTime.of(hour, minute));
  }

  private static TradingSession nse() {
    return new TradingSession(DAY, at(9, 0), at(9, 8), at(9, 15), at(15, 30));
  }

  @Test
  void openFromTheOpenUntilJustBeforeTheClose() {
    TradingSession s = nse();

    assertThat(s.isOpenAt(at(9, 15))).isTrue();
    assertThat(s.isOpenAt(at(15, 30) - 1)).isTrue();
    assertThat(s.isOpenAt(at(15, 30))).isFalse();
    assertThat(s.isOpenAt(at(9, 14))).isFalse();
  }

  @Test
  void preOpenWindowIsHalfOpen() {
    TradingSession s = nse();

    assertThat(s.isPreOpenAt(at(9, 0))).isTrue();
    assertThat(s.isPreOpenAt(at(9, 8))).isFalse();
    assertThat(s.isOpenAt(at(9, 5))).isFalse();
  }

  @Test
  void rejectsCloseBeforeOpenAndPreOpenAfterOpen() {
    assertThatThrownBy(() -> new TradingSession(DAY, at(9, 0), at(9, 8), at(15, 30), at(9, 15)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("TradingSession.closeMillis must be after openMillis");
    assertThatThrownBy(() -> new TradingSession(DAY, at(9, 0), at(9, 20), at(9, 15), at(15, 30)))
        .hasMessageStartingWith("TradingSession.preOpen must end before the open");
    assertThatThrownBy(() -> new TradingSession(null, 0, 0, 1, 2)).hasMessageContaining("TradingSession.date is required");
  }

  @Test
  void istIsKolkataTime() {
    long t = Ist.toEpochMillis(DAY, LocalTime.of(9, 15));

    assertThat(Ist.ZONE.getId()).isEqualTo("Asia/Kolkata");
    assertThat(t).isEqualTo(java.time.Instant.parse("2025-01-02T03:45:00Z").toEpochMilli());
    assertThat(Ist.dateOf(t)).isEqualTo(DAY);
    assertThat(Ist.at(t).toLocalTime()).isEqualTo(LocalTime.of(9, 15));
  }

  @Test
  void timeSourceNowMatchesItsMillis() {
    TimeSource fixed = () -> 1_000L;

    assertThat(fixed.now().toEpochMilli()).isEqualTo(1_000L);
  }
}
