package io.aitrader.core.portfolio;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.core.testdata.TestInstruments;

/** Test-data builders for fills and charges. */
final class Fills {
  private Fills() {}

  static Fill buy(String tradeId, Instrument instrument, long quantity, String price, Product product) {
    return fill(tradeId, instrument, Side.BUY, quantity, price, product, TestInstruments.at("10:00"));
  }

  static Fill sell(String tradeId, Instrument instrument, long quantity, String price, Product product) {
    return fill(tradeId, instrument, Side.SELL, quantity, price, product, TestInstruments.at("10:00"));
  }

  static Fill fill(String tradeId, Instrument instrument, Side side, long quantity, String price, Product product,
      long atMillis) {
    return new Fill(tradeId, "B-" + tradeId, "ref-" + tradeId, instrument, side, quantity, Price.of(price), atMillis,
        product);
  }

  /** Charges of only brokerage. */
  static Charges brokerage(String rupees) {
    return new Charges(Money.of(rupees), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
        Money.ZERO);
  }

  static DefaultPortfolioService service(String startingCash) {
    return DefaultPortfolioService.builder().startingCash(Money.of(startingCash)).build();
  }
}
