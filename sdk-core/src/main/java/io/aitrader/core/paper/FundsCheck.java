package io.aitrader.core.paper;

import io.aitrader.api.order.OrderRequest;
import java.util.Optional;

/**
 * Decides whether the account can afford a new order: the wiring plugs the portfolio's available cash or margin in
 * here; the paper broker turns a refusal into an order with status {@code REJECTED} and the refusal as remark.
 *
 * <pre>{@code
 * FundsCheck cash = (request, priceUnits) -> {
 *   long needed = Math.multiplyExact(priceUnits, request.quantity());
 *   return request.side() == Side.BUY && needed > portfolio.availableCash().units()
 *       ? Optional.of("insufficient funds: needs " + Money.ofUnits(needed))
 *       : Optional.empty();
 * };
 * }</pre>
 *
 * <p>Called once per placed order, under the broker's lock: implementations must be quick, thread-safe and must
 * not call back into the broker.
 */
@FunctionalInterface
public interface FundsCheck {

  /** Accepts every order. */
  FundsCheck ACCEPT_ALL = (request, estimatedPriceUnits) -> Optional.empty();

  /**
   * Why {@code request} cannot be afforded, or empty when it can.
   *
   * @param request             the order to place
   * @param estimatedPriceUnits the price it is expected to fill at, ₹0.0001 units: the limit price (LIMIT, SL),
   *                            the trigger price (SL_M) or the last traded price (MARKET)
   */
  Optional<String> refuse(OrderRequest request, long estimatedPriceUnits);
}
