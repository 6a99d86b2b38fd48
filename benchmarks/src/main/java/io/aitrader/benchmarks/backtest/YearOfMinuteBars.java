package io.aitrader.benchmarks.backtest;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import io.aitrader.core.backtest.BacktestConfig;
import io.aitrader.core.backtest.HistoricalBars;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.market.synthetic.SyntheticBars;
import io.aitrader.core.paper.Slippage;
import io.aitrader.core.strategy.StrategyCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The shared data of the backtest benchmark, built once and not timed: the first {@value #INSTRUMENTS} equities
 * (type {@code EQ}, NSE cash segment; indices excluded) of the bundled NSE instrument master, and their synthetic
 * one-minute bars ({@link SyntheticBars}, seed {@value #SEED}) for every NSE session from {@link #FROM} to
 * {@link #TO}, held as this project's {@link Bar}s behind {@link HistoricalBars#inMemory}, converted into one ta4j
 * {@link BarSeries} per instrument with ta4j's fastest number type, {@link DoubleNum} (a price is
 * {@code units / 10_000.0}, the very double this project's indicators read from a bar), or both ({@link Copies}).
 *
 * <p>Also the two runs' settings: {@link #aitraderConfig()} and the strategy parameters. Immutable once built; the
 * ta4j series are not modified by a backtest, so one instance serves every run.
 */
final class YearOfMinuteBars {
  static final int INSTRUMENTS = 50;
  static final long SEED = 42;
  static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  static final LocalDate TO = LocalDate.of(2025, 12, 31);
  static final int FAST = 12;
  static final int SLOW = 26;
  static final long NOTIONAL_RUPEES = 100_000;
  /** ₹100 crore: funds never refuse an order (50 instruments × ₹1 lakh at most is ₹50 lakh). */
  static final Money STARTING_CASH = Money.ofRupees(1_000_000_000L);

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** Which copies of the bars to keep. */
  enum Copies {
    /** Our bars only, behind {@link HistoricalBars#inMemory}. */
    AITRADER,
    /** The ta4j series only (our bars are dropped once converted). */
    TA4J,
    BOTH
  }

  final List<Instrument> instruments;
  final long barCount;
  private final @Nullable HistoricalBars data;
  private final List<BarSeries> series;

  private YearOfMinuteBars(List<Instrument> instruments, long barCount, @Nullable HistoricalBars data,
      List<BarSeries> series) {
    this.instruments = List.copyOf(instruments);
    this.barCount = barCount;
    this.data = data;
    this.series = List.copyOf(series);
  }

  /**
   * Generates the bars and keeps {@code copies} of them (a few seconds; 0.5 GB of heap for our bars and
   * 1.7 GB for the ta4j series). A benchmark keeps only its own side's copy, so that neither pays for collecting
   * garbage around the other's.
   */
  static YearOfMinuteBars generate(Copies copies) {
    List<Instrument> instruments = new ArrayList<>();
    for (Instrument i : InMemoryInstrumentRepository.bundledNse().all()) {
      if (i.exchange() == Exchange.NSE && i.segment() == Segment.CASH && i.type() == InstrumentType.EQ
          && instruments.size() < INSTRUMENTS) {
        instruments.add(i);
      }
    }
    if (instruments.size() < INSTRUMENTS) {
      throw new IllegalStateException("the bundled NSE master has only " + instruments.size() + " equities, "
          + INSTRUMENTS + " needed");
    }
    SyntheticBars synthetic = SyntheticBars.builder().seed(SEED).build();
    List<Bar> all = new ArrayList<>();
    List<BarSeries> series = new ArrayList<>();
    long count = 0;
    for (Instrument i : instruments) {
      List<Bar> b = synthetic.bars(i, BarInterval.M1, FROM, TO);
      count += b.size();
      if (copies != Copies.TA4J) {
        all.addAll(b);
      }
      if (copies != Copies.AITRADER) {
        series.add(toTa4j(i, b));
      }
    }
    HistoricalBars data = copies == Copies.TA4J ? null
        : HistoricalBars.inMemory(all, "synthetic market (seed " + SEED + "), in memory");
    return new YearOfMinuteBars(instruments, count, data, series);
  }

  /** Per instrument (same order as {@link #instruments}), its bars as a ta4j series. */
  List<BarSeries> series() {
    if (series.isEmpty()) {
      throw new IllegalStateException("the ta4j series were not kept");
    }
    return series;
  }

  /** One ta4j series of {@link DoubleNum}s: bar i of the series is bar i of {@code bars}, ending at its close time. */
  static BarSeries toTa4j(Instrument instrument, List<Bar> bars) {
    BarSeries s = new BaseBarSeriesBuilder().withName(instrument.id()).withNumTypeOf(DoubleNum.class).build();
    for (Bar b : bars) {
      Duration length = b.closeTimeMillis() - b.openTimeMillis() == MINUTE.toMillis() ? MINUTE
          : Duration.ofMillis(b.closeTimeMillis() - b.openTimeMillis());
      ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(b.closeTimeMillis()), Ist.ZONE);
      s.addBar(new BaseBar(length, end, rupees(b.open()), rupees(b.high()), rupees(b.low()), rupees(b.close()),
          DoubleNum.valueOf(b.volume()), rupees(b.turnover()), b.tradeCount()));
    }
    return s;
  }

  private static Num rupees(long units) {
    return DoubleNum.valueOf(units / (double) Price.UNITS_PER_RUPEE);
  }

  /**
   * This project's run: {@code ema-cross} (fast {@value #FAST}, slow {@value #SLOW}, CNC, ₹{@value #NOTIONAL_RUPEES}
   * per entry) over all instruments, M1, Groww's charges (the default), no slippage, no volume cap, ₹100 crore.
   */
  BacktestConfig aitraderConfig() {
    return BacktestConfig.builder()
        .strategy(StrategyCatalog.standard().find("ema-cross"), Map.of("fast", Integer.toString(FAST),
            "slow", Integer.toString(SLOW), "notional", Long.toString(NOTIONAL_RUPEES), "product", "CNC"))
        .instruments(instruments).interval(BarInterval.M1).from(FROM).to(TO)
        .data(requireData())
        .startingCash(STARTING_CASH)
        .slippage(Slippage.none())
        .maxVolumeShare(1.0)
        .build();
  }

  private HistoricalBars requireData() {
    if (data == null) {
      throw new IllegalStateException("our bars were not kept");
    }
    return data;
  }
}
