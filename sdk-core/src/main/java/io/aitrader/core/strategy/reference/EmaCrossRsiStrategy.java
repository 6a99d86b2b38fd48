package io.aitrader.core.strategy.reference;

import static io.aitrader.api.ValidationException.check;

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
import io.aitrader.api.signal.Direction;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.api.strategy.StrategyContext;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TradingSession;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EMA crossover with an RSI filter, long only, intraday (MIS):
 * <ul>
 *   <li><b>Enter</b> when the fast EMA crosses above the slow EMA on a closed bar and RSI is below
 *       {@code rsiMaxEntry} (not already overbought), before {@code lastEntry} IST.</li>
 *   <li><b>Exit</b> when the fast EMA crosses back below the slow one, or RSI rises above {@code rsiExit}, and at
 *       the session end (MIS positions are squared off the same day).</li>
 * </ul>
 * Each decision is emitted as a {@link Signal} whose reason names the feature values, then an order is submitted
 * for {@code notional} rupees worth of whole lots. State is per instrument; time comes only from the context.
 */
public final class EmaCrossRsiStrategy implements Strategy {
  private static final Logger LOG = LoggerFactory.getLogger(EmaCrossRsiStrategy.class);
  private final String id;
  private final List<Instrument> instruments;
  private final BarInterval interval;
  private final String fast;
  private final String slow;
  private final String rsi;
  private final double rsiMaxEntry;
  private final double rsiExit;
  private final long notionalRupees;
  /** No new entry at or after this IST time of day (15:00), in milliseconds since midnight. */
  private final long lastEntryMillisOfDay;
  private final Map<Instrument, State> states = new HashMap<>();

  private static final class State {
    double previousSpread = Double.NaN;
    long quantity;
  }

  /**
   * @param fastPeriod     fast EMA period, e.g. 9
   * @param slowPeriod     slow EMA period, e.g. 21
   * @param rsiPeriod      RSI period, e.g. 14
   * @param notionalRupees order size in rupees (rounded down to whole lots, at least one lot)
   */
  public EmaCrossRsiStrategy(String id, List<Instrument> instruments, BarInterval interval, int fastPeriod,
      int slowPeriod, int rsiPeriod, double rsiMaxEntry, double rsiExit, long notionalRupees) {
    check(fastPeriod >= 1 && fastPeriod < slowPeriod, "EmaCrossRsiStrategy.fastPeriod",
        "must be >= 1 and below slowPeriod " + slowPeriod, fastPeriod);
    check(rsiPeriod >= 2, "EmaCrossRsiStrategy.rsiPeriod", "must be >= 2", rsiPeriod);
    check(rsiMaxEntry > 0 && rsiMaxEntry < rsiExit && rsiExit <= 100, "EmaCrossRsiStrategy.rsiMaxEntry",
        "must be in (0, rsiExit " + rsiExit + ")", rsiMaxEntry);
    check(notionalRupees > 0, "EmaCrossRsiStrategy.notionalRupees", "must be > 0", notionalRupees);
    check(!instruments.isEmpty(), "EmaCrossRsiStrategy.instruments", "must not be empty", instruments);
    this.id = id;
    this.instruments = List.copyOf(instruments);
    this.interval = interval;
    this.fast = "ema(" + fastPeriod + ")";
    this.slow = "ema(" + slowPeriod + ")";
    this.rsi = "rsi(" + rsiPeriod + ")";
    this.rsiMaxEntry = rsiMaxEntry;
    this.rsiExit = rsiExit;
    this.notionalRupees = notionalRupees;
    this.lastEntryMillisOfDay = LocalTime.of(15, 0).toSecondOfDay() * 1_000L;
  }

  /** The usual setting: EMA 9/21, RSI 14 below 70 to enter, above 80 to exit, ₹1,00,000 per trade. */
  public static EmaCrossRsiStrategy standard(List<Instrument> instruments, BarInterval interval) {
    return new EmaCrossRsiStrategy("ema-rsi", instruments, interval, 9, 21, 14, 70, 80, 100_000);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<String> features() {
    return List.of(fast, slow, rsi);
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
    FeatureVector f = ctx.features(bar.instrument(), interval).orElse(null);
    if (f == null || f.timestampMillis() != bar.closeTimeMillis()) {
      return; // features not warmed up yet for this bar
    }
    double fastEma = f.value(fast).orElse(Double.NaN);
    double slowEma = f.value(slow).orElse(Double.NaN);
    double rsiValue = f.value(rsi).orElse(Double.NaN);
    double spread = fastEma - slowEma;
    double previous = s.previousSpread;
    s.previousSpread = spread;
    if (Double.isNaN(previous)) {
      return;
    }
    boolean crossedUp = previous <= 0 && spread > 0;
    boolean crossedDown = previous >= 0 && spread < 0;
    long held = held(ctx, bar.instrument(), s);
    if (held == 0 && crossedUp && rsiValue < rsiMaxEntry && Ist.millisOfDay(ctx.now()) < lastEntryMillisOfDay) {
      String reason = String.format(Locale.ROOT, "%s=%.2f crossed above %s=%.2f; %s=%.2f < %.0f", fast, fastEma, slow,
          slowEma, rsi, rsiValue, rsiMaxEntry);
      ctx.emit(signal(f, ctx, Direction.LONG, strength(rsiValue), reason));
      long quantity = quantity(bar);
      ctx.submit(ctx.newOrder(bar.instrument()).side(Side.BUY).quantity(quantity).orderType(OrderType.MARKET)
          .product(Product.MIS).build());
      s.quantity = quantity;
    } else if (held > 0 && (crossedDown || rsiValue > rsiExit)) {
      String reason = crossedDown
          ? String.format(Locale.ROOT, "%s=%.2f crossed below %s=%.2f", fast, fastEma, slow, slowEma)
          : String.format(Locale.ROOT, "%s=%.2f > %.0f", rsi, rsiValue, rsiExit);
      ctx.emit(signal(f, ctx, Direction.FLAT, 0, reason));
      exit(bar.instrument(), held, s, ctx);
    }
  }

  /**
   * Closes what is still held. With an account wired, an MIS position squared off by the execution tier before the
   * cut-off is already flat and nothing is sent; a refused exit is logged. Either way the day's state is cleared.
   */
  @Override
  public void onSessionEnd(TradingSession session, StrategyContext ctx) {
    states.forEach((instrument, s) -> {
      long held = held(ctx, instrument, s);
      if (held > 0) {
        try {
          exit(instrument, held, s, ctx);
        } catch (OrderRejectedException | RateLimitedException e) {
          LOG.warn("{}: session-end exit of {} refused: {}", id, instrument.id(), e.getMessage());
        }
      }
      s.quantity = 0;
      s.previousSpread = Double.NaN;
    });
  }

  /** The account's MIS position when an account is wired, else what this strategy bought. */
  private static long held(StrategyContext ctx, Instrument instrument, State s) {
    return ctx.position(instrument, Product.MIS).map(Position::netQuantity).orElse(s.quantity);
  }

  /** Sells what is held; refused (e.g. a square-off is already closing the position) means nothing to do. */
  private void exit(Instrument instrument, long quantity, State s, StrategyContext ctx) {
    try {
      ctx.submit(ctx.newOrder(instrument).side(Side.SELL).quantity(quantity).orderType(OrderType.MARKET)
          .product(Product.MIS).build());
    } catch (OrderRejectedException | RateLimitedException e) {
      LOG.debug("{}: exit of {} refused: {}", id, instrument.id(), e.getMessage());
    }
    s.quantity = 0;
  }

  private Signal signal(FeatureVector f, StrategyContext ctx, Direction direction, double strength, String reason) {
    return Signal.builder().strategyId(id).instrument(f.instrument()).timestampMillis(ctx.now()).direction(direction)
        .strength(strength).model("rules", "ema-cross-rsi-1").reason(reason).features(f).build();
  }

  /** Conviction: 1 when RSI is at 0, falling to 0 at the entry ceiling. */
  private double strength(double rsiValue) {
    return Math.max(0, Math.min(1, (rsiMaxEntry - rsiValue) / rsiMaxEntry));
  }

  private long quantity(BarView bar) {
    int lot = bar.instrument().lotSize();
    double price = bar.close() / (double) Price.UNITS_PER_RUPEE;
    long lots = Math.max(1, (long) Math.floor(notionalRupees / (price * lot)));
    return lots * lot;
  }
}
