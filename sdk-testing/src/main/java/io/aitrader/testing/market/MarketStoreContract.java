package io.aitrader.testing.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketStore;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link MarketStore}: every implementation — the embedded store in sdk-core, the
 * ClickHouse connector — extends this class and passes the same tests. It uses the SPI only.
 *
 * <pre>{@code
 * class EmbeddedMarketStoreDurableTest extends MarketStoreContract {
 *   @TempDir Path dir;
 *   protected MarketStore newStore() { return EmbeddedMarketStore.open(dir.resolve("store")); }
 *   protected MarketStore reopen(MarketStore closed) { return EmbeddedMarketStore.open(dir.resolve("store")); }
 *   protected boolean durable() { return true; }
 * }
 * }</pre>
 *
 * <p>{@link #newStore()} is called once per test for a fresh, empty store, which the kit closes after the test.
 * When {@link #durable()} holds, the durability tests close it and call {@link #reopen(MarketStore)} for a store
 * over the same data (a restart); otherwise they are skipped.
 */
public abstract class MarketStoreContract {
  /** NSE cash equity, tick ₹0.10. */
  protected static final Instrument RELIANCE = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("RELIANCE").exchangeToken("2885").growwSymbol("NSE-RELIANCE")
      .name("Reliance Industries").isin("INE002A01018").tickSize(Price.of("0.10")).build();
  /** NSE cash equity, tick ₹0.05. */
  protected static final Instrument INFY = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("INFY").exchangeToken("1594").growwSymbol("NSE-INFY").name("Infosys")
      .isin("INE009A01021").tickSize(Price.of("0.05")).build();
  /** A symbol with a character that is unsafe in file names and URLs. */
  protected static final Instrument M_AND_M = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("M&M").exchangeToken("2031").growwSymbol("NSE-M&M")
      .name("Mahindra & Mahindra").isin("INE101A01026").tickSize(Price.of("0.05")).build();
  /** The same symbol on BSE: a different instrument. */
  protected static final Instrument RELIANCE_BSE = Instrument.builder().exchange(Exchange.BSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("RELIANCE").exchangeToken("500325").growwSymbol("BSE-RELIANCE")
      .name("Reliance Industries").isin("INE002A01018").tickSize(Price.of("0.05")).build();
  /** An index future, lot 75. */
  protected static final Instrument NIFTY_FUT = Instrument.builder().exchange(Exchange.NSE).segment(Segment.FNO)
      .type(InstrumentType.FUT).tradingSymbol("NIFTY25JANFUT").exchangeToken("35001").underlying("NIFTY")
      .expiry(LocalDate.of(2025, 1, 30)).lotSize(75).tickSize(Price.of("0.05")).freezeQuantity(1800).build();

  /** 2025-01-06 09:15 IST, a Monday's session open. */
  protected static final long T0 = 1_736_135_100_000L;
  protected static final long MINUTE = 60_000L;
  private static final long WAIT_SECONDS = 60;

  private MarketStore store;

  /** A fresh, empty store. */
  protected abstract MarketStore newStore();

  /**
   * A store over the same durable data as {@code closed}, which the kit has just closed: a restart. Called only
   * when {@link #durable()} holds.
   */
  protected MarketStore reopen(MarketStore closed) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " says durable() but does not override reopen(MarketStore)");
  }

  /** Whether what is appended survives {@link MarketStore#close()} and {@link #reopen(MarketStore)}. */
  protected boolean durable() {
    return false;
  }

  /** The store under test. */
  protected final MarketStore store() {
    return store;
  }

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private void restart() {
    store.close();
    store = reopen(store);
  }

  /** A complete bar closing at {@code close} (₹0.0001 units) with a spread of ₹1.50 around it. */
  protected static Bar bar(Instrument instrument, BarInterval interval, long openTimeMillis, long close) {
    long volume = 1_000 + close % 977;
    return new Bar(instrument, interval, openTimeMillis, openTimeMillis + interval.millis(), close - 5_000,
        close + 10_000, close - 15_000, close, volume, volume * close, 37, true);
  }

  /** A trade print at {@code price} (₹0.0001 units) with a book around it. */
  protected static Tick tick(Instrument instrument, long timestampMillis, long price, long quantity) {
    return new Tick(instrument, timestampMillis, price, quantity, quantity + 50_000, price - 500, 120, price + 500,
        80, 0);
  }

  private static List<Bar> minuteBars(Instrument instrument, long fromMillis, int count) {
    List<Bar> bars = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      bars.add(bar(instrument, BarInterval.M1, fromMillis + i * MINUTE, 25_000_000L + 1_000L * i));
    }
    return bars;
  }

  private static List<Long> openTimes(List<Bar> bars) {
    List<Long> times = new ArrayList<>(bars.size());
    for (Bar b : bars) {
      times.add(b.openTimeMillis());
    }
    return times;
  }

  private static List<Long> tickTimes(List<Tick> ticks) {
    List<Long> times = new ArrayList<>(ticks.size());
    for (Tick t : ticks) {
      times.add(t.timestampMillis());
    }
    return times;
  }

  // ---- ranges --------------------------------------------------------------------------------------------------

  @Test
  void barsAreSelectedByAHalfOpenRangeOnTheirOpenTime() {
    List<Bar> bars = minuteBars(RELIANCE, T0, 4);
    store.appendBars(bars);

    assertThat(store.bars(RELIANCE, BarInterval.M1, T0 + MINUTE, T0 + 3 * MINUTE))
        .containsExactly(bars.get(1), bars.get(2));
    assertThat(store.bars(RELIANCE, BarInterval.M1, T0 + MINUTE + 1, T0 + 3 * MINUTE + 1))
        .containsExactly(bars.get(2), bars.get(3));
    assertThat(store.bars(RELIANCE, BarInterval.M1, T0, T0 + 1)).containsExactly(bars.get(0));
  }

  @Test
  void ticksAreSelectedByAHalfOpenRangeOnTheirTime() {
    List<Tick> ticks = List.of(tick(RELIANCE, T0, 25_000_000, 10), tick(RELIANCE, T0 + 1_000, 25_001_000, 5),
        tick(RELIANCE, T0 + 2_000, 25_002_000, 7), tick(RELIANCE, T0 + 3_000, 25_003_000, 1));
    store.appendTicks(ticks);

    assertThat(store.ticks(RELIANCE, T0 + 1_000, T0 + 3_000)).containsExactly(ticks.get(1), ticks.get(2));
    assertThat(store.ticks(RELIANCE, T0 + 1, T0 + 3_001)).containsExactly(ticks.get(1), ticks.get(2), ticks.get(3));
    assertThat(store.ticks(RELIANCE, T0 + 3_000, T0 + 3_001)).containsExactly(ticks.get(3));
  }

  @Test
  void anUnknownInstrumentOrARangeWithoutDataGivesAnEmptyList() {
    store.appendBars(minuteBars(RELIANCE, T0, 3));
    store.appendTicks(List.of(tick(RELIANCE, T0, 25_000_000, 10)));

    assertThat(store.bars(INFY, BarInterval.M1, 0, Long.MAX_VALUE)).isEmpty();
    assertThat(store.ticks(INFY, 0, Long.MAX_VALUE)).isEmpty();
    assertThat(store.bars(RELIANCE, BarInterval.M1, T0 - 60 * MINUTE, T0)).isEmpty();
    assertThat(store.bars(RELIANCE, BarInterval.M1, T0 + 3 * MINUTE, T0 + 60 * MINUTE)).isEmpty();
    assertThat(store.bars(RELIANCE, BarInterval.M1, T0 + MINUTE, T0 + MINUTE)).isEmpty();
    assertThat(store.ticks(RELIANCE, T0 + 1, T0 + 60 * MINUTE)).isEmpty();
    assertThat(store.ticks(RELIANCE, T0, T0)).isEmpty();
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefusedNamingTheArgument() {
    assertThatThrownBy(() -> store.bars(RELIANCE, BarInterval.M1, T0 + 1, T0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("fromMillis");
    assertThatThrownBy(() -> store.ticks(RELIANCE, T0 + 1, T0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("fromMillis");
  }

  // ---- order and replacement -----------------------------------------------------------------------------------

  @Test
  void barsComeBackInTimeOrderWhateverTheAppendOrder() {
    List<Bar> bars = minuteBars(RELIANCE, T0, 200);
    List<Bar> shuffled = new ArrayList<>(bars);
    Collections.shuffle(shuffled, new Random(7));

    for (int from = 0; from < shuffled.size(); from += 30) {
      store.appendBars(shuffled.subList(from, Math.min(from + 30, shuffled.size())));
    }

    assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactlyElementsOf(bars);
  }

  @Test
  void ticksComeBackInTimeOrderWhateverTheAppendOrder() {
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ticks.add(tick(RELIANCE, T0 + 250L * i, 25_000_000L + 500L * (i % 17), 1 + i % 9));
    }
    List<Tick> shuffled = new ArrayList<>(ticks);
    Collections.shuffle(shuffled, new Random(11));

    for (int from = 0; from < shuffled.size(); from += 30) {
      store.appendTicks(shuffled.subList(from, Math.min(from + 30, shuffled.size())));
    }

    assertThat(store.ticks(RELIANCE, 0, Long.MAX_VALUE)).containsExactlyElementsOf(ticks);
  }

  @Test
  void aLaterBarWithTheSameOpenTimeReplacesTheStoredOneWithoutDuplicating() {
    List<Bar> bars = minuteBars(RELIANCE, T0, 3);
    store.appendBars(bars);
    Bar revised = bar(RELIANCE, BarInterval.M1, T0 + MINUTE, 26_000_000);

    store.appendBars(List.of(revised));

    assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE))
        .containsExactly(bars.get(0), revised, bars.get(2));
  }

  @Test
  void withinOneBatchTheLastBarOfAnOpenTimeWins() {
    Bar first = bar(RELIANCE, BarInterval.M1, T0, 25_000_000);
    Bar second = bar(RELIANCE, BarInterval.M1, T0, 25_100_000);
    Bar third = bar(RELIANCE, BarInterval.M1, T0, 25_200_000);
    Bar next = bar(RELIANCE, BarInterval.M1, T0 + MINUTE, 25_300_000);

    store.appendBars(List.of(first, next, second, third));

    assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactly(third, next);
  }

  @Test
  void ticksAtTheSameMillisecondAreAllKept() {
    Tick a = tick(RELIANCE, T0, 25_000_000, 10);
    Tick b = tick(RELIANCE, T0, 25_000_500, 3);
    Tick c = tick(RELIANCE, T0, 25_000_000, 10);

    store.appendTicks(List.of(a, b));
    store.appendTicks(List.of(c));

    assertThat(store.ticks(RELIANCE, T0, T0 + 1)).containsExactlyInAnyOrder(a, b, c);
  }

  // ---- isolation -----------------------------------------------------------------------------------------------

  @Test
  void instrumentsAreKeptApart() {
    List<Bar> reliance = minuteBars(RELIANCE, T0, 5);
    List<Bar> relianceBse = minuteBars(RELIANCE_BSE, T0, 3);
    List<Bar> mm = minuteBars(M_AND_M, T0 + MINUTE, 4);
    List<Tick> futTicks = List.of(tick(NIFTY_FUT, T0, 236_000_000, 75), tick(NIFTY_FUT, T0 + 5, 236_010_000, 150));
    List<Tick> infyTicks = List.of(tick(INFY, T0 + 1, 19_000_000, 3));
    List<Bar> mixed = new ArrayList<>(reliance);
    mixed.addAll(relianceBse);
    mixed.addAll(mm);

    store.appendBars(mixed);
    List<Tick> mixedTicks = new ArrayList<>(futTicks);
    mixedTicks.addAll(infyTicks);
    store.appendTicks(mixedTicks);

    assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactlyElementsOf(reliance);
    assertThat(store.bars(RELIANCE_BSE, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactlyElementsOf(relianceBse);
    assertThat(store.bars(M_AND_M, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactlyElementsOf(mm);
    assertThat(store.ticks(NIFTY_FUT, 0, Long.MAX_VALUE)).containsExactlyElementsOf(futTicks);
    assertThat(store.ticks(INFY, 0, Long.MAX_VALUE)).containsExactlyElementsOf(infyTicks);
    assertThat(store.ticks(RELIANCE, 0, Long.MAX_VALUE)).isEmpty();
    assertThat(store.bars(NIFTY_FUT, BarInterval.M1, 0, Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void intervalsAreKeptApart() {
    Bar oneMinute = bar(RELIANCE, BarInterval.M1, T0, 25_000_000);
    Bar fiveMinutes = bar(RELIANCE, BarInterval.M5, T0, 25_100_000);
    Bar day = bar(RELIANCE, BarInterval.D1, T0, 25_200_000);

    store.appendBars(List.of(oneMinute, fiveMinutes, day));

    assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactly(oneMinute);
    assertThat(store.bars(RELIANCE, BarInterval.M5, 0, Long.MAX_VALUE)).containsExactly(fiveMinutes);
    assertThat(store.bars(RELIANCE, BarInterval.D1, 0, Long.MAX_VALUE)).containsExactly(day);
    assertThat(store.bars(RELIANCE, BarInterval.M15, 0, Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void seriesAreKeyedByInstrumentIdAndResultsCarryTheQueriedInstrument() {
    store.appendBars(minuteBars(RELIANCE, T0, 3));
    store.appendTicks(List.of(tick(RELIANCE, T0, 25_000_000, 10), tick(RELIANCE, T0 + 1, 25_000_500, 2)));
    Instrument renamed = RELIANCE.toBuilder().name("Reliance Industries Ltd").build();

    List<Bar> bars = store.bars(renamed, BarInterval.M1, 0, Long.MAX_VALUE);
    List<Tick> ticks = store.ticks(renamed, 0, Long.MAX_VALUE);

    assertThat(bars).hasSize(3).allSatisfy(b -> assertThat(b.instrument()).isSameAs(renamed));
    assertThat(ticks).hasSize(2).allSatisfy(t -> assertThat(t.instrument()).isSameAs(renamed));
    assertThat(store.lastTick(renamed).orElseThrow().instrument()).isSameAs(renamed);
  }

  // ---- arguments -----------------------------------------------------------------------------------------------

  @Test
  void nullArgumentsAreRefusedAndABatchHoldingANullStoresNothing() {
    Bar good = bar(RELIANCE, BarInterval.M1, T0, 25_000_000);
    Tick goodTick = tick(RELIANCE, T0, 25_000_000, 1);

    assertThatThrownBy(() -> store.appendBars(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.appendTicks(null)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.appendBars(Arrays.asList(good, null))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.appendTicks(Arrays.asList(goodTick, null)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.bars(null, BarInterval.M1, 0, 1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.bars(RELIANCE, null, 0, 1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.ticks(null, 0, 1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.lastTick(null)).isInstanceOf(ValidationException.class);

    assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).isEmpty();
    assertThat(store.ticks(RELIANCE, 0, Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void anEmptyBatchIsAcceptedAndChangesNothing() {
    store.appendBars(List.of());
    store.appendTicks(List.of());

    assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).isEmpty();
    assertThat(store.lastTick(RELIANCE)).isEmpty();
  }

  // ---- last tick -----------------------------------------------------------------------------------------------

  @Test
  void lastTickIsTheLatestByTimeNotByAppendOrder() {
    Tick latest = tick(RELIANCE, T0 + 5_000, 25_050_000, 4);
    store.appendTicks(List.of(latest, tick(RELIANCE, T0 + 1_000, 25_010_000, 9)));
    store.appendTicks(List.of(tick(RELIANCE, T0 + 3_000, 25_030_000, 2)));

    assertThat(store.lastTick(RELIANCE)).contains(latest);
  }

  @Test
  void lastTickIsEmptyWhenNoTickIsStored() {
    store.appendBars(minuteBars(INFY, T0, 2));
    store.appendTicks(List.of(tick(RELIANCE, T0, 25_000_000, 1)));

    assertThat(store.lastTick(INFY)).isEmpty();
    assertThat(store.lastTick(NIFTY_FUT)).isEmpty();
  }

  // ---- fidelity ------------------------------------------------------------------------------------------------

  @Test
  void batchesOfManyThousandsOfBarsRoundTripEveryFieldExactly() {
    Random random = new Random(20_250_106);
    List<Bar> bars = new ArrayList<>();
    bars.add(new Bar(NIFTY_FUT, BarInterval.M1, T0, T0 + MINUTE, 1, Long.MAX_VALUE, 1, Long.MAX_VALUE,
        Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, false));
    for (int i = 1; i < 24_000; i++) {
      bars.add(randomBar(random, NIFTY_FUT, T0 + i * MINUTE));
    }

    for (int from = 0; from < bars.size(); from += 8_000) {
      store.appendBars(bars.subList(from, from + 8_000));
    }

    assertThat(store.bars(NIFTY_FUT, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactlyElementsOf(bars);
    if (durable()) {
      restart();
      assertThat(store.bars(NIFTY_FUT, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactlyElementsOf(bars);
    }
  }

  @Test
  void batchesOfManyThousandsOfTicksRoundTripEveryFieldExactly() {
    Random random = new Random(20_250_107);
    List<Tick> ticks = new ArrayList<>();
    ticks.add(new Tick(NIFTY_FUT, T0, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
        Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
    for (int i = 1; i < 24_000; i++) {
      ticks.add(randomTick(random, NIFTY_FUT, T0 + 37L * i));
    }

    for (int from = 0; from < ticks.size(); from += 8_000) {
      store.appendTicks(ticks.subList(from, from + 8_000));
    }

    assertThat(store.ticks(NIFTY_FUT, 0, Long.MAX_VALUE)).containsExactlyElementsOf(ticks);
    if (durable()) {
      restart();
      assertThat(store.ticks(NIFTY_FUT, 0, Long.MAX_VALUE)).containsExactlyElementsOf(ticks);
    }
  }

  private static long below(Random random, long bound) {
    return (random.nextLong() >>> 1) % bound;
  }

  private static Bar randomBar(Random random, Instrument instrument, long openTimeMillis) {
    long low = 1 + below(random, 5_000_000_000L);
    long high = low + below(random, 50_000_000L);
    long open = low + below(random, high - low + 1);
    long close = low + below(random, high - low + 1);
    long volume = below(random, 10_000_000_000L);
    long turnover = random.nextLong() >>> 1;
    int tradeCount = random.nextInt(Integer.MAX_VALUE);
    long closeTime = openTimeMillis + MINUTE - below(random, 30_000); // some bars cut short
    return new Bar(instrument, BarInterval.M1, openTimeMillis, closeTime, open, high, low, close, volume, turnover,
        tradeCount, random.nextInt(5) != 0);
  }

  private static Tick randomTick(Random random, Instrument instrument, long timestampMillis) {
    long quantity = below(random, 1_000_000);
    return new Tick(instrument, timestampMillis, 1 + below(random, 5_000_000_000L), quantity,
        quantity + below(random, Long.MAX_VALUE - quantity), below(random, 5_000_000_000L), below(random, 1_000_000),
        below(random, 5_000_000_000L), below(random, 1_000_000), below(random, 100_000_000));
  }

  // ---- returned lists ------------------------------------------------------------------------------------------

  @Test
  void returnedListsAreImmutable() {
    Bar extra = bar(RELIANCE, BarInterval.M1, T0 + 9 * MINUTE, 25_000_000);
    Tick extraTick = tick(RELIANCE, T0 + 9, 25_000_000, 1);
    store.appendBars(minuteBars(RELIANCE, T0, 3));
    store.appendTicks(List.of(tick(RELIANCE, T0, 25_000_000, 10)));

    List<Bar> bars = store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE);
    List<Tick> ticks = store.ticks(RELIANCE, 0, Long.MAX_VALUE);
    List<Bar> none = store.bars(INFY, BarInterval.M1, 0, Long.MAX_VALUE);

    assertThatThrownBy(() -> bars.add(extra)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> bars.set(0, extra)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> bars.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> bars.sort(Comparator.comparingLong(Bar::close)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ticks.add(extraTick)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ticks.set(0, extraTick)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> none.add(extra)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aReturnedListIsASnapshotThatLaterAppendsDoNotChange() {
    List<Bar> first = minuteBars(RELIANCE, T0, 3);
    store.appendBars(first);
    List<Bar> before = store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE);

    store.appendBars(List.of(bar(RELIANCE, BarInterval.M1, T0, 26_000_000),
        bar(RELIANCE, BarInterval.M1, T0 - MINUTE, 26_000_000)));

    assertThat(before).containsExactlyElementsOf(first);
  }

  // ---- concurrency ---------------------------------------------------------------------------------------------

  @Test
  void concurrentAppendsFromTwoThreadsLoseNothing() throws Exception {
    int batches = 25;
    int perBatch = 40;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> writers = new ArrayList<>();
    try {
      for (int thread = 0; thread < 2; thread++) {
        int parity = thread;
        writers.add(pool.submit(() -> {
          await(start);
          for (int b = 0; b < batches; b++) {
            List<Bar> bars = new ArrayList<>(perBatch);
            List<Tick> ticks = new ArrayList<>(perBatch);
            for (int i = 0; i < perBatch; i++) {
              long slot = 2L * (b * perBatch + i) + parity; // the two threads interleave in time
              bars.add(bar(RELIANCE, BarInterval.M1, T0 + slot * MINUTE, 25_000_000L + 100L * slot));
              ticks.add(tick(RELIANCE, T0 + slot, 25_000_000L + 100L * slot, 1 + slot));
            }
            store.appendBars(bars);
            store.appendTicks(ticks);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    int total = 2 * batches * perBatch;
    List<Long> expectedBarTimes = new ArrayList<>(total);
    List<Long> expectedTickTimes = new ArrayList<>(total);
    for (long slot = 0; slot < total; slot++) {
      expectedBarTimes.add(T0 + slot * MINUTE);
      expectedTickTimes.add(T0 + slot);
    }
    assertThat(openTimes(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)))
        .containsExactlyElementsOf(expectedBarTimes);
    assertThat(tickTimes(store.ticks(RELIANCE, 0, Long.MAX_VALUE))).containsExactlyElementsOf(expectedTickTimes);
  }

  @Test
  void readsDuringConcurrentAppendsSeeTimeOrderedSeriesThatOnlyGrow() throws Exception {
    int batches = 25;
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<Integer> reader;
    try {
      Future<?> writer = pool.submit(() -> {
        await(start);
        try {
          for (int b = batches - 1; b >= 0; b--) { // newest first: every batch lands before what is stored
            store.appendBars(minuteBars(INFY, T0 + b * 20L * MINUTE, 20));
          }
        } finally {
          writing.set(false);
        }
        return null;
      });
      reader = pool.submit(readUntilDone(start, writing));
      start.countDown();
      writer.get(WAIT_SECONDS, TimeUnit.SECONDS);
      reader.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(reader.get()).isPositive();
    assertThat(store.bars(INFY, BarInterval.M1, 0, Long.MAX_VALUE)).hasSize(batches * 20);
  }

  private Callable<Integer> readUntilDone(CountDownLatch start, AtomicBoolean writing) {
    return () -> {
      await(start);
      int reads = 0;
      int seen = 0;
      boolean last = false;
      while (!last) {
        last = !writing.get(); // one more read after the writer finished
        List<Long> times = openTimes(store.bars(INFY, BarInterval.M1, 0, Long.MAX_VALUE));
        assertThat(times).isSorted().doesNotHaveDuplicates();
        assertThat(times.size()).isGreaterThanOrEqualTo(seen);
        seen = times.size();
        reads++;
      }
      return reads;
    };
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the start signal did not come within " + WAIT_SECONDS + " s");
    }
  }

  // ---- lifecycle -----------------------------------------------------------------------------------------------

  @Test
  void closeIsIdempotentAndAClosedStoreRefusesUse() {
    Bar bar = bar(RELIANCE, BarInterval.M1, T0, 25_000_000);
    Tick tick = tick(RELIANCE, T0, 25_000_000, 1);
    store.appendBars(List.of(bar));

    store.close();
    store.close();

    assertThatThrownBy(() -> store.appendBars(List.of(bar))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.appendTicks(List.of(tick))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.bars(RELIANCE, BarInterval.M1, 0, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.ticks(RELIANCE, 0, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.lastTick(RELIANCE)).isInstanceOf(IllegalStateException.class);
  }

  // ---- durability ----------------------------------------------------------------------------------------------

  @Test
  void everythingAppendedSurvivesCloseAndReopen() {
    assumeTrue(durable(), "this store keeps nothing across a restart");
    List<Bar> reliance = minuteBars(RELIANCE, T0, 50);
    Bar revised = bar(RELIANCE, BarInterval.M1, T0 + 7 * MINUTE, 26_000_000);
    Bar daily = bar(M_AND_M, BarInterval.D1, T0, 30_000_000);
    List<Tick> ticks = List.of(tick(NIFTY_FUT, T0 + 2, 236_000_000, 75), tick(NIFTY_FUT, T0 + 1, 235_990_000, 150),
        tick(NIFTY_FUT, T0 + 1, 235_990_000, 75));
    store.appendBars(reliance);
    store.appendBars(List.of(revised, daily));
    store.appendTicks(ticks);
    List<Bar> expected = new ArrayList<>(reliance);
    expected.set(7, revised);

    restart();

    assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactlyElementsOf(expected);
    assertThat(store.bars(M_AND_M, BarInterval.D1, 0, Long.MAX_VALUE)).containsExactly(daily);
    assertThat(store.ticks(NIFTY_FUT, 0, Long.MAX_VALUE))
        .containsExactlyInAnyOrderElementsOf(ticks).last().isEqualTo(ticks.get(0));
    assertThat(store.lastTick(NIFTY_FUT)).contains(ticks.get(0));
  }

  @Test
  void appendsAfterAReopenExtendAndReplaceTheStoredSeries() {
    assumeTrue(durable(), "this store keeps nothing across a restart");
    List<Bar> bars = minuteBars(RELIANCE, T0, 10);
    store.appendBars(bars);
    store.appendTicks(List.of(tick(RELIANCE, T0 + 5, 25_000_000, 1)));
    restart();
    Bar revised = bar(RELIANCE, BarInterval.M1, T0 + 2 * MINUTE, 26_000_000);
    Bar later = bar(RELIANCE, BarInterval.M1, T0 + 10 * MINUTE, 26_100_000);
    Tick earlier = tick(RELIANCE, T0 + 1, 24_900_000, 2);

    store.appendBars(List.of(later, revised)); // before any query of the reopened store
    store.appendTicks(List.of(earlier));
    List<Bar> expected = new ArrayList<>(bars);
    expected.set(2, revised);
    expected.add(later);

    assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactlyElementsOf(expected);
    assertThat(tickTimes(store.ticks(RELIANCE, 0, Long.MAX_VALUE))).containsExactly(T0 + 1, T0 + 5);
    restart();
    assertThat(store.bars(RELIANCE, BarInterval.M1, 0, Long.MAX_VALUE)).containsExactlyElementsOf(expected);
    assertThat(store.lastTick(RELIANCE).orElseThrow().timestampMillis()).isEqualTo(T0 + 5);
  }
}
