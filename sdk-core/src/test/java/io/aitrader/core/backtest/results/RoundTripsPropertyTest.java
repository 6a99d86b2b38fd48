package io.aitrader.core.backtest.results;

import static io.aitrader.core.backtest.results.TestRuns.RELIANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.core.backtest.ChargedFill;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RoundTripsPropertyTest {

  @Property(tries = 200)
  void tradesAndOpenPositionsAccountForEveryRupeeAndEveryCharge(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -50, max = 50) Integer> quantities,
      @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 1, max = 99_999) Integer> chargeUnits) {
    List<ChargedFill> fills = new ArrayList<>();
    BigInteger cash = BigInteger.ZERO;
    long charges = 0;
    long position = 0;
    long time = 1_736_150_000_000L;
    for (int i = 0; i < quantities.size(); i++) {
      int q = quantities.get(i);
      if (q == 0) {
        continue;
      }
      Price price = Price.ofUnits(1_000_000L + 1_237L * i);
      Side side = q > 0 ? Side.BUY : Side.SELL;
      Fill f = new Fill("T" + i, "O" + i, "R" + i, RELIANCE, side, Math.abs(q), price, time + 60_000L * i,
          Product.MIS);
      Charges c = new Charges(Money.ofUnits(chargeUnits.get(i)), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
          Money.ZERO, Money.ZERO, Money.ZERO);
      fills.add(new ChargedFill(f, c));
      cash = cash.subtract(BigInteger.valueOf(price.units()).multiply(BigInteger.valueOf(q)));
      charges += chargeUnits.get(i);
      position += q;
    }

    RoundTrips rt = RoundTrips.of(fills);

    BigInteger gross = BigInteger.ZERO;
    long bookedCharges = 0;
    for (Trade t : rt.trades()) {
      gross = gross.add(BigInteger.valueOf(t.grossPnl().units()));
      bookedCharges += t.charges().units();
    }
    long open = 0;
    for (OpenTrade o : rt.openTrades()) {
      gross = gross.add(BigInteger.valueOf(o.cashFlow().units()));
      bookedCharges += o.charges().units();
      open += o.signedQuantity();
    }
    assertThat(gross).isEqualTo(cash);
    assertThat(bookedCharges).isEqualTo(charges);
    assertThat(open).isEqualTo(position);
    assertThat(rt.openTrades()).hasSizeLessThanOrEqualTo(1);
  }
}
