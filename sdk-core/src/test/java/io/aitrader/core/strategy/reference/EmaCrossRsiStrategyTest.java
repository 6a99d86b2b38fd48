package io.aitrader.core.strategy.reference;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Order;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.PortfolioService;
import io.aitrader.core.portfolio.DefaultPortfolioService;
import io.aitrader.api.signal.Direction;
import io.aitrader.api.signal.Signal;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.features.DefaultFeatureService;
import io.aitrader.core.features.StandardIndicators;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.orders.IntentRecordingOrderService;
import io.aitrader.core.strategy.StrategyHost;
import io.aitrader.core.testdata.TestInstruments;
import io.aitrader.core.testdata.WeekdayCalendar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmaCrossRsiStrategyTest {
  private final InProcessEventBus bus = InProcessEventBus.create();
  private final List<Signal> signals = new ArrayList<>();
  private IntentRecordingOrderService orders;
  private StrategyHost host;

  @AfterEach
  void close() {
    bus.close();
  }

  private void start(EmaCrossRsiStrategy strategy) {
    start(strategy, null);
  }

  private void start(EmaCrossRsiStrategy strategy, @org.jspecify.annotations.Nullable PortfolioService account) {
    DefaultFeatureService features = new DefaultFeatureService(StandardIndicators.catalog());
    features.define(strategy.features());
    bus.subscribe(Topics.bars(BarInterval.M1), features::onBar, SubscriptionOptions.SYNCHRONOUS);
    bus.subscribe(Topics.signals(strategy.id()), signals::add, SubscriptionOptions.SYNCHRONOUS);
    orders = new IntentRecordingOrderService(() -> host.now());
    host = StrategyHost.builder(strategy).bus(bus).instruments(InMemoryInstrumentRepository.of(List.of(RELIANCE)))
        .calendar(WeekdayCalendar.INSTANCE).features(features).orders(orders).build();
    if (account != null) {
      host = StrategyHost.builder(strategy).bus(bus).instruments(InMemoryInstrumentRepository.of(List.of(RELIANCE)))
          .calendar(WeekdayCalendar.INSTANCE).features(features).orders(orders).portfolio(account).build();
    }
    host.start();
  }

  /** Publishes one 1-minute bar per close, from 09:15 on. */
  private void closes(double... rupees) {
    long start = at("09:15:00");
    for (int i = 0; i < rupees.length; i++) {
      long p = Price.of(String.valueOf(rupees[i])).units();
      long t = start + i * 60_000L;
      bus.publish(Topics.bars(BarInterval.M1), new Bar(RELIANCE, BarInterval.M1, t, t + 60_000, p, p, p, p, 100, p * 100, 1, true));
    }
  }

  @Test
  void buysWhenTheFastEmaCrossesAboveTheSlowOneAndSellsWhenItCrossesBack() {
    start(new EmaCrossRsiStrategy("ema-rsi", List.of(RELIANCE), BarInterval.M1, 2, 4, 3, 90, 99, 100_000));

    // down, then a gentle rise (fast EMA crosses above the slow one), then down again (crosses back below)
    closes(1010, 1008, 1006, 1004, 1002, 1000, 1001, 1003, 1004, 1003, 1001, 998, 995);

    assertThat(signals).extracting(Signal::direction).containsExactly(Direction.LONG, Direction.FLAT);
    assertThat(signals.get(0).reason()).contains("ema(2)=").contains("crossed above ema(4)=").contains("rsi(3)=");
    assertThat(signals.get(1).reason()).contains("crossed below");
    List<Order> intents = orders.intents();
    assertThat(intents).extracting(o -> o.request().side()).containsExactly(Side.BUY, Side.SELL);
    assertThat(intents.get(0).request().quantity()).isEqualTo(99); // ₹1,00,000 / ₹1,003-1,004 a share
    assertThat(intents.get(1).request().quantity()).isEqualTo(intents.get(0).request().quantity());
    assertThat(signals.get(0).timestampMillis()).isEqualTo(intents.get(0).createdAtMillis());
  }

  @Test
  void doesNotEnterWhenRsiIsAboveTheEntryCeiling() {
    start(new EmaCrossRsiStrategy("ema-rsi", List.of(RELIANCE), BarInterval.M1, 2, 4, 3, 20, 99, 100_000));

    closes(1010, 1008, 1006, 1004, 1002, 1000, 1001, 1003, 1004);

    assertThat(signals).isEmpty();
    assertThat(orders.intents()).isEmpty();
  }

  @Test
  void squaresOffAnOpenPositionAtTheSessionEnd() {
    start(new EmaCrossRsiStrategy("ema-rsi", List.of(RELIANCE), BarInterval.M1, 2, 4, 3, 90, 99, 100_000));
    closes(1010, 1008, 1006, 1004, 1002, 1000, 1001, 1003, 1004);

    host.sessionEnded(WeekdayCalendar.INSTANCE.session(TestInstruments.MONDAY).orElseThrow());

    assertThat(orders.intents()).extracting(o -> o.request().side()).containsExactly(Side.BUY, Side.SELL);
  }

  @Test
  void withAnAccountWiredItClosesOnlyWhatTheAccountHolds() {
    // the BUY is only an intent here (nothing fills it), so the account stays flat: nothing to sell at the end
    start(new EmaCrossRsiStrategy("ema-rsi", List.of(RELIANCE), BarInterval.M1, 2, 4, 3, 90, 99, 100_000),
        DefaultPortfolioService.builder().startingCash(Money.ofRupees(1_000_000)).build());
    closes(1010, 1008, 1006, 1004, 1002, 1000, 1001, 1003, 1004);

    host.sessionEnded(WeekdayCalendar.INSTANCE.session(TestInstruments.MONDAY).orElseThrow());

    assertThat(orders.intents()).extracting(o -> o.request().side()).containsExactly(Side.BUY);
  }
}
