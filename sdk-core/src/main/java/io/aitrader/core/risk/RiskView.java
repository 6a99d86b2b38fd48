package io.aitrader.core.risk;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Position;
import java.util.List;

/**
 * The account as the risk checks see it. The wiring adapts the portfolio and order services to it; a test or a
 * backtest may implement it directly.
 *
 * <p>A {@code scope} is {@link #ACCOUNT} for the whole account or a strategy id for that strategy's own book. The
 * engine asks about a strategy's book only for strategies with their own limits
 * ({@link RiskProfiles#hasOverride}); an implementation that keeps no per-strategy books may answer a strategy
 * scope with the account's figures, which makes the strategy's limits act on the whole account (stricter).
 *
 * <p>Amounts are {@code long} units of ₹0.0001 ({@link io.aitrader.api.money.Money#units()}) so that a check
 * allocates nothing. The per-order methods are called on the checking thread, several times per order: keep them
 * cheap and allocation-free. {@link #positions()} and {@link #activeOrders()} are called once a day, by
 * {@link MisSquareOff}. None returns null.
 */
public interface RiskView {
  /** The scope of the whole account. Never a valid strategy id. */
  String ACCOUNT = "*";

  /** The net quantity held in {@code instrument} under {@code product}: positive long, negative short. */
  long netQuantity(String scope, Instrument instrument, Product product);

  /** The last traded price of {@code instrument} in ₹0.0001 units, or 0 when none is known. */
  long lastPriceUnits(Instrument instrument);

  /**
   * The signed quantity the scope's working orders in {@code instrument} and {@code product} will still trade
   * (buys positive, sells negative): an order that would reduce the position is judged net of these, so an exit
   * sent while another exit (a square-off, say) is working cannot turn the position around. Asked only for orders
   * that reduce the position. Default: 0.
   */
  default long workingQuantity(String scope, Instrument instrument, Product product) {
    return 0;
  }

  /** Σ |net quantity × last price| over the scope's open positions, ₹0.0001 units. */
  long grossExposureUnits(String scope);

  /** Σ net quantity × last price over the scope's open positions (long minus short), ₹0.0001 units. */
  long netExposureUnits(String scope);

  /** How many of the scope's orders are working at the broker (not in a terminal state). */
  int openOrders(String scope);

  /** The scope's PnL for the IST day: realized + unrealized − charges, ₹0.0001 units (negative is a loss). */
  long dayPnlUnits(String scope);

  /** The account's positions, in a stable order (flat ones may be included). */
  List<Position> positions();

  /** The account's orders that are not in a terminal state, oldest first. */
  List<Order> activeOrders();
}
