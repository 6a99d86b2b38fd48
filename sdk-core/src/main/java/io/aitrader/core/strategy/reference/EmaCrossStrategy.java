package io.aitrader.core.strategy.reference;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.RateLimitedException;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Position;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.api.strategy.StrategyContext;
import io.aitrader.api.time.Ist;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classic EMA crossover, long only: <b>buy</b> a market order for {@code notional} rupees of whole lots when the
 * fast EMA closes above the slow EMA after closing at or below it on the previous bar; <b>sell</b> the whole position
 * when it closes below after closing at or above. Intraday ({@code MIS}): no entry from 15:00 IST, and the
 * execution tier squares positions off at the cut-off. Delivery ({@code CNC}): held across days.
 *
 * <p>EMAs are the Feature service's {@code ema(n)} (TA-Lib: seeded with the SMA of the first n closes); the first
 * decision is on the bar after both are ready. Per bar it reads one feature vector and compares two doubles;
 * the position is read only on a crossover. State per instrument; time from the context only.
 */
public final class EmaCrossStrategy implements Strategy {
  private static final Logger LOG = LoggerFactory.getLogger(EmaCrossStrategy.class);
  private static final long LAST_ENTRY_MILLIS_OF_DAY = LocalTime.of(15, 0).toSecondOfDay() * 1_000L;

  private final String id;
  private final List<Instrument> instruments;
  private final BarInterval interval;
  private final String fast;
  private final String slow;
  private final long notionalRupees;
  private final Product product;
  private final Map<Instrument, State> states = new HashMap<>();

  private static final class State {
    double previousSpread = Double.NaN;
    int fastIndex = -1;
    int slowIndex = -1;
  }

  /**
   * @param fastPeriod     fast EMA period, e.g. 12
   * @param slowPeriod     slow EMA period, above the fast one, e.g. 26
   * @param notionalRupees order size in rupees, rounded down to whole lots (at least one lot)
   * @param product        {@code MIS} (intraday) or {@code CNC} (delivery)
   */
  public EmaCrossStrategy(String id, List<Instrument> instruments, BarInterval interval, int fastPeriod,
      int slowPeriod, long notionalRupees, Product product) {
    required(id, "EmaCrossStrategy.id");
    check(fastPeriod >= 1 && fastPeriod < slowPeriod, "EmaCrossStrategy.fast",
        "must be >= 1 and below slow " + slowPeriod, fastPeriod);
    check(notionalRupees > 0, "EmaCrossStrategy.notional", "must be > 0", notionalRupees);
    check(product == Product.MIS || product == Product.CNC, "EmaCrossStrategy.product", "must be MIS or CNC", product);
    check(!instruments.isEmpty(), "EmaCrossStrategy.instruments", "must not be empty", instruments);
    this.id = id;
    this.instruments = List.copyOf(instruments);
    this.interval = required(interval, "EmaCrossStrategy.interval");
    this.fast = "ema(" + fastPeriod + ")";
    this.slow = "ema(" + slowPeriod + ")";
    this.notionalRupees = notionalRupees;
    this.product = product;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<String> features() {
    return List.of(fast, slow);
  }

  @Override
  public void onStart(StrategyContext ctx) {
    for (Instrument i : instruments) {
      ctx.subscribe(i, interval);
      states.put(i, new State());
    }
  }

  @Override
  public void onBar(BarView bar, StrategyContext ctx) {
    State s = states.get(bar.instrument());
    if (s == null || bar.interval() != interval) {
      return;
    }
    Optional<FeatureVector> latest = ctx.features(bar.instrument(), interval);
    if (latest.isEmpty()) {
      return;
    }
    FeatureVector f = latest.get();
    if (f.timestampMillis() != bar.closeTimeMillis()) {
      return; // not warmed up for this bar
    }
    if (s.fastIndex < 0) {
      s.fastIndex = f.names().indexOf(fast);
      s.slowIndex = f.names().indexOf(slow);
      if (s.fastIndex < 0 || s.slowIndex < 0) {
        throw new IllegalStateException(id + ": the feature vector lacks " + fast + " or " + slow + ": " + f.names());
      }
    }
    double spread = f.value(s.fastIndex) - f.value(s.slowIndex);
    double previous = s.previousSpread;
    s.previousSpread = spread;
    if (Double.isNaN(previous) || Double.isNaN(spread)) {
      return;
    }
    if (previous <= 0 && spread > 0) {
      if (held(ctx, bar.instrument()) == 0
          && (product != Product.MIS || Ist.millisOfDay(ctx.now()) < LAST_ENTRY_MILLIS_OF_DAY)) {
        submit(ctx, bar.instrument(), Side.BUY, quantity(bar));
      }
    } else if (previous >= 0 && spread < 0) {
      long held = held(ctx, bar.instrument());
      if (held > 0) {
        submit(ctx, bar.instrument(), Side.SELL, held);
      }
    }
  }

  /** Sends a market order; a refusal (risk limits, the intraday cut-off, funds) is logged and the bar passes. */
  private void submit(StrategyContext ctx, Instrument instrument, Side side, long quantity) {
    try {
      ctx.submit(ctx.newOrder(instrument).side(side).quantity(quantity).orderType(OrderType.MARKET).product(product)
          .build());
    } catch (OrderRejectedException | RateLimitedException e) {
      LOG.debug("{}: {} {} {} refused: {}", id, side, quantity, instrument.id(), e.getMessage());
    }
  }

  private long held(StrategyContext ctx, Instrument instrument) {
    Optional<Position> p = ctx.position(instrument, product);
    return p.isPresent() ? p.orElseThrow().netQuantity() : 0; // no boxing: asked on every crossover
  }

  private long quantity(BarView bar) {
    int lot = bar.instrument().lotSize();
    long perLot = Math.multiplyExact(bar.close(), lot); // ₹0.0001 units
    long lots = Math.max(1, Math.multiplyExact(notionalRupees, Price.UNITS_PER_RUPEE) / perLot);
    return lots * lot;
  }
}
