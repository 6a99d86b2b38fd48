package io.aitrader.api.portfolio;

import static io.aitrader.api.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Fixtures;
import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Product;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioTest {

  @Test
  void positionAveragePriceAndPnlAreExact() {
    Position p = new Position(Fixtures.reliance(), Product.MIS, 10, Money.of("25340.50"), Money.ZERO);

    assertThat(p.averagePrice()).isEqualTo(Price.of("2534.05"));
    assertThat(p.marketValue(Price.of("2540.00"))).isEqualTo(Money.of("25400.00"));
    assertThat(p.unrealizedPnl(Price.of("2540.00"))).isEqualTo(Money.of("59.50"));
    assertThat(p.isLong()).isTrue();
  }

  @Test
  void shortPositionHasNegativeCostBasisAndGainsWhenThePriceFalls() {
    Position p = new Position(Fixtures.reliance(), Product.MIS, -3, Money.of("-300.10"), Money.of("5"));

    assertThat(p.isShort()).isTrue();
    assertThat(p.averagePrice()).isEqualTo(Price.of("100.0333"));
    assertThat(p.unrealizedPnl(Price.of("99.00"))).isEqualTo(Money.of("3.10"));
  }

  @Test
  void averagePriceRoundsHalfEvenOnlyWhenAsked() {
    // 1.0001 + 1.0002 over 2 = 1.00015 -> 1.0002 (half-even keeps the even last digit 2)
    Position p = new Position(Fixtures.reliance(), Product.CNC, 2, Money.of("2.0003"), Money.ZERO);

    assertThat(p.averagePrice()).isEqualTo(Price.of("1.0002"));
    assertThat(p.costBasis()).isEqualTo(Money.of("2.0003"));
  }

  @Test
  void costBasisMustHaveTheSignOfTheQuantity() {
    assertThatThrownBy(() -> new Position(Fixtures.reliance(), Product.MIS, 0, Money.of("1"), Money.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Position.costBasis must have the sign of netQuantity 0 (instrument NSE:RELIANCE), was 1.00");
    assertThatThrownBy(() -> new Position(Fixtures.reliance(), Product.MIS, 5, Money.of("-1"), Money.ZERO))
        .hasMessageContaining("netQuantity 5");
    assertThat(Position.flat(Fixtures.reliance(), Product.MIS).averagePrice()).isEqualTo(Price.ZERO);
    assertThat(Position.flat(Fixtures.reliance(), Product.MIS).isFlat()).isTrue();
  }

  @Test
  void equityIsCashPlusMarketValue() {
    Position open = new Position(Fixtures.reliance(), Product.MIS, 10, Money.of("25340.50"), Money.of("100"));
    Position closed = new Position(Fixtures.niftyFuture(), Product.NRML, 0, Money.ZERO, Money.of("-40"));
    Portfolio p = new Portfolio(T0, Money.of("74639.50"), Money.ZERO, List.of(open, closed), Money.of("60"), Money.of("59.50"), Money.of("20"));

    assertThat(p.marketValue()).isEqualTo(Money.of("25400.00"));
    assertThat(p.equity()).isEqualTo(Money.of("100039.50"));
    assertThat(p.netPnl()).isEqualTo(Money.of("99.50"));
    assertThat(p.openPositions()).containsExactly(open);
    assertThat(p.position(Fixtures.reliance(), Product.MIS)).contains(open);
    assertThat(p.position(Fixtures.reliance(), Product.CNC)).isEmpty();
  }

  @Test
  void snapshotIsImmutable() {
    List<Position> positions = new java.util.ArrayList<>(List.of(Position.flat(Fixtures.reliance(), Product.MIS)));
    Portfolio p = new Portfolio(T0, Money.ZERO, Money.ZERO, positions, Money.ZERO, Money.ZERO, Money.ZERO);

    positions.clear();

    assertThat(p.positions()).hasSize(1);
    assertThatThrownBy(() -> p.positions().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsDuplicatePositionsAndNegativeCharges() {
    Position a = Position.flat(Fixtures.reliance(), Product.MIS);

    assertThatThrownBy(() -> new Portfolio(T0, Money.ZERO, Money.ZERO, List.of(a, a), Money.ZERO, Money.ZERO, Money.ZERO))
        .hasMessage("Portfolio.positions must hold at most one position per instrument and product, was NSE:RELIANCE/MIS");
    assertThatThrownBy(() -> new Portfolio(T0, Money.ZERO, Money.ZERO, List.of(), Money.ZERO, Money.ZERO, Money.of("-1")))
        .hasMessage("Portfolio.chargesPaid must be >= 0, was -1.00");
    assertThat(Portfolio.ofCash(Money.ofRupees(100_000), 0).equity()).isEqualTo(Money.ofRupees(100_000));
  }

  @Test
  void chargesTotalEveryItemAndRejectNegatives() {
    Charges c = new Charges(Money.of("20"), Money.of("25.34"), Money.of("0.75"), Money.of("0.03"), Money.of("3.80"), Money.of("3.74"), Money.ZERO, Money.of("0.03"));

    assertThat(c.total()).isEqualTo(Money.of("53.69"));
    assertThat(c.plus(c).total()).isEqualTo(Money.of("107.38"));
    assertThat(Charges.NONE.total()).isEqualTo(Money.ZERO);
    assertThatThrownBy(() -> new Charges(Money.ZERO, Money.of("-0.01"), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO))
        .hasMessage("Charges.stt must be >= 0, was -0.01");
  }
}
