package io.aitrader.core.risk;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link RiskView} a test sets up by hand: figures per scope, amounts in rupees. */
final class TestRiskView implements RiskView {
  private final Map<String, Long> netQuantities = new HashMap<>();
  private final Map<String, Long> lastPrices = new HashMap<>();
  private final Map<String, Long> gross = new HashMap<>();
  private final Map<String, Long> net = new HashMap<>();
  private final Map<String, Integer> open = new HashMap<>();
  private final Map<String, Long> pnl = new HashMap<>();
  private final List<Position> positions = new ArrayList<>();
  private final List<Order> activeOrders = new ArrayList<>();

  TestRiskView position(String scope, Instrument instrument, Product product, long quantity) {
    netQuantities.put(scope + "|" + instrument.id() + "|" + product, quantity);
    return this;
  }

  TestRiskView lastPrice(Instrument instrument, String rupees) {
    lastPrices.put(instrument.id(), Price.of(rupees).units());
    return this;
  }

  TestRiskView grossExposure(String scope, String rupees) {
    gross.put(scope, Price.of(rupees).units());
    return this;
  }

  TestRiskView netExposure(String scope, String rupees) {
    net.put(scope, Price.of(rupees).units());
    return this;
  }

  TestRiskView openOrders(String scope, int count) {
    open.put(scope, count);
    return this;
  }

  TestRiskView dayPnl(String scope, String rupees) {
    pnl.put(scope, Price.of(rupees).units());
    return this;
  }

  TestRiskView addPosition(Position p) {
    positions.add(p);
    return this;
  }

  TestRiskView addActiveOrder(Order o) {
    activeOrders.add(o);
    return this;
  }

  @Override
  public long netQuantity(String scope, Instrument instrument, Product product) {
    return netQuantities.getOrDefault(scope + "|" + instrument.id() + "|" + product, 0L);
  }

  @Override
  public long lastPriceUnits(Instrument instrument) {
    return lastPrices.getOrDefault(instrument.id(), 0L);
  }

  @Override
  public long grossExposureUnits(String scope) {
    return gross.getOrDefault(scope, 0L);
  }

  @Override
  public long netExposureUnits(String scope) {
    return net.getOrDefault(scope, 0L);
  }

  @Override
  public int openOrders(String scope) {
    return open.getOrDefault(scope, 0);
  }

  @Override
  public long dayPnlUnits(String scope) {
    return pnl.getOrDefault(scope, 0L);
  }

  @Override
  public List<Position> positions() {
    return List.copyOf(positions);
  }

  @Override
  public List<Order> activeOrders() {
    return List.copyOf(activeOrders);
  }
}
