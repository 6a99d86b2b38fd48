package io.aitrader.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.Portfolio;
import io.aitrader.api.portfolio.Position;
import io.aitrader.core.testdata.TestInstruments;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * PnL exactness: 10 tries × 10 000 random fills (100 000 in all, with marks in between) on several
 * instruments and both products, checked against a straightforward BigDecimal reference of average-cost
 * accounting. Each try also saves and restores the service half-way, which must not change anything.
 */
class PortfolioPnlPropertyTest {
  private static final int FILLS = 10_000;
  private static final long TICK = 500; // ₹0.05
  private static final List<Instrument> INSTRUMENTS = List.of(TestInstruments.RELIANCE, TestInstruments.TCS,
      TestInstruments.equity("INFY", "1594"), TestInstruments.equity("SBIN", "3045"));
  private static final Product[] PRODUCTS = {Product.MIS, Product.CNC};
  private static final BigDecimal STARTING_CASH = new BigDecimal("1000000");

  @Property(tries = 10)
  void cashRealizedCostBasisAndUnrealizedPnlMatchABigDecimalReference(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    DefaultPortfolioService service = DefaultPortfolioService.builder().startingCash(Money.of(STARTING_CASH)).build();
    Reference ref = new Reference();
    long[] level = new long[INSTRUMENTS.size()];
    for (int i = 0; i < level.length; i++) {
      level[i] = 200 + random.nextLong(20_000); // in ticks: ₹10 .. ₹1010
    }
    long time = TestInstruments.at("09:15");
    int fills = 0;
    for (int e = 0; fills < FILLS; e++) {
      time += 1 + random.nextInt(1000);
      int k = random.nextInt(INSTRUMENTS.size());
      Instrument instrument = INSTRUMENTS.get(k);
      level[k] = Math.max(1, level[k] + random.nextLong(-40, 41));
      long priceUnits = level[k] * TICK;
      if (random.nextInt(10) == 0) {
        service.mark(instrument, priceUnits, time);
        ref.mark(instrument, priceUnits);
      } else {
        Product product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        long open = ref.quantity(instrument, product);
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long quantity = switch (random.nextInt(4)) {
          case 0 -> open != 0 ? Math.abs(open) : 1 + random.nextInt(50); // closes exactly
          case 1 -> 1 + random.nextInt(5_000);
          default -> 1 + random.nextInt(100);
        };
        if (random.nextInt(4) == 0 && open != 0) {
          side = open > 0 ? Side.SELL : Side.BUY; // reduce or cross more often than chance
        }
        String tradeId = random.nextInt(50) == 0 && fills > 0 ? "T" + random.nextInt(fills) : "T" + fills;
        Fill fill = new Fill(tradeId, "B" + e, "R" + e, instrument, side, quantity, Price.ofUnits(priceUnits), time,
            product);
        Charges charges = random.nextInt(3) == 0 ? Charges.NONE
            : Fills.brokerage(BigDecimal.valueOf(random.nextInt(5_000), 2).toPlainString());
        service.apply(fill, charges);
        ref.apply(fill, charges.total().toBigDecimal());
        fills++;
      }
      if (e == FILLS / 2) {
        service = DefaultPortfolioService.restore(service.saveState(), this::byId);
      }
      if (e % 1000 == 999) {
        assertMatches(service, ref);
      }
    }
    assertMatches(service, ref);
    assertThat(ref.fillsApplied + ref.duplicates).isEqualTo(fills);
  }

  private Optional<Instrument> byId(String id) {
    return INSTRUMENTS.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  private static void assertMatches(DefaultPortfolioService service, Reference ref) {
    Portfolio p = service.snapshot();
    assertThat(p.cash().units()).as("cash").isEqualTo(units(ref.cash));
    assertThat(p.realizedPnl().units()).as("realized").isEqualTo(units(ref.realized));
    assertThat(p.chargesPaid().units()).as("charges").isEqualTo(units(ref.charges));
    assertThat(p.unrealizedPnl().units()).as("unrealized").isEqualTo(units(ref.unrealized()));
    assertThat(service.duplicateFills()).as("duplicates").isEqualTo(ref.duplicates);
    BigDecimal totalCost = BigDecimal.ZERO;
    assertThat(p.positions()).hasSize(ref.positions.size());
    for (Position position : p.positions()) {
      RefPosition r = ref.positions.get(key(position.instrument(), position.product()));
      assertThat(position.netQuantity()).as("quantity").isEqualTo(r.quantity);
      assertThat(position.costBasis().units()).as("cost basis").isEqualTo(units(r.cost));
      assertThat(position.realizedPnl().units()).as("position realized").isEqualTo(units(r.realized));
      totalCost = totalCost.add(r.cost);
    }
    // conservation: cash + cost basis = start + realized − charges; equity = that + unrealized
    assertThat(ref.cash.add(totalCost)).isEqualByComparingTo(STARTING_CASH.add(ref.realized).subtract(ref.charges));
    assertThat(p.equity().units()).isEqualTo(units(ref.cash.add(totalCost).add(ref.unrealized())));
    assertThat(p.netPnl().units()).isEqualTo(p.equity().units() - units(STARTING_CASH));
  }

  private static long units(BigDecimal rupees) {
    return rupees.movePointRight(Price.SCALE).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  private static String key(Instrument instrument, Product product) {
    return instrument.id() + "/" + product;
  }

  /** Average-cost accounting in BigDecimal rupees, written for clarity, not speed. */
  private static final class Reference {
    final Map<String, RefPosition> positions = new HashMap<>();
    final Map<Instrument, BigDecimal> marks = new HashMap<>();
    final Set<Instrument> traded = new HashSet<>();
    final Set<String> tradeIds = new HashSet<>();
    BigDecimal cash = STARTING_CASH;
    BigDecimal realized = BigDecimal.ZERO;
    BigDecimal charges = BigDecimal.ZERO;
    long fillsApplied;
    long duplicates;

    long quantity(Instrument instrument, Product product) {
      RefPosition p = positions.get(key(instrument, product));
      return p == null ? 0 : p.quantity;
    }

    void mark(Instrument instrument, long priceUnits) {
      if (traded.contains(instrument)) {
        marks.put(instrument, BigDecimal.valueOf(priceUnits, Price.SCALE));
      }
    }

    void apply(Fill fill, BigDecimal fillCharges) {
      if (!tradeIds.add(fill.tradeId())) {
        duplicates++;
        return;
      }
      fillsApplied++;
      traded.add(fill.instrument());
      RefPosition p = positions.computeIfAbsent(key(fill.instrument(), fill.product()), k -> new RefPosition());
      BigDecimal price = fill.price().toBigDecimal();
      long signed = fill.side() == Side.BUY ? fill.quantity() : -fill.quantity();
      cash = cash.subtract(price.multiply(BigDecimal.valueOf(signed))).subtract(fillCharges);
      charges = charges.add(fillCharges);
      if (p.quantity == 0 || Long.signum(p.quantity) == Long.signum(signed)) {
        p.cost = p.cost.add(price.multiply(BigDecimal.valueOf(signed)));
        p.quantity += signed;
        return;
      }
      long open = Math.abs(p.quantity);
      long closed = Math.min(open, Math.abs(signed));
      BigDecimal closedCost = closed == open ? p.cost
          : p.cost.multiply(BigDecimal.valueOf(closed)).divide(BigDecimal.valueOf(open), Price.SCALE,
              RoundingMode.HALF_EVEN);
      // long: sold closed units for price × closed; short: paid price × closed to buy them back
      BigDecimal gain = price.multiply(BigDecimal.valueOf(closed)).multiply(BigDecimal.valueOf(Long.signum(p.quantity)))
          .subtract(closedCost);
      p.realized = p.realized.add(gain);
      realized = realized.add(gain);
      p.cost = p.cost.subtract(closedCost);
      long rest = Math.abs(signed) - closed;
      p.cost = p.cost.add(price.multiply(BigDecimal.valueOf(Long.signum(signed) * rest)));
      p.quantity += signed;
    }

    BigDecimal unrealized() {
      BigDecimal total = BigDecimal.ZERO;
      for (Map.Entry<Instrument, BigDecimal> m : marks.entrySet()) {
        for (Product product : PRODUCTS) {
          RefPosition p = positions.get(key(m.getKey(), product));
          if (p != null) {
            total = total.add(m.getValue().multiply(BigDecimal.valueOf(p.quantity)).subtract(p.cost));
          }
        }
      }
      return total;
    }
  }

  private static final class RefPosition {
    long quantity;
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal realized = BigDecimal.ZERO;
  }
}
