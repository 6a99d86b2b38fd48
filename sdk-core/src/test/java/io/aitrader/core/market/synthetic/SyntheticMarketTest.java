package io.aitrader.core.market.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.market.Quote;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {
  static final InMemoryInstrumentRepository REPO = InMemoryInstrumentRepository.bundledNse();
  static final LocalDate DAY = LocalDate.of(2025, 1, 6);

  static TradingSession nseSession(LocalDate date) {
    return new TradingSession(date, Ist.toEpochMillis(date, LocalTime.of(9, 0)), Ist.toEpochMillis(date, LocalTime.of(9, 8)),
        Ist.toEpochMillis(date, LocalTime.of(9, 15)), Ist.toEpochMillis(date, LocalTime.of(15, 30)));
  }

  static List<Instrument> stocks(String... symbols) {
    List<Instrument> out = new ArrayList<>();
    for (String s : symbols) {
      out.add(REPO.findById("NSE:" + s).orElseThrow());
    }
    return out;
  }

  static List<Quote> collect(SyntheticMarket market) {
    List<Quote> out = new ArrayList<>();
    market.run(out::add);
    return out;
  }

  static SyntheticMarket.Builder market(List<Instrument> instruments, long seed) {
    return SyntheticMarket.builder().instruments(instruments).session(nseSession(DAY)).seed(seed);
  }

  @Test
  void sameSeedGivesIdenticalQuotes() {
    List<Instrument> universe = stocks("RELIANCE", "TCS", "ITC", "NIFTY");

    List<Quote> first = collect(market(universe, 7).build());
    List<Quote> second = collect(market(universe, 7).build());

    assertThat(first).hasSizeGreaterThan(100_000).isEqualTo(second);
  }

  @Test
  void theSameSeedOnAnotherDateGivesAnotherDay() {
    List<Instrument> universe = stocks("RELIANCE");
    LocalDate nextDay = DAY.plusDays(DAY.getDayOfWeek() == java.time.DayOfWeek.FRIDAY ? 3 : 1);

    List<Quote> today = collect(market(universe, 7).build());
    List<Quote> tomorrow = collect(SyntheticMarket.builder().instruments(universe).session(nseSession(nextDay)).seed(7).build());

    assertThat(today.stream().map(Quote::lastPrice).toList())
        .isNotEqualTo(tomorrow.stream().map(Quote::lastPrice).toList());
  }

  @Test
  void runningTwiceStartsOver() {
    SyntheticMarket market = market(stocks("INFY"), 3).build();

    assertThat(collect(market)).isEqualTo(collect(market));
  }

  @Test
  void differentSeedGivesDifferentQuotes() {
    List<Instrument> universe = stocks("RELIANCE", "TCS");

    List<Quote> a = collect(market(universe, 1).build());
    List<Quote> b = collect(market(universe, 2).build());

    assertThat(a).isNotEqualTo(b);
    assertThat(a.get(0).lastPrice()).isNotEqualTo(b.get(0).lastPrice());
  }

  @Test
  void addingAnInstrumentLeavesAnotherStreamUnchanged() {
    List<Quote> alone = collect(market(stocks("HDFCBANK"), 11).build());
    List<Quote> withOthers = collect(market(stocks("SBIN", "HDFCBANK", "TITAN"), 11).build());

    List<Quote> hdfcAmongOthers = withOthers.stream()
        .filter(q -> q.instrument().tradingSymbol().equals("HDFCBANK")).collect(Collectors.toList());
    assertThat(hdfcAmongOthers).isEqualTo(alone);
  }

  @Test
  void subscribingRestrictsDeliveryWithoutChangingStreams() {
    List<Instrument> universe = stocks("SBIN", "HDFCBANK");
    List<Quote> all = collect(market(universe, 5).build());
    SyntheticMarket market = market(universe, 5).build();

    market.subscribe(stocks("HDFCBANK"));

    assertThat(collect(market)).isEqualTo(all.stream()
        .filter(q -> q.instrument().tradingSymbol().equals("HDFCBANK")).collect(Collectors.toList()));
  }

  @Test
  void subscribingAnUnknownInstrumentFailsClearly() {
    SyntheticMarket market = market(stocks("SBIN"), 5).build();

    assertThatThrownBy(() -> market.subscribe(stocks("TCS")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("NSE:TCS").hasMessageContaining("NSE:SBIN");
  }

  @Test
  void pricesAreOnTickSizeAndPositiveWithBookAroundThem() {
    List<Instrument> universe = stocks("TATASTEEL", "WIPRO", "RELIANCE", "BANKNIFTY");

    List<Quote> quotes = collect(market(universe, 9).annualVolatility(0.8).build());

    assertThat(quotes).allSatisfy(q -> {
      long tick = q.instrument().tickSize().units();
      assertThat(q.lastPrice()).isPositive();
      assertThat(q.lastPrice() % tick).isZero();
      if (q.instrument().type() == InstrumentType.IDX) {
        assertThat(q.dayVolume()).isZero();
        assertThat(q.bidPrice()).isZero();
      } else {
        assertThat(q.askPrice()).isEqualTo(q.lastPrice() + tick);
        assertThat(q.bidPrice()).isEqualTo(q.lastPrice() - tick);
        assertThat(q.bidQuantity()).isPositive();
        assertThat(q.askQuantity()).isPositive();
      }
    });
  }

  @Test
  void pricesNeverReachZeroForACheapVolatileInstrument() {
    Instrument penny = Instrument.builder().exchange(io.aitrader.api.instrument.Exchange.NSE)
        .segment(io.aitrader.api.instrument.Segment.CASH).type(InstrumentType.EQ).tradingSymbol("PENNY")
        .exchangeToken("99999").tickSize(Price.of("0.01")).build();

    List<Quote> quotes = collect(market(List.of(penny), 1).startPrice(penny, Price.of("0.02")).annualVolatility(5).build());

    assertThat(quotes).isNotEmpty().allSatisfy(q -> assertThat(q.lastPrice()).isGreaterThanOrEqualTo(100));
  }

  @Test
  void cumulativeVolumeNeverDecreasesPerInstrumentAndIsInLots() {
    Instrument future = Instrument.builder().exchange(io.aitrader.api.instrument.Exchange.NSE)
        .segment(io.aitrader.api.instrument.Segment.FNO).type(InstrumentType.FUT).tradingSymbol("NIFTY25JANFUT")
        .exchangeToken("35000").underlying("NIFTY").expiry(LocalDate.of(2025, 1, 30)).lotSize(75)
        .tickSize(Price.of("0.05")).build();
    List<Instrument> universe = new ArrayList<>(stocks("ITC", "MARUTI"));
    universe.add(future);

    List<Quote> quotes = collect(market(universe, 4).startPrice(future, Price.of("23500")).build());

    Map<Instrument, Long> last = new HashMap<>();
    for (Quote q : quotes) {
      assertThat(q.dayVolume()).isGreaterThanOrEqualTo(last.getOrDefault(q.instrument(), 0L));
      assertThat(q.dayVolume() % q.instrument().lotSize()).isZero();
      last.put(q.instrument(), q.dayVolume());
    }
    assertThat(last.get(future)).isPositive();
  }

  @Test
  void timestampsAreWithinTheSessionAndNonDecreasingWithTiesInInstrumentOrder() {
    List<Instrument> universe = stocks("RELIANCE", "TCS", "INFY", "SBIN", "ITC");
    TradingSession session = nseSession(DAY);

    List<Quote> quotes = collect(SyntheticMarket.builder().instruments(universe).session(session).seed(2)
        .ticksPerSecond(5).build());

    Map<Instrument, Integer> order = new HashMap<>();
    universe.forEach(i -> order.put(i, order.size()));
    List<String> violations = new ArrayList<>();
    int ties = 0;
    for (int k = 0; k < quotes.size() && violations.size() < 5; k++) {
      Quote q = quotes.get(k);
      if (!session.isOpenAt(q.timestampMillis())) {
        violations.add("outside session: " + q);
      }
      if (k > 0) {
        Quote p = quotes.get(k - 1);
        if (q.timestampMillis() < p.timestampMillis()) {
          violations.add("out of order: " + p + " then " + q);
        } else if (q.timestampMillis() == p.timestampMillis() && q != p) {
          ties++;
          if (order.get(q.instrument()) < order.get(p.instrument())) {
            violations.add("tie out of instrument order: " + p + " then " + q);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
    assertThat(ties).as("equal timestamps across instruments occur").isPositive();
  }

  @Test
  void activityIsUShapedOverTheDay() {
    TradingSession session = nseSession(DAY);
    long open = session.openMillis();
    long close = session.closeMillis();
    long halfHour = 30 * 60_000L;
    long midday = open + (close - open) / 2;
    int[] counts = new int[3];

    market(stocks("RELIANCE", "TCS", "INFY"), 8).build().run(q -> {
      long t = q.timestampMillis();
      if (t < open + halfHour) {
        counts[0]++;
      } else if (t >= close - halfHour) {
        counts[2]++;
      } else if (t >= midday && t < midday + halfHour) {
        counts[1]++;
      }
    });

    assertThat(counts[0]).isGreaterThan(counts[1] * 3 / 2);
    assertThat(counts[2]).isGreaterThan(counts[1] * 3 / 2);
  }

  @Test
  void meanRateIsAboutTheConfiguredTicksPerSecond() {
    List<Quote> quotes = collect(market(stocks("RELIANCE", "TCS"), 6).repeatProbability(0).build());

    double perSecond = quotes.size() / 2.0 / (6.25 * 3600);
    assertThat(perSecond).isBetween(1.4, 1.6);
  }

  @Test
  void emitsOccasionalRepeatedQuotes() {
    List<Quote> quotes = collect(market(stocks("RELIANCE", "TCS"), 6).repeatProbability(0.01).build());

    long repeats = 0;
    for (int k = 1; k < quotes.size(); k++) {
      if (quotes.get(k).equals(quotes.get(k - 1))) {
        repeats++;
      }
    }
    assertThat(repeats).isBetween(quotes.size() / 200L, quotes.size() / 50L);
  }

  @Test
  void startsFromReferencePricesAndResetsVolumeEachSession() {
    Instrument reliance = stocks("RELIANCE").get(0);
    SyntheticMarket market = SyntheticMarket.builder().instruments(List.of(reliance))
        .sessions(List.of(nseSession(DAY), nseSession(DAY.plusDays(1)))).build();
    List<Quote> quotes = collect(market);

    assertThat(market.startPrice(reliance)).isEqualTo(Price.of("1400"));
    assertThat(Math.abs(quotes.get(0).lastPrice() - Price.of("1400").units())).isLessThan(Price.of("20").units());
    Quote firstOfDay2 = quotes.stream().filter(q -> Ist.dateOf(q.timestampMillis()).equals(DAY.plusDays(1)))
        .findFirst().orElseThrow();
    assertThat(firstOfDay2.dayVolume()).isLessThan(quotes.get(quotes.indexOf(firstOfDay2) - 1).dayVolume());
  }

  @Test
  void closeFromAnotherThreadStopsRun() throws Exception {
    SyntheticMarket market = SyntheticMarket.builder().instruments(REPO.all())
        .sessions(List.of(nseSession(DAY), nseSession(DAY.plusDays(1)), nseSession(DAY.plusDays(2)))).build();
    AtomicInteger delivered = new AtomicInteger();
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    Thread runner = new Thread(() -> market.run(q -> {
      delivered.incrementAndGet();
      started.countDown();
    }));

    runner.start();
    assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    market.close();
    runner.join(10_000);

    assertThat(runner.isAlive()).isFalse();
    assertThat(delivered.get()).isLessThan(3 * 57 * 33_000);
  }

  @Test
  void builderRejectsBadOptionsNamingTheField() {
    assertThatThrownBy(() -> SyntheticMarket.builder().ticksPerSecond(0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("ticksPerSecond");
    assertThatThrownBy(() -> SyntheticMarket.builder().instruments(stocks("TCS")).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("sessions");
    assertThatThrownBy(() -> SyntheticMarket.builder().session(nseSession(DAY.plusDays(1))).session(nseSession(DAY)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("time order");
  }

  @Test
  void generatesAFullDayForTwentyInstruments() {
    List<Instrument> universe = REPO.all().subList(2, 22);
    long[] count = {0};

    market(universe, 1).build().run(q -> count[0]++);

    assertThat(count[0]).isBetween(600_000L, 760_000L);
  }
}
