package io.aitrader.core.backtest;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Position;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.api.strategy.StrategyContext;
import io.aitrader.core.paper.Slippage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Look-ahead is impossible by construction: a strategy that holds the whole future and tries to use it still sees
 * each bar only once it has closed, and its orders fill at the next bar's open, never at a price it peeked at.
 */
class NoLookAheadTest {
  private static final LocalDate FROM = LocalDate.of(2025, 3, 3);
  private static final LocalDate TO = LocalDate.of(2025, 3, 14);
  private static final List<Instrument> BOTH = List.of(RELIANCE, TCS);
  private static final List<Bar> DATA = WalkBars.of(BOTH, BarInterval.M5, FROM, TO, 11);

  /** Knows every future bar: buys (delivery) when the next bar will close higher, sells when it will close lower. */
  static final class Peeker implements Strategy {
    final Map<Instrument, List<Bar>> future = new HashMap<>();
    final List<String> violations = new ArrayList<>();
    /** Per order reference id: {decision time, index of the bar decided on}. */
    final Map<String, long[]> decisions = new HashMap<>();
    long lastSeenClose = Long.MIN_VALUE;

    Peeker() {
      for (Bar b : DATA) {
        future.computeIfAbsent(b.instrument(), i -> new ArrayList<>()).add(b);
      }
    }

    @Override
    public String id() {
      return "peeker";
    }

    @Override
    public List<String> features() {
      return List.of("ema(3)");
    }

    @Override
    public void onStart(StrategyContext ctx) {
      ctx.subscribe(RELIANCE, BarInterval.M5);
      ctx.subscribe(TCS, BarInterval.M5);
    }

    @Override
    public void onBar(BarView bar, StrategyContext ctx) {
      if (ctx.now() < bar.closeTimeMillis()) {
        violations.add("bar closing " + bar.closeTimeMillis() + " seen at " + ctx.now());
      }
      if (bar.closeTimeMillis() < lastSeenClose) {
        violations.add("bar closing " + bar.closeTimeMillis() + " after one closing " + lastSeenClose);
      }
      lastSeenClose = Math.max(lastSeenClose, bar.closeTimeMillis());
      for (Instrument i : BOTH) {
        Optional<FeatureVector> f = ctx.features(i, BarInterval.M5);
        if (f.isPresent() && f.get().timestampMillis() > ctx.now()) {
          violations.add("features of " + i.id() + " from " + f.get().timestampMillis() + " visible at " + ctx.now());
        }
      }
      List<Bar> series = future.get(bar.instrument());
      int index = indexOf(series, bar.openTimeMillis());
      if (index + 1 >= series.size()) {
        return;
      }
      Bar next = series.get(index + 1); // the peek
      long held = ctx.position(bar.instrument(), Product.CNC).map(Position::netQuantity).orElse(0L);
      Side side = next.close() > bar.close() ? Side.BUY : Side.SELL;
      if ((side == Side.BUY && held == 0) || (side == Side.SELL && held > 0)) {
        String ref = ctx.submit(ctx.newOrder(bar.instrument()).side(side).quantity(1).orderType(OrderType.MARKET)
            .product(Product.CNC).build()).referenceId();
        decisions.put(ref, new long[] {ctx.now(), index});
      }
    }

    private static int indexOf(List<Bar> series, long openTime) {
      for (int i = 0; i < series.size(); i++) {
        if (series.get(i).openTimeMillis() == openTime) {
          return i;
        }
      }
      throw new AssertionError("bar not in the data: " + openTime);
    }
  }

  @Test
  void aStrategyThatPeeksStillSeesBarsOnlyAfterTheyCloseAndFillsOnlyAtTheNextBarsOpen() {
    Peeker peeker = new Peeker();
    BacktestRun run = Backtest.run(BacktestConfig.builder().strategy(new FixedFactory("peeker", () -> peeker), Map.of())
        .instruments(BOTH).interval(BarInterval.M5).from(FROM).to(TO).slippage(Slippage.none())
        .data(HistoricalBars.inMemory(DATA, "random walk")).build());

    assertThat(peeker.violations).isEmpty();
    assertThat(peeker.decisions).hasSizeGreaterThan(20);
    assertThat(run.fills()).hasSizeGreaterThan(20);
    for (ChargedFill f : run.fills()) {
      long[] decision = peeker.decisions.get(f.fill().referenceId());
      List<Bar> series = peeker.future.get(f.fill().instrument());
      Bar decidedOn = series.get((int) decision[1]);
      Bar following = series.get((int) decision[1] + 1);
      assertThat(decision[0]).as("decided once the bar had closed").isEqualTo(decidedOn.closeTimeMillis());
      assertThat(f.fill().timestampMillis()).as("fills no earlier than the next bar")
          .isEqualTo(following.openTimeMillis()).isGreaterThanOrEqualTo(decision[0]);
      assertThat(f.fill().price().units()).as("at the next bar's open, not the peeked close").isEqualTo(following.open());
    }
  }
}
