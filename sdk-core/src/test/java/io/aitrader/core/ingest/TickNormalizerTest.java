package io.aitrader.core.ingest;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static io.aitrader.core.testdata.TestInstruments.at;
import static io.aitrader.core.testdata.TestInstruments.rupees;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.Tick;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickNormalizerTest {
  private final List<Tick> ticks = new ArrayList<>();

  private static Quote quote(Instrument i, long t, String price, long dayVolume) {
    return Quote.ltp(i, t, rupees(price), dayVolume);
  }

  @Test
  void derivesTradeQuantityFromCumulativeDayVolume() {
    TickNormalizer n = new TickNormalizer(ticks::add, FirstQuotePolicy.COUNT_AS_TRADE);

    n.onQuote(quote(RELIANCE, at("09:15:01"), "2500.00", 100));
    n.onQuote(quote(RELIANCE, at("09:15:02"), "2500.05", 130));
    n.onQuote(quote(RELIANCE, at("09:15:03"), "2500.10", 205));

    assertThat(ticks).extracting(Tick::lastQuantity).containsExactly(100L, 30L, 75L);
    assertThat(ticks).extracting(Tick::dayVolume).containsExactly(100L, 130L, 205L);
    assertThat(n.stats().accepted()).isEqualTo(3);
  }

  @Test
  void baselinePolicyGivesTheFirstQuoteNoQuantity() {
    TickNormalizer n = new TickNormalizer(ticks::add);

    n.onQuote(quote(RELIANCE, at("11:00:00"), "2500.00", 1_000_000));
    n.onQuote(quote(RELIANCE, at("11:00:01"), "2500.05", 1_000_040));

    assertThat(ticks).extracting(Tick::lastQuantity).containsExactly(0L, 40L);
  }

  @Test
  void dropsAndCountsRepeatedQuotesWhateverTheirTimestamp() {
    TickNormalizer n = new TickNormalizer(ticks::add, FirstQuotePolicy.COUNT_AS_TRADE);

    n.onQuote(quote(RELIANCE, at("09:15:01"), "2500.00", 100));
    n.onQuote(quote(RELIANCE, at("09:15:01"), "2500.00", 100));
    n.onQuote(quote(RELIANCE, at("09:15:05"), "2500.00", 100));

    assertThat(ticks).hasSize(1);
    assertThat(n.stats().duplicates()).isEqualTo(2);
  }

  @Test
  void acceptsSeveralTradesInTheSameMillisecond() {
    TickNormalizer n = new TickNormalizer(ticks::add, FirstQuotePolicy.COUNT_AS_TRADE);

    n.onQuote(quote(RELIANCE, at("09:15:01"), "2500.00", 100));
    n.onQuote(quote(RELIANCE, at("09:15:01"), "2500.05", 150));

    assertThat(ticks).extracting(Tick::lastQuantity).containsExactly(100L, 50L);
  }

  @Test
  void dropsAndCountsOutOfOrderQuotes() {
    TickNormalizer n = new TickNormalizer(ticks::add, FirstQuotePolicy.COUNT_AS_TRADE);

    n.onQuote(quote(RELIANCE, at("09:15:05"), "2500.00", 100));
    n.onQuote(quote(RELIANCE, at("09:15:04"), "2499.00", 90));
    n.onQuote(quote(RELIANCE, at("09:15:06"), "2500.10", 120));

    assertThat(ticks).extracting(Tick::lastQuantity).containsExactly(100L, 20L);
    assertThat(n.stats().outOfOrder()).isEqualTo(1);
  }

  @Test
  void dropsAndCountsAVolumeThatGoesDown() {
    TickNormalizer n = new TickNormalizer(ticks::add, FirstQuotePolicy.COUNT_AS_TRADE);

    n.onQuote(quote(RELIANCE, at("09:15:05"), "2500.00", 100));
    n.onQuote(quote(RELIANCE, at("09:15:06"), "2501.00", 90));

    assertThat(ticks).hasSize(1);
    assertThat(n.stats().volumeRegressions()).isEqualTo(1);
    assertThat(n.stats().dropped()).isEqualTo(1);
  }

  @Test
  void aPriceChangeWithoutNewVolumeIsATickWithQuantityZero() {
    TickNormalizer n = new TickNormalizer(ticks::add, FirstQuotePolicy.COUNT_AS_TRADE);

    n.onQuote(quote(RELIANCE, at("09:15:05"), "2500.00", 100));
    n.onQuote(quote(RELIANCE, at("09:15:06"), "2500.50", 100));

    assertThat(ticks).extracting(Tick::lastQuantity).containsExactly(100L, 0L);
    assertThat(ticks.get(1).lastPrice()).isEqualTo(rupees("2500.50"));
  }

  @Test
  void restartsTheVolumeCountOnANewIstDay() {
    TickNormalizer n = new TickNormalizer(ticks::add, FirstQuotePolicy.COUNT_AS_TRADE);
    LocalDate tuesday = LocalDate.of(2025, 1, 7);

    n.onQuote(quote(RELIANCE, at("15:29:59"), "2500.00", 5_000_000));
    n.onQuote(quote(RELIANCE, io.aitrader.core.testdata.TestInstruments.at(tuesday, "09:15:00"), "2510.00", 700));

    assertThat(ticks).extracting(Tick::lastQuantity).containsExactly(5_000_000L, 700L);
  }

  @Test
  void keepsStatePerInstrument() {
    TickNormalizer n = new TickNormalizer(ticks::add, FirstQuotePolicy.COUNT_AS_TRADE);

    n.onQuote(quote(RELIANCE, at("09:15:01"), "2500.00", 100));
    n.onQuote(quote(TCS, at("09:15:01"), "4000.00", 10));
    n.onQuote(quote(RELIANCE, at("09:15:02"), "2500.05", 110));
    n.onQuote(quote(TCS, at("09:15:00"), "4000.00", 5));

    assertThat(ticks).extracting(t -> t.instrument().id() + "=" + t.lastQuantity())
        .containsExactly("NSE:RELIANCE=100", "NSE:TCS=10", "NSE:RELIANCE=10");
    assertThat(n.stats().outOfOrder()).isEqualTo(1);
  }

  @Test
  void carriesTheBookAndOpenInterestThrough() {
    TickNormalizer n = new TickNormalizer(ticks::add, FirstQuotePolicy.COUNT_AS_TRADE);

    n.onQuote(new Quote(RELIANCE, at("09:15:01"), rupees("2500"), 10, rupees("2499.95"), 300, rupees("2500.05"), 200, 7));

    Tick t = ticks.get(0);
    assertThat(t.bidPrice()).isEqualTo(rupees("2499.95"));
    assertThat(t.bidQuantity()).isEqualTo(300);
    assertThat(t.askPrice()).isEqualTo(rupees("2500.05"));
    assertThat(t.askQuantity()).isEqualTo(200);
    assertThat(t.openInterest()).isEqualTo(7);
  }
}
