package io.aitrader.api.strategy;

import io.aitrader.api.market.BarView;
import io.aitrader.api.market.Tick;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.time.TradingSession;
import java.util.List;

/**
 * A trading strategy: the code a user writes. The runtime calls it with market data and order events; it acts
 * only through the {@link StrategyContext}.
 *
 * <pre>{@code
 * public final class RsiReversion implements Strategy {
 *   private Instrument reliance;
 *
 *   public String id() { return "rsi-reversion"; }
 *
 *   public void onStart(StrategyContext ctx) {
 *     reliance = ctx.instrument("NSE:RELIANCE");
 *     ctx.subscribe(reliance, BarInterval.M5);
 *   }
 *
 *   public void onBar(BarView bar, StrategyContext ctx) {
 *     Optional<FeatureVector> f = ctx.features(bar.instrument(), bar.interval());
 *     double rsi = f.isPresent() ? f.get().value("rsi(14)").orElse(50) : 50;
 *     if (rsi < 30 && ctx.position(reliance, Product.MIS).map(Position::isFlat).orElse(true)) {
 *       ctx.submit(ctx.newOrder(reliance).side(Side.BUY).quantity(10)
 *           .orderType(OrderType.MARKET).product(Product.MIS).build());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Rules every strategy can rely on and must respect:
 * <ul>
 *   <li><b>One thread.</b> All callbacks of one strategy are called on one thread, one at a time, in event
 *       order; a strategy needs no locks for its own fields.</li>
 *   <li><b>Never block.</b> Callbacks must return quickly: no I/O, no sleeping, no waiting on other threads.
 *       Orders are submitted, not awaited: their progress arrives in {@link #onOrderUpdate} and {@link #onFill}.</li>
 *   <li><b>Time from the context.</b> Use {@link StrategyContext#now()}, never the wall clock
 *       ({@code System.currentTimeMillis}, {@code Instant.now}), so a backtest decides exactly as live would.</li>
 *   <li><b>Closed bars only.</b> {@link #onBar} sees a bar only after its interval has closed; a strategy never
 *       sees a partial bar or data from after the bar's close.</li>
 *   <li><b>Views are borrowed.</b> A {@link BarView} is valid only during the call; keep {@link BarView#toBar()}.</li>
 *   <li>An exception thrown by a callback is logged, counted and audited; the runtime may stop the strategy
 *       after repeated failures.</li>
 * </ul>
 */
public interface Strategy {

  /** A unique, stable id (see {@link io.aitrader.api.Identifiers#STRATEGY_ID}): names its signals topic and orders. */
  String id();

  /**
   * The feature expressions this strategy reads through {@link StrategyContext#features} (e.g. {@code "rsi(14)"},
   * {@code "ema(20)/ema(50)"}); the runtime defines them in the Feature service before {@link #onStart}. Default:
   * none.
   */
  default List<String> features() {
    return List.of();
  }

  /** Called once before any data: look up instruments, {@link StrategyContext#subscribe subscribe}, set up state. */
  void onStart(StrategyContext ctx);

  /** A complete bar of a subscribed instrument and interval. */
  void onBar(BarView bar, StrategyContext ctx);

  /** A trading session begins (before its first bar). Default: nothing. */
  default void onSessionStart(TradingSession session, StrategyContext ctx) {}

  /** A trading session has ended (after its last bar). Default: nothing. */
  default void onSessionEnd(TradingSession session, StrategyContext ctx) {}

  /** A signal of this strategy's id from the Signal service (rules + model score). Default: ignored. */
  default void onSignal(Signal signal, StrategyContext ctx) {}

  /** A tick of a subscribed instrument. Default: ignored. */
  default void onTick(Tick tick, StrategyContext ctx) {}

  /** One of this strategy's orders filled (partly or wholly). Default: ignored. */
  default void onFill(Fill fill, StrategyContext ctx) {}

  /** One of this strategy's orders changed state. Default: ignored. */
  default void onOrderUpdate(Order order, StrategyContext ctx) {}

  /** Called once after the last event (end of a backtest, shutdown). Default: nothing. */
  default void onStop(StrategyContext ctx) {}
}
