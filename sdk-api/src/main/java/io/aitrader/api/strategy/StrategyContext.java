package io.aitrader.api.strategy;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Portfolio;
import io.aitrader.api.portfolio.Position;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.time.MarketCalendar;
import java.util.Optional;

/**
 * Everything a {@link Strategy} may use: the clock, instruments, features, its positions, orders and signals.
 * The runtime gives each strategy its own context; in a backtest the same interface is backed by simulated time,
 * the paper broker and recorded data.
 *
 * <pre>{@code
 * long t = ctx.now();                                   // event time, not the wall clock
 * Instrument nifty = ctx.instrument("NSE:NIFTY25DECFUT");
 * Order o = ctx.submit(ctx.newOrder(nifty).side(Side.SELL).quantity(75)
 *     .orderType(OrderType.LIMIT).limitPrice(Price.of("24510.00")).product(Product.NRML).build());
 * ctx.cancel(o.referenceId());
 * }</pre>
 *
 * <p>Threading: call it only from the strategy's callbacks, on the strategy's thread. Nothing returned is null.
 * Order methods throw the {@link io.aitrader.api.BrokerException} family as
 * {@link io.aitrader.api.order.OrderService} does (a rejection by a risk check is an
 * {@link io.aitrader.api.OrderRejectedException}); they never block on the broker.
 */
public interface StrategyContext {

  /** The current time, epoch milliseconds, from the injected clock: event time in backtests and replays. */
  long now();

  /** The id of the strategy this context belongs to. */
  String strategyId();

  /** The instrument with this id ({@code "NSE:RELIANCE"}); {@link io.aitrader.api.NotFoundException} if none. */
  Instrument instrument(String id);

  /** The whole instrument repository, for searches. */
  InstrumentRepository instruments();

  /**
   * Asks for bars of {@code instrument} at {@code interval} (and its ticks, for {@link Strategy#onTick}). Only in
   * {@link Strategy#onStart}; later calls fail with {@link IllegalStateException}.
   */
  void subscribe(Instrument instrument, BarInterval interval);

  /** The latest feature vector of {@code instrument} at {@code interval}, never from after {@link #now()}. */
  Optional<FeatureVector> features(Instrument instrument, BarInterval interval);

  /**
   * This account's position in {@code instrument} under {@code product}: a flat position when the account holds
   * none; empty only when no account is wired (a strategy run on intents alone).
   */
  Optional<Position> position(Instrument instrument, Product product);

  /** A snapshot of the account: cash, positions, PnL. */
  Portfolio portfolio();

  /**
   * A new, unique order reference id, deterministic for a given strategy and event sequence (so a backtest run
   * twice produces the same ids).
   */
  String newReferenceId();

  /**
   * An order builder already holding {@code instrument}, this strategy's id and a {@link #newReferenceId()};
   * set side, quantity, type, prices and product, then {@link #submit} the result.
   */
  OrderRequest.Builder newOrder(Instrument instrument);

  /** Submits an order through the order service (risk checks, rate limit, idempotency by reference id). */
  Order submit(OrderRequest request);

  /** Modifies one of this strategy's orders. */
  Order modify(String referenceId, OrderModification change);

  /** Cancels one of this strategy's orders; a terminal order is returned unchanged. */
  Order cancel(String referenceId);

  /** Publishes a signal on {@code signals.<strategy>} and the audit trail; its strategy id must be this one. */
  void emit(Signal signal);

  /** The trading calendar of {@code exchange}. */
  MarketCalendar calendar(Exchange exchange);

  /** The NSE calendar, the one most strategies need. */
  default MarketCalendar calendar() {
    return calendar(Exchange.NSE);
  }
}
