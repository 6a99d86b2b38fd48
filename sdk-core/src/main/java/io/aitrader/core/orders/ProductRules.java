package io.aitrader.core.orders;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.order.Product;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which products each segment accepts (Groww's products, §2.2 of the protocol notes) and which may be sliced:
 *
 * <table>
 *   <caption>products by segment</caption>
 *   <tr><th>segment</th><th>products</th></tr>
 *   <tr><td>CASH</td><td>CNC (delivery), MIS (intraday), MTF (margin trading), BO, CO, ARB</td></tr>
 *   <tr><td>FNO</td><td>NRML (carry forward), MIS, BO, CO</td></tr>
 *   <tr><td>COMMODITY</td><td>NRML, MIS</td></tr>
 * </table>
 *
 * <p>Bracket and cover orders (BO, CO) carry attached legs and arbitrage (ARB) orders are paired, so they are never
 * sliced: above the freeze quantity they are rejected. Stateless.
 */
final class ProductRules {
  private static final Set<Product> CASH = EnumSet.of(Product.CNC, Product.MIS, Product.MTF, Product.BO, Product.CO, Product.ARB);
  private static final Set<Product> FNO = EnumSet.of(Product.NRML, Product.MIS, Product.BO, Product.CO);
  private static final Set<Product> COMMODITY = EnumSet.of(Product.NRML, Product.MIS);

  private ProductRules() {}

  /** Why {@code product} is not allowed for {@code instrument}'s segment, or empty when it is. */
  static Optional<String> refusal(Instrument instrument, Product product) {
    Set<Product> allowed = allowed(instrument.segment());
    if (allowed.contains(product)) {
      return Optional.empty();
    }
    return Optional.of("product " + product + " is not allowed for " + instrument.id() + " in segment "
        + instrument.segment() + " (allowed: " + allowed + ")");
  }

  static Set<Product> allowed(Segment segment) {
    switch (segment) {
      case CASH: return CASH;
      case FNO: return FNO;
      default: return COMMODITY;
    }
  }

  static boolean maySlice(Product product) {
    return product != Product.BO && product != Product.CO && product != Product.ARB;
  }
}
