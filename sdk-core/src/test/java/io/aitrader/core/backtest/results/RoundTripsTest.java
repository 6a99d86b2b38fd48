package io.aitrader.core.backtest.results;

import static io.aitrader.core.backtest.results.TestRuns.INFY;
import static io.aitrader.core.backtest.results.TestRuns.RELIANCE;
import static io.aitrader.core.backtest.results.TestRuns.fill;
import static io.aitrader.core.backtest.results.TestRuns.ist;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.core.backtest.ChargedFill;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripsTest {

  @Test
  void pairsABuyAndASellIntoOneLongTrade() {
    RoundTrips rt = RoundTrips.of(List.of(
        fill(RELIANCE, Side.BUY, 10, "100", "2025-01-06T10:00", "1.00"),
        fill(RELIANCE, Side.SELL, 10, "110", "2025-01-06T14:00", "2.00")));

    assertThat(rt.openTrades()).isEmpty();
    assertThat(rt.trades()).containsExactly(new Trade("NSE:RELIANCE", Product.MIS, TradeDirection.LONG, 10,
        ist("2025-01-06T10:00"), Price.of("100"), ist("2025-01-06T14:00"), Price.of("110"), Money.of("100"),
        Money.of("3"), Money.of("97"), 2));
  }

  @Test
  void sellingFirstMakesAShortTrade() {
    RoundTrips rt = RoundTrips.of(List.of(
        fill(RELIANCE, Side.SELL, 5, "200", "2025-01-06T10:00", "0"),
        fill(RELIANCE, Side.BUY, 5, "190", "2025-01-06T11:00", "0")));

    Trade t = rt.trades().get(0);
    assertThat(t.direction()).isEqualTo(TradeDirection.SHORT);
    assertThat(t.entryPrice()).isEqualTo(Price.of("200"));
    assertThat(t.exitPrice()).isEqualTo(Price.of("190"));
    assertThat(t.grossPnl()).isEqualTo(Money.of("50"));
    assertThat(t.isWin()).isTrue();
  }

  @Test
  void scalingInAveragesTheEntryByVolumeAndKeepsTheLargestPosition() {
    RoundTrips rt = RoundTrips.of(List.of(
        fill(RELIANCE, Side.BUY, 10, "100", "2025-01-06T10:00", "0"),
        fill(RELIANCE, Side.BUY, 30, "104", "2025-01-06T10:30", "0"),
        fill(RELIANCE, Side.SELL, 40, "105", "2025-01-06T11:00", "0")));

    Trade t = rt.trades().get(0);
    assertThat(t.entryPrice()).isEqualTo(Price.of("103"));         // (1000 + 3120) / 40
    assertThat(t.quantity()).isEqualTo(40);
    assertThat(t.grossPnl()).isEqualTo(Money.of("80"));            // 4200 - 4120
    assertThat(t.fills()).isEqualTo(3);
    assertThat(t.entryTimeMillis()).isEqualTo(ist("2025-01-06T10:00"));
  }

  @Test
  void partialExitsBelongToTheSameTrade() {
    RoundTrips rt = RoundTrips.of(List.of(
        fill(RELIANCE, Side.BUY, 10, "100", "2025-01-06T10:00", "1"),
        fill(RELIANCE, Side.SELL, 4, "110", "2025-01-06T11:00", "1"),
        fill(RELIANCE, Side.SELL, 6, "95", "2025-01-06T12:00", "1")));

    assertThat(rt.trades()).hasSize(1);
    Trade t = rt.trades().get(0);
    assertThat(t.exitPrice()).isEqualTo(Price.of("101"));          // (440 + 570) / 10
    assertThat(t.exitTimeMillis()).isEqualTo(ist("2025-01-06T12:00"));
    assertThat(t.grossPnl()).isEqualTo(Money.of("10"));
    assertThat(t.charges()).isEqualTo(Money.of("3"));
    assertThat(t.netPnl()).isEqualTo(Money.of("7"));
    assertThat(t.quantity()).isEqualTo(10);
  }

  @Test
  void averagePricesRoundHalfEvenToFourDecimalsButPnlStaysExact() {
    RoundTrips rt = RoundTrips.of(List.of(
        fill(RELIANCE, Side.BUY, 1, "10.0001", "2025-01-06T10:00", "0"),
        fill(RELIANCE, Side.BUY, 1, "10.0002", "2025-01-06T10:01", "0"),  // mean 10.00015 -> 10.0002 (even)
        fill(RELIANCE, Side.SELL, 1, "10.0000", "2025-01-06T10:02", "0"),
        fill(RELIANCE, Side.SELL, 1, "10.0001", "2025-01-06T10:03", "0")));  // mean 10.00005 -> 10.0000 (even)

    Trade t = rt.trades().get(0);
    assertThat(t.entryPrice()).isEqualTo(Price.of("10.0002"));
    assertThat(t.exitPrice()).isEqualTo(Price.of("10.0000"));
    assertThat(t.grossPnl()).isEqualTo(Money.of("-0.0002"));
  }

  @Test
  void aReversingFillIsSplitAndItsChargesSplitExactlyWithTheRemainderToTheClosingPart() {
    RoundTrips rt = RoundTrips.of(List.of(
        fill(RELIANCE, Side.BUY, 10, "100", "2025-01-06T10:00", "5"),
        fill(RELIANCE, Side.SELL, 25, "110", "2025-01-06T11:00", "10.0007"),
        fill(RELIANCE, Side.BUY, 15, "105", "2025-01-06T12:00", "2")));

    assertThat(rt.trades()).hasSize(2);
    Trade first = rt.trades().get(0);
    Trade second = rt.trades().get(1);
    // opening part: floor(10.0007 x 15 / 25) = floor(6.00042) -> 6.0004; closing part: 10.0007 - 6.0004 = 4.0003
    assertThat(first.direction()).isEqualTo(TradeDirection.LONG);
    assertThat(first.quantity()).isEqualTo(10);
    assertThat(first.grossPnl()).isEqualTo(Money.of("100"));
    assertThat(first.charges()).isEqualTo(Money.of("9.0003"));
    assertThat(first.exitTimeMillis()).isEqualTo(ist("2025-01-06T11:00"));
    assertThat(second.direction()).isEqualTo(TradeDirection.SHORT);
    assertThat(second.quantity()).isEqualTo(15);
    assertThat(second.entryTimeMillis()).isEqualTo(ist("2025-01-06T11:00"));
    assertThat(second.entryPrice()).isEqualTo(Price.of("110"));
    assertThat(second.grossPnl()).isEqualTo(Money.of("75"));
    assertThat(second.charges()).isEqualTo(Money.of("8.0004"));
    assertThat(first.fills()).isEqualTo(2);
    assertThat(second.fills()).isEqualTo(2);
    assertThat(first.charges().plus(second.charges())).isEqualTo(Money.of("17.0007"));
  }

  @Test
  void productsOfOneInstrumentAreSeparatePositions() {
    RoundTrips rt = RoundTrips.of(List.of(
        fill(RELIANCE, Side.BUY, 10, "100", ist("2025-01-06T10:00"), Product.MIS, "0"),
        fill(RELIANCE, Side.BUY, 10, "100", ist("2025-01-06T10:00"), Product.CNC, "0"),
        fill(RELIANCE, Side.SELL, 10, "101", ist("2025-01-06T15:10"), Product.MIS, "0")));

    assertThat(rt.trades()).singleElement().satisfies(t -> {
      assertThat(t.product()).isEqualTo(Product.MIS);
      assertThat(t.grossPnl()).isEqualTo(Money.of("10"));
    });
    assertThat(rt.openTrades()).singleElement().satisfies(o -> {
      assertThat(o.product()).isEqualTo(Product.CNC);
      assertThat(o.quantity()).isEqualTo(10);
    });
  }

  @Test
  void aPositionLeftOpenIsAnOpenTradeWithItsCashFlow() {
    RoundTrips rt = RoundTrips.of(List.of(
        fill(RELIANCE, Side.BUY, 10, "100", "2025-01-06T10:00", "1"),
        fill(RELIANCE, Side.SELL, 4, "110", "2025-01-06T11:00", "0.5")));

    assertThat(rt.trades()).isEmpty();
    OpenTrade o = rt.openTrades().get(0);
    assertThat(o.direction()).isEqualTo(TradeDirection.LONG);
    assertThat(o.quantity()).isEqualTo(6);
    assertThat(o.maxQuantity()).isEqualTo(10);
    assertThat(o.entryPrice()).isEqualTo(Price.of("100"));
    assertThat(o.cashFlow()).isEqualTo(Money.of("-560"));
    assertThat(o.charges()).isEqualTo(Money.of("1.5"));
    assertThat(o.fills()).isEqualTo(2);
    assertThat(o.lastFillTimeMillis()).isEqualTo(ist("2025-01-06T11:00"));
    assertThat(o.grossPnlAt(Price.of("120"))).isEqualTo(Money.of("160"));
  }

  @Test
  void tradesAreOrderedByExitTimeThenInstrument() {
    List<ChargedFill> fills = List.of(
        fill(RELIANCE, Side.BUY, 1, "100", "2025-01-06T10:00", "0"),
        fill(INFY, Side.BUY, 1, "100", "2025-01-06T10:05", "0"),
        fill(RELIANCE, Side.SELL, 1, "100", "2025-01-06T11:00", "0"),
        fill(INFY, Side.SELL, 1, "100", "2025-01-06T11:00", "0"),
        fill(RELIANCE, Side.SELL, 1, "100", "2025-01-06T12:00", "0"),
        fill(RELIANCE, Side.BUY, 1, "99", "2025-01-06T12:30", "0"));

    List<Trade> trades = RoundTrips.of(fills).trades();

    assertThat(trades).extracting(Trade::instrumentId).containsExactly("NSE:INFY", "NSE:RELIANCE", "NSE:RELIANCE");
    assertThat(trades.get(2).direction()).isEqualTo(TradeDirection.SHORT);
  }
}
