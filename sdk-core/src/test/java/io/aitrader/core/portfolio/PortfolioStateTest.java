package io.aitrader.core.portfolio;

import static io.aitrader.core.portfolio.Fills.brokerage;
import static io.aitrader.core.portfolio.Fills.buy;
import static io.aitrader.core.portfolio.Fills.fill;
import static io.aitrader.core.portfolio.Fills.sell;
import static io.aitrader.core.portfolio.Fills.service;
import static io.aitrader.core.testdata.TestInstruments.MONDAY;
import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static io.aitrader.core.testdata.TestInstruments.TCS;
import static io.aitrader.core.testdata.TestInstruments.at;
import static io.aitrader.core.testdata.TestInstruments.rupees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PortfolioStateTest {
  private static final Function<String, Optional<Instrument>> INSTRUMENTS = id ->
      id.equals(RELIANCE.id()) ? Optional.of(RELIANCE) : id.equals(TCS.id()) ? Optional.of(TCS) : Optional.empty();

  /** Monday, then Tuesday up to midday: holdings, an open MIS left over, margins, marks, curve points. */
  private static final Consumer<DefaultPortfolioService> FILLS_A = s -> {
    s.startDay(MONDAY, at("09:15"));
    s.apply(buy("A1", RELIANCE, 7, "100.05", Product.CNC), brokerage("1.25"));
    s.apply(buy("A2", RELIANCE, 3, "101.10", Product.CNC), Charges.NONE);
    s.apply(sell("A3", TCS, 5, "3000", Product.MIS), brokerage("20"));
    s.mark(RELIANCE, rupees("102"), at("10:00"));
    s.onBarClose(at("10:00"));
    s.startDay(MONDAY.plusDays(1), at(MONDAY.plusDays(1), "09:15"));
    s.apply(fill("A4", RELIANCE, Side.SELL, 4, "103.35", Product.CNC, at(MONDAY.plusDays(1), "09:30")), brokerage("2"));
    s.apply(fill("A5 | odd\nid%", TCS, Side.BUY, 2, "2990", Product.MIS, at(MONDAY.plusDays(1), "09:31")), Charges.NONE);
    s.mark(TCS, rupees("2995.5"), at(MONDAY.plusDays(1), "09:32"));
    s.mark(RELIANCE, 0, at(MONDAY.plusDays(1), "09:32"));
    s.block("order|7", Money.of("1500.25"));
    s.block("order-8", Money.of("10"));
    s.onBarClose(at(MONDAY.plusDays(1), "09:32"));
  };

  private static final Consumer<DefaultPortfolioService> FILLS_B = s -> {
    s.apply(fill("A5 | odd\nid%", TCS, Side.BUY, 2, "2990", Product.MIS, at(MONDAY.plusDays(1), "09:31")), Charges.NONE);
    s.apply(fill("B1", TCS, Side.BUY, 3, "2980", Product.MIS, at(MONDAY.plusDays(1), "10:00")), brokerage("20"));
    s.apply(fill("B2", RELIANCE, Side.SELL, 9, "99.95", Product.CNC, at(MONDAY.plusDays(1), "10:01")), Charges.NONE);
    s.release("order|7");
    s.mark(RELIANCE, rupees("99"), at(MONDAY.plusDays(1), "10:02"));
    s.onBarClose(at(MONDAY.plusDays(1), "10:02"));
    s.startDay(MONDAY.plusDays(2), at(MONDAY.plusDays(2), "09:15"));
  };

  @Test
  void aRestoredServiceHasTheSameSnapshotAndContinuesIdentically() {
    // given
    DefaultPortfolioService original = service("500000");
    FILLS_A.accept(original);
    // when
    DefaultPortfolioService restored = DefaultPortfolioService.restore(original.saveState(), INSTRUMENTS);
    // then
    assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    assertThat(restored.saveState()).isEqualTo(original.saveState());
    assertThat(restored.dayPnl()).isEqualTo(original.dayPnl());
    assertThat(restored.availableCash()).isEqualTo(original.availableCash());
    assertThat(restored.openIntradayPositions()).isEqualTo(original.openIntradayPositions()).isNotEmpty();
    assertThat(restored.currentDay()).isEqualTo(original.currentDay());
    assertThat(restored.rejectedMarks()).isEqualTo(1);

    // when both go on with B, and a third service sees A + B in one go
    FILLS_B.accept(restored);
    DefaultPortfolioService straight = service("500000");
    FILLS_A.accept(straight);
    FILLS_B.accept(straight);
    // then
    assertThat(restored.snapshot()).isEqualTo(straight.snapshot());
    assertThat(restored.saveState()).isEqualTo(straight.saveState());
    assertThat(restored.duplicateFills()).isEqualTo(1);
    assertThat(restored.equityCurve().size()).isEqualTo(3);
    assertThat(restored.equityCurve().maxDrawdown()).isEqualTo(straight.equityCurve().maxDrawdown());
    assertThat(restored.dayPnl()).isEqualTo(straight.dayPnl());
  }

  @Test
  void theStateIsVersionedSelfDescribingText() {
    // given
    DefaultPortfolioService s = service("1000");
    s.apply(buy("T1", RELIANCE, 2, "100.05", Product.CNC), Charges.NONE);
    // when
    String state = s.saveState();
    // then
    assertThat(state).startsWith("aitrader-portfolio-state v1\n").endsWith("end\n")
        .contains("\ncash=7999000\n", "\nday=none\n", "\nposition=CNC|2|2001000|0|NSE:RELIANCE\n", "\ntrade=T1\n");
  }

  @Test
  void aFreshServiceRoundTrips() {
    DefaultPortfolioService s = service("1000");
    DefaultPortfolioService restored = DefaultPortfolioService.restore(s.saveState(), INSTRUMENTS);
    assertThat(restored.snapshot()).isEqualTo(s.snapshot());
    assertThat(restored.currentDay()).isEmpty();
  }

  @Test
  void aWrongVersionIsRejectedNamingTheLine() {
    String state = validState().replace("aitrader-portfolio-state v1", "aitrader-portfolio-state v9");
    assertThatThrownBy(() -> DefaultPortfolioService.restore(state, INSTRUMENTS))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("line 1").hasMessageContaining("unsupported version 'v9'; this build reads v1");
  }

  @Test
  void aMissingHeaderIsRejected() {
    assertThatThrownBy(() -> DefaultPortfolioService.restore("cash=5\nend\n", INSTRUMENTS))
        .isInstanceOf(ValidationException.class).hasMessageContaining("line 1 ('cash=5') must be the header");
  }

  @Test
  void aBadNumberIsRejectedNamingTheLine() {
    String state = validState().replace("\ncash=", "\ncash=12x");
    int line = lineOf(state, "cash=");
    assertThatThrownBy(() -> DefaultPortfolioService.restore(state, INSTRUMENTS))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("portfolio state line " + line + " ('cash=12x").hasMessageContaining("whole number");
  }

  @Test
  void anUnknownKeyAnUnknownInstrumentAndAnInvalidPositionAreRejected() {
    assertThatThrownBy(() -> DefaultPortfolioService.restore(validState().replace("\nend", "\nbonus=5\nend"),
        INSTRUMENTS)).isInstanceOf(ValidationException.class).hasMessageContaining("has unknown key 'bonus'");
    assertThatThrownBy(() -> DefaultPortfolioService.restore(validState(), id -> Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("names instrument 'NSE:RELIANCE', which the instrument lookup does not know");
    assertThatThrownBy(() -> DefaultPortfolioService.restore(
        validState().replace("position=CNC|2|2001000", "position=CNC|2|-2001000"), INSTRUMENTS))
        .isInstanceOf(ValidationException.class).hasMessageContaining("is not a valid position");
  }

  @Test
  void aTruncatedStateIsRejected() {
    String state = validState().replace("end\n", "");
    assertThatThrownBy(() -> DefaultPortfolioService.restore(state, INSTRUMENTS))
        .isInstanceOf(ValidationException.class).hasMessageContaining("is not followed by 'end'");
  }

  @Test
  void aMissingScalarIsRejected() {
    String state = validState().replaceAll("\nrealized=[^\n]*", "");
    assertThatThrownBy(() -> DefaultPortfolioService.restore(state, INSTRUMENTS))
        .isInstanceOf(ValidationException.class).hasMessageContaining("has no 'realized=' line");
  }

  @Test
  void anInconsistentStateIsRejected() {
    String state = validState().replaceAll("\ncash=[^\n]*", "\ncash=1");
    assertThatThrownBy(() -> DefaultPortfolioService.restore(state, INSTRUMENTS))
        .isInstanceOf(ValidationException.class).hasMessageContaining("the state is inconsistent");
  }

  @Test
  void aRepeatedPositionIsRejected() {
    String state = validState().replace("\ntrade=", "\nposition=CNC|1|1|0|NSE:RELIANCE\ntrade=");
    assertThatThrownBy(() -> DefaultPortfolioService.restore(state, INSTRUMENTS))
        .isInstanceOf(ValidationException.class).hasMessageContaining("repeats the position NSE:RELIANCE/CNC");
  }

  private static String validState() {
    DefaultPortfolioService s = service("1000");
    s.startDay(LocalDate.of(2025, 1, 6), at("09:15"));
    s.apply(buy("T1", RELIANCE, 2, "100.05", Product.CNC), Charges.NONE);
    return s.saveState();
  }

  private static int lineOf(String text, String prefix) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line " + prefix);
  }
}
