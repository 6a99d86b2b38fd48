package io.aitrader.core.strategy;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static io.aitrader.core.testdata.TestInstruments.at;
import static io.aitrader.core.testdata.TestInstruments.rupees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.bus.Topics;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.api.strategy.StrategyContext;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.orders.IntentRecordingOrderService;
import io.aitrader.core.testdata.TestInstruments;
import io.aitrader.core.testdata.WeekdayCalendar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StrategyHostTest {
  private final InProcessEventBus bus = InProcessEventBus.create();
  private final List<String> calls = new ArrayList<>();
  private StrategyHost host;
  private IntentRecordingOrderService orders;

  @AfterEach
  void closeBus() {
    bus.close();
  }

  /** A strategy that records what it sees and buys one share on every bar. */
  private class Recording implements Strategy {
    @Override
    public String id() {
      return "recorder";
    }

    @Override
    public void onStart(StrategyContext ctx) {
      calls.add("start");
      ctx.subscribe(RELIANCE, BarInterval.M1);
    }

    @Override
    public void onBar(BarView bar, StrategyContext ctx) {
      calls.add("bar " + bar.instrument().tradingSymbol() + " now=" + ctx.now());
      ctx.submit(ctx.newOrder(bar.instrument()).side(Side.BUY).quantity(1).orderType(OrderType.MARKET)
          .product(Product.MIS).build());
    }

    @Override
    public void onSessionStart(TradingSession session, StrategyContext ctx) {
      calls.add("session start " + session.date());
    }

    @Override
    public void onSessionEnd(TradingSession session, StrategyContext ctx) {
      calls.add("session end " + session.date());
    }
  }

  private StrategyHost start(Strategy strategy) {
    orders = new IntentRecordingOrderService(() -> host.now());
    host = StrategyHost.builder(strategy).bus(bus)
        .instruments(InMemoryInstrumentRepository.of(List.of(RELIANCE, TCS)))
        .calendar(WeekdayCalendar.INSTANCE).orders(orders).build();
    host.start();
    return host;
  }

  private static Bar bar(io.aitrader.api.instrument.Instrument i, String open) {
    long t = at(open);
    long p = rupees("2500");
    return new Bar(i, BarInterval.M1, t, t + 60_000, p, p, p, p, 10, p * 10, 1, true);
  }

  @Test
  void deliversSubscribedBarsOnlyWithTheClockAtTheBarClose() {
    start(new Recording());

    bus.publish(Topics.bars(BarInterval.M1), bar(TCS, "09:15:00"));
    bus.publish(Topics.bars(BarInterval.M1), bar(RELIANCE, "09:15:00"));
    bus.publish(Topics.bars(BarInterval.M5), bar(RELIANCE, "09:15:00").toBar());

    assertThat(calls).containsExactly("start", "bar RELIANCE now=" + at("09:16:00"));
  }

  @Test
  void ordersGoToTheOrderServiceWithDeterministicReferenceIds() {
    start(new Recording());

    bus.publish(Topics.bars(BarInterval.M1), bar(RELIANCE, "09:15:00"));
    bus.publish(Topics.bars(BarInterval.M1), bar(RELIANCE, "09:16:00"));

    List<Order> intents = orders.intents();
    assertThat(intents).extracting(o -> o.request().referenceId()).containsExactly("record250106-00001", "record250106-00002");
    assertThat(intents).allSatisfy(o -> {
      assertThat(o.status()).isEqualTo(OrderStatus.NEW);
      assertThat(o.request().strategyId()).isEqualTo("recorder");
    });
    assertThat(intents.get(0).createdAtMillis()).isEqualTo(at("09:16:00"));
  }

  @Test
  void referenceIdsAlreadyKnownToTheOrderServiceAreSkipped() {
    start(new Recording());
    bus.publish(Topics.bars(BarInterval.M1), bar(RELIANCE, "09:15:00"));
    // another strategy whose id starts alike ("recorder-b" → "record") takes the next id of the day
    orders.submit(OrderRequest.builder().instrument(RELIANCE).side(Side.BUY).quantity(1).orderType(OrderType.MARKET)
        .product(Product.MIS).referenceId("record250106-00002").strategyId("recorder-b").build());

    bus.publish(Topics.bars(BarInterval.M1), bar(RELIANCE, "09:16:00"));

    assertThat(orders.intents()).extracting(o -> o.request().referenceId())
        .containsExactly("record250106-00001", "record250106-00002", "record250106-00003");
    assertThat(orders.intents().get(2).request().strategyId()).isEqualTo("recorder");
  }

  @Test
  void subscribingOutsideOnStartFails() {
    start(new Recording());

    assertThatThrownBy(() -> host.subscribe(TCS, BarInterval.M1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("subscribe only from onStart");
  }

  @Test
  void aThrowingCallbackIsCountedAndDeliveryGoesOn() {
    start(new Recording() {
      @Override
      public void onBar(BarView bar, StrategyContext ctx) {
        calls.add("bar");
        throw new IllegalStateException("boom");
      }
    });

    bus.publish(Topics.bars(BarInterval.M1), bar(RELIANCE, "09:15:00"));
    bus.publish(Topics.bars(BarInterval.M1), bar(RELIANCE, "09:16:00"));

    assertThat(host.failures()).isEqualTo(2);
    assertThat(calls).containsExactly("start", "bar", "bar");
  }

  @Test
  void sessionEventsReachTheStrategyAndMoveTheClock() {
    start(new Recording());
    TradingSession monday = WeekdayCalendar.INSTANCE.session(TestInstruments.MONDAY).orElseThrow();

    host.sessionStarted(monday);
    host.sessionEnded(monday);

    assertThat(calls).containsExactly("start", "session start 2025-01-06", "session end 2025-01-06");
    assertThat(host.now()).isEqualTo(monday.closeMillis());
  }

  @Test
  void closeStopsDeliveries() {
    start(new Recording());

    host.close();
    bus.publish(Topics.bars(BarInterval.M1), bar(RELIANCE, "09:15:00"));

    assertThat(calls).containsExactly("start");
  }

  @Test
  void withoutAFeatureServiceThereAreNoFeaturesAndPositionsAreFlat() {
    start(new Recording());

    assertThat(host.features(RELIANCE, BarInterval.M1)).isEmpty();
    assertThat(host.position(RELIANCE, Product.MIS)).isEmpty();
    assertThat(host.portfolio().cash().toString()).isEqualTo("1000000.00");
  }
}
