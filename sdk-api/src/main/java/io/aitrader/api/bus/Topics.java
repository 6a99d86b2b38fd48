package io.aitrader.api.bus;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.FeedStatus;
import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.market.Tick;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.signal.Signal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The standard topics of the seed design. {@link #ticks}, {@link #depth} and {@link #bars} return shared instances; {@link #signals}
 * builds a new (equal) {@code Topic} per call and validates its name, so keep the result rather than calling it per
 * event.
 */
public final class Topics {
  private static final Map<Exchange, Topic<Tick>> TICKS = new EnumMap<>(Exchange.class);
  private static final Map<Exchange, Topic<MarketDepth>> DEPTH = new EnumMap<>(Exchange.class);
  private static final Map<BarInterval, Topic<Bar>> BARS = new EnumMap<>(BarInterval.class);
  private static final Map<BarInterval, Topic<FeatureVector>> FEATURES = new EnumMap<>(BarInterval.class);

  static {
    for (Exchange e : Exchange.values()) {
      TICKS.put(e, Topic.of("market.ticks." + e.topicName(), Tick.class));
      DEPTH.put(e, Topic.of("market.depth." + e.topicName(), MarketDepth.class));
    }
    for (BarInterval i : BarInterval.values()) {
      BARS.put(i, Topic.of("market.candles." + i.label(), Bar.class));
      FEATURES.put(i, Topic.of("features." + i.label(), FeatureVector.class));
    }
  }

  private static final Topic<Order> ORDER_UPDATES = Topic.of("orders.updates", Order.class);
  private static final Topic<Fill> FILLS = Topic.of("orders.fills", Fill.class);
  private static final Topic<FeedStatus> FEED_STATUS = Topic.of("market.feed-status", FeedStatus.class);

  private Topics() {}

  /** {@code orders.updates}: every accepted change of state of an order the order service handles. */
  public static Topic<Order> orderUpdates() {
    return ORDER_UPDATES;
  }

  /** {@code orders.fills}: every fill (trade) of those orders, before the order update that reports it. */
  public static Topic<Fill> fills() {
    return FILLS;
  }

  /** {@code market.feed-status}: a feed lost or regained its connection. */
  public static Topic<FeedStatus> feedStatus() {
    return FEED_STATUS;
  }

  /** {@code market.ticks.<exchange>}: normalized ticks. */
  public static Topic<Tick> ticks(Exchange exchange) {
    return TICKS.get(exchange);
  }

  /**
   * {@code market.depth.<exchange>}: order-book snapshots ({@link MarketDepth}, best bids and offers) of the
   * instruments whose feed delivers depth, e.g. {@code market.depth.nse}. A snapshot replaces the previous one of
   * its instrument; depth lost in a feed outage is not repaired (unlike ticks and bars).
   */
  public static Topic<MarketDepth> depth(Exchange exchange) {
    return DEPTH.get(exchange);
  }

  /** {@code market.candles.<interval>}: complete bars (candles). */
  public static Topic<Bar> bars(BarInterval interval) {
    return BARS.get(interval);
  }

  /** {@code features.<interval>}: the feature vectors the feature service computes on complete bars. */
  public static Topic<FeatureVector> features(BarInterval interval) {
    return FEATURES.get(interval);
  }

  /** {@code signals.<strategy>}: the signals of one strategy (its id, see {@code Identifiers}). */
  public static Topic<Signal> signals(String strategy) {
    return Topic.of("signals." + strategy, Signal.class);
  }
}
