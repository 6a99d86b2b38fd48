package io.aitrader.core.strategy.reference;

import static io.aitrader.api.ValidationException.check;

import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.RateLimitedException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Position;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.signal.SignalModel;
import io.aitrader.api.strategy.Strategy;
import io.aitrader.api.strategy.StrategyContext;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.signals.Comparison;
import io.aitrader.core.signals.LinearSignalModel;
import io.aitrader.core.signals.RuleSet;
import io.aitrader.core.signals.Rules;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rules + model score: a linear model scores mean reversion from momentum and stretch features; rules gate the
 * entries (RSI not extreme in the trade's direction, trading hours, cool-down, a daily cap); the Signal service
 * emits LONG/SHORT/FLAT signals with their reasons and this strategy turns them into intraday (MIS) orders.
 *
 * <p>The decision logic lives in {@link #ruleSet()}, registered with the Signal service by the runtime; the
 * strategy only sizes and places orders, so backtest, paper and live run exactly the same decisions.
 */
public final class RulesModelStrategy implements Strategy {
  private static final Logger LOG = LoggerFactory.getLogger(RulesModelStrategy.class);
  public static final String RSI = "rsi(14)";
  public static final String ZSCORE = "zscore(20)";
  public static final String TREND = "ema(10)/ema(30) - 1";
  public static final String RETURN = "ret(5)";
  /** The bar's close, for sizing. */
  public static final String CLOSE = "close";

  private final String id;
  private final List<Instrument> instruments;
  private final BarInterval interval;
  private final long notionalRupees;
  private final SignalModel model;
  private final Map<Instrument, Long> positions = new HashMap<>();

  public RulesModelStrategy(String id, List<Instrument> instruments, BarInterval interval, long notionalRupees) {
    check(!instruments.isEmpty(), "RulesModelStrategy.instruments", "must not be empty", instruments);
    check(notionalRupees > 0, "RulesModelStrategy.notionalRupees", "must be > 0", notionalRupees);
    this.id = id;
    this.instruments = List.copyOf(instruments);
    this.interval = interval;
    this.notionalRupees = notionalRupees;
    // mean reversion: a stretched price (high z-score, strong 5-bar return) scores short, a depressed one long;
    // the trend term leans with the slower EMAs
    this.model = LinearSignalModel.builder("meanrev-linear", "1")
        .weight(ZSCORE, -0.55).weight(RETURN, -25).weight(TREND, 40)
        .squashing(LinearSignalModel.Squashing.TANH).build();
  }

  /** The usual setting: ₹1,00,000 per trade, id {@code rules-model}. */
  public static RulesModelStrategy standard(List<Instrument> instruments, BarInterval interval) {
    return new RulesModelStrategy("rules-model", instruments, interval, 100_000);
  }

  /** The model that scores the features. */
  public SignalModel model() {
    return model;
  }

  /** The signal rules to register with the Signal service. */
  public RuleSet ruleSet() {
    return RuleSet.builder(id)
        .model(model).longThreshold(0.6).shortThreshold(-0.6)
        .entryWhen(Rules.all(
            Rules.between(RSI, 20, 80),
            Rules.timeBetween(LocalTime.of(9, 30), LocalTime.of(15, 0)),
            Rules.cooldown(Duration.ofMinutes(30)),
            Rules.maxPerDay(3)))
        .exitWhen(Rules.any(
            Rules.between(ZSCORE, -0.25, 0.25),
            Rules.not(Rules.timeBetween(LocalTime.of(9, 15), LocalTime.of(15, 10)))))
        .interval(interval)
        .build();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<String> features() {
    return List.of(RSI, ZSCORE, TREND, RETURN, CLOSE);
  }

  @Override
  public void onStart(StrategyContext ctx) {
    for (Instrument i : instruments) {
      ctx.subscribe(i, interval);
    }
  }

  @Override
  public void onBar(BarView bar, StrategyContext ctx) {
    // decisions arrive as signals; bars are not needed beyond the features the service computes
  }

  @Override
  public void onSignal(Signal signal, StrategyContext ctx) {
    Instrument instrument = signal.instrument();
    // the account's position when the portfolio has one (fills, square-offs), else what this strategy last asked for
    long held = ctx.position(instrument, Product.MIS).map(Position::netQuantity)
        .orElseGet(() -> positions.getOrDefault(instrument, 0L));
    switch (signal.direction()) {
      case LONG:
        if (held <= 0 && trade(ctx, instrument, Side.BUY, -held + size(signal))) {
          positions.put(instrument, size(signal));
        }
        break;
      case SHORT:
        if (held >= 0 && trade(ctx, instrument, Side.SELL, held + size(signal))) {
          positions.put(instrument, -size(signal));
        }
        break;
      default:
        if (held != 0 && trade(ctx, instrument, held > 0 ? Side.SELL : Side.BUY, Math.abs(held))) {
          positions.put(instrument, 0L);
        }
    }
  }

  /**
   * Intraday (MIS) positions are squared off by the execution tier before the exchange's cut-off (15:15 IST by
   * default), so nothing is left to close at the session's end: the strategy only forgets its intentions.
   */
  @Override
  public void onSessionEnd(TradingSession session, StrategyContext ctx) {
    positions.clear();
  }

  /** Submits a MARKET MIS order; false (and logged) when risk or the broker refuses it. */
  private boolean trade(StrategyContext ctx, Instrument instrument, Side side, long quantity) {
    try {
      ctx.submit(ctx.newOrder(instrument).side(side).quantity(quantity).orderType(OrderType.MARKET)
          .product(Product.MIS).build());
      return true;
    } catch (OrderRejectedException | RateLimitedException e) {
      LOG.debug("{} {} {} refused: {}", id(), side, instrument.id(), e.getMessage());
      return false;
    }
  }

  /** Whole lots worth about the notional at the signal's close price (at least one lot). */
  private long size(Signal signal) {
    int lot = signal.instrument().lotSize();
    double close = signal.features().value(CLOSE).orElse(0);
    if (close <= 0) {
      return lot;
    }
    return Math.max(1, (long) Math.floor(notionalRupees / (close * lot))) * lot;
  }
}
