package io.aitrader.core.backtest;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.store.EmbeddedMarketStore;
import io.aitrader.core.strategy.StrategyCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TickHistoryTest {
  private static final LocalDate DAY = LocalDate.of(2025, 1, 6);

  @Test
  void ticksInTheStoreBecomeSessionAlignedBarsForTheBacktest() {
    TradingSession session = ExchangeCalendar.nse().session(DAY).orElseThrow();
    List<Tick> ticks = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(3);
    long price = 1_250_0000L;
    for (long t = session.openMillis(); t < session.closeMillis(); t += 20_000) {
      price += (random.nextInt(5) - 2) * 500L;
      ticks.add(Tick.trade(RELIANCE, t, price, 1 + random.nextInt(50)));
    }
    try (EmbeddedMarketStore store = EmbeddedMarketStore.inMemory()) {
      store.appendTicks(ticks);
      HistoricalBars data = HistoricalBars.fromStoreTicks(store, ExchangeCalendar.nse(), "tick store");

      List<Bar> bars = data.bars(RELIANCE, BarInterval.M5, session);
      BacktestRun run = Backtest.run(BacktestConfig.builder().strategy(StrategyCatalog.standard().find("ema-cross"),
          Map.of("fast", "3", "slow", "8")).instruments(List.of(RELIANCE)).interval(BarInterval.M5).from(DAY).to(DAY)
          .data(data).build());

      assertThat(bars).hasSize(75);
      List<Tick> first = ticks.stream().filter(t -> t.timestampMillis() < session.openMillis() + 300_000).toList();
      assertThat(bars.get(0).open()).isEqualTo(first.get(0).lastPrice());
      assertThat(bars.get(0).close()).isEqualTo(first.get(first.size() - 1).lastPrice());
      assertThat(bars.get(0).volume()).isEqualTo(first.stream().mapToLong(Tick::lastQuantity).sum());
      assertThat(run.barsPerInstrument()).containsEntry("NSE:RELIANCE", 75L);
      assertThat(run.settings().data()).isEqualTo("tick store (bars aggregated from its ticks)");
    }
  }
}
