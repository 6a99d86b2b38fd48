package io.aitrader.core.risk;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.time.ManualTimeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * One engine under test: a synchronous in-process bus whose risk events are recorded, a manual clock, a hand-set
 * view and recording kill-switch actions.
 */
final class RiskFixture implements AutoCloseable, RiskActions {
  final InProcessEventBus bus = InProcessEventBus.builder().build();
  final ManualTimeSource clock;
  final TestRiskView view = new TestRiskView();
  final List<RiskCheck> checks = new ArrayList<>();
  final List<KillSwitchEvent> killSwitchEvents = new ArrayList<>();
  final List<String> cancelled = new ArrayList<>();
  final List<String> flattened = new ArrayList<>();
  final RiskEngine engine;
  private int nextId = 1;

  RiskFixture(RiskProfiles profiles, long startMillis) {
    this.clock = new ManualTimeSource(startMillis);
    bus.subscribe(RiskEngine.TOPIC, checks::add);
    bus.subscribe(RiskEngine.KILL_SWITCH_TOPIC, killSwitchEvents::add);
    this.engine = RiskEngine.builder().profiles(profiles).bus(bus).clock(clock).actions(this).build();
  }

  @Override
  public void cancelOpenOrders(String scope) {
    cancelled.add(scope);
  }

  @Override
  public void flatten(String scope) {
    flattened.add(scope);
  }

  /** A LIMIT order of {@code strategy} for RELIANCE under MIS. */
  OrderRequest limit(String strategy, Side side, long quantity, String price) {
    return limit(strategy, RELIANCE, Product.MIS, side, quantity, price);
  }

  OrderRequest limit(String strategy, Instrument instrument, Product product, Side side, long quantity, String price) {
    return OrderRequest.builder().instrument(instrument).side(side).quantity(quantity)
        .orderType(OrderType.LIMIT).limitPrice(Price.of(price)).product(product)
        .referenceId(String.format("order-%04d", nextId++)).strategyId(strategy).build();
  }

  OrderRequest market(String strategy, Side side, long quantity) {
    return OrderRequest.builder().instrument(RELIANCE).side(side).quantity(quantity)
        .orderType(OrderType.MARKET).product(Product.MIS)
        .referenceId(String.format("order-%04d", nextId++)).strategyId(strategy).build();
  }

  RiskCheck check(OrderRequest request) {
    return engine.check(request, view);
  }

  @Override
  public void close() {
    bus.close();
  }
}
