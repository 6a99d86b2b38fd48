package io.aitrader.groww.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Quote;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.groww.rest.Candle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The quotes that rebuild minutes from candles, for a silent instrument's backfill. */
class MinuteRepairTest {
  private static final Instrument TCS =
      InMemoryInstrumentRepository.bundledNse().find(Exchange.NSE, "TCS").orElseThrow();
  private static final long OPEN = Ist.toEpochMillis(LocalDate.of(2025, 6, 2), LocalTime.of(9, 15));
  private static final long MINUTE = MinuteRepair.MINUTE;

  @Test
  void anInstrumentThatNeverQuotedIsRebuiltFromItsFirstMinuteWithTheDayVolumeBeforeIt() {
    List<Candle> candles = candles(6); // 09:15 .. 09:20, volumes 100, 200, … 600

    List<Quote> quotes = MinuteRepair.quotes(TCS, candles, 0, 0, OPEN + 2 * MINUTE, OPEN + 4 * MINUTE);

    // 09:17, 09:18, 09:19: open, high, low, close each; the day volume counts 09:15 and 09:16 too
    assertThat(quotes).hasSize(12);
    assertThat(quotes).extracting(Quote::timestampMillis).containsExactly(OPEN + 2 * MINUTE, OPEN + 2 * MINUTE + 1,
        OPEN + 2 * MINUTE + 2, OPEN + 2 * MINUTE + 3, OPEN + 3 * MINUTE, OPEN + 3 * MINUTE + 1, OPEN + 3 * MINUTE + 2,
        OPEN + 3 * MINUTE + 3, OPEN + 4 * MINUTE, OPEN + 4 * MINUTE + 1, OPEN + 4 * MINUTE + 2, OPEN + 4 * MINUTE + 3);
    assertThat(quotes.get(0).dayVolume()).isEqualTo(300);
    assertThat(quotes.get(3).dayVolume()).isEqualTo(600);
    assertThat(quotes.get(11).dayVolume()).isEqualTo(1500);
    assertThat(quotes.get(0).lastPrice()).isEqualTo(candles.get(2).open().units());
    assertThat(quotes.get(11).lastPrice()).isEqualTo(candles.get(4).close().units());
  }

  @Test
  void minutesAlreadyRebuiltUpToTheirLastMomentAreNotRebuiltAgain() {
    List<Candle> candles = candles(6);
    long rebuiltThrough = OPEN + 2 * MINUTE; // the watchdog's mark: last quote time = the minute's last millisecond

    List<Quote> quotes = MinuteRepair.quotes(TCS, candles, rebuiltThrough + MINUTE - 1, 600, rebuiltThrough,
        OPEN + 3 * MINUTE);

    assertThat(quotes).extracting(Quote::timestampMillis).containsExactly(OPEN + 3 * MINUTE, OPEN + 3 * MINUTE + 1,
        OPEN + 3 * MINUTE + 2, OPEN + 3 * MINUTE + 3);
    assertThat(quotes.get(0).dayVolume()).isEqualTo(600);
    assertThat(quotes.get(3).dayVolume()).isEqualTo(1000);
  }

  @Test
  void ceilMinuteRoundsUpToTheNextMinuteStartUnlessOnOne() {
    assertThat(MinuteRepair.ceilMinute(OPEN)).isEqualTo(OPEN);
    assertThat(MinuteRepair.ceilMinute(OPEN + 1)).isEqualTo(OPEN + MINUTE);
    assertThat(MinuteRepair.ceilMinute(OPEN - 1)).isEqualTo(OPEN);
  }

  /** {@code n} one-minute candles from 09:15, the k-th (from 0) with volume 100 (k + 1) and prices around 4000. */
  private static List<Candle> candles(int n) {
    List<Candle> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(new Candle(OPEN + k * MINUTE, Price.of(4000 + k + ".00"), Price.of(4010 + k + ".00"),
          Price.of(3990 + k + ".00"), Price.of(4001 + k + ".00"), BigDecimal.valueOf(100L * (k + 1)),
          Optional.empty()));
    }
    return out;
  }
}
