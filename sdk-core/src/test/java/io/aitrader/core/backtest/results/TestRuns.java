package io.aitrader.core.backtest.results;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.time.Ist;
import io.aitrader.core.backtest.BacktestRun;
import io.aitrader.core.backtest.ChargedFill;
import io.aitrader.core.backtest.EquitySeries;
import io.aitrader.core.backtest.RunFingerprint;
import io.aitrader.core.backtest.RunSettings;
import io.aitrader.core.execution.ExecutionSummary;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hand-built backtest runs for the results tests. */
final class TestRuns {
  static final Instrument RELIANCE = equity("RELIANCE");
  static final Instrument INFY = equity("INFY");

  private static int trades;

  private TestRuns() {}

  static Instrument equity(String symbol) {
    return Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol(symbol).exchangeToken("T-" + Math.abs(symbol.hashCode())).tickSize(Price.of("0.05")).build();
  }

  /** Epoch millis of an IST local date-time like {@code 2025-06-10T10:15}. */
  static long ist(String localDateTime) {
    LocalDateTime t = LocalDateTime.parse(localDateTime);
    return Ist.toEpochMillis(t.toLocalDate(), t.toLocalTime());
  }

  /** A fill whose charges are all brokerage ({@code charges} rupees). */
  static ChargedFill fill(Instrument i, Side side, long qty, String price, long time, Product product,
      String charges) {
    trades++;
    Fill f = new Fill("T-" + trades, "O-" + trades, "ref-" + trades, i, side, qty, Price.of(price), time, product);
    return new ChargedFill(f, brokerage(charges));
  }

  static ChargedFill fill(Instrument i, Side side, long qty, String price, String time, String charges) {
    return fill(i, side, qty, price, ist(time), Product.MIS, charges);
  }

  static Charges brokerage(String rupees) {
    return new Charges(Money.of(rupees), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
        Money.ZERO);
  }

  static Builder run() {
    return new Builder();
  }

  /** Builds a BacktestRun; defaults: strategy {@code ema-rsi}, ₹1,00,000 cash, RELIANCE and INFY, Jan 2025. */
  static final class Builder {
    private String strategyId = "ema-rsi";
    private Money startingCash = Money.ofRupees(100_000);
    private List<String> instruments = List.of(RELIANCE.id(), INFY.id());
    private final List<ChargedFill> fills = new ArrayList<>();
    private final EquitySeries.Builder equity = EquitySeries.builder(16);
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Long> bars = new TreeMap<>();
    private String data = "synthetic market, seed 42";

    Builder strategyId(String id) {
      strategyId = id;
      return this;
    }

    Builder startingCash(String rupees) {
      startingCash = Money.of(rupees);
      return this;
    }

    Builder instruments(String... ids) {
      instruments = List.of(ids);
      return this;
    }

    Builder data(String text) {
      data = text;
      return this;
    }

    Builder fill(ChargedFill f) {
      fills.add(f);
      return this;
    }

    Builder fills(List<ChargedFill> fs) {
      fills.addAll(fs);
      return this;
    }

    /** An equity point at an IST time, equity and gross exposure in rupees. */
    Builder point(String time, String equityRupees, String exposureRupees) {
      return point(ist(time), equityRupees, exposureRupees);
    }

    Builder point(long time, String equityRupees, String exposureRupees) {
      equity.add(time, Money.of(equityRupees).units(), Money.of(exposureRupees).units());
      return this;
    }

    Builder warning(String w) {
      warnings.add(w);
      return this;
    }

    Builder bars(String id, long n) {
      bars.put(id, n);
      return this;
    }

    BacktestRun build() {
      TreeMap<String, String> params = new TreeMap<>(Map.of("fast", "5", "slow", "20"));
      RunSettings settings = new RunSettings(strategyId, params, instruments, BarInterval.M5,
          LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), startingCash, data,
          "market orders at the next bar's open, 2 bps slippage", "Groww rates sha256:0123456789ab");
      RunFingerprint fp = new RunFingerprint("ab".repeat(32), 1234, strategyId, params, "none",
          "sha256:0123456789ab", "0.1.0-SNAPSHOT");
      Charges total = Charges.NONE;
      for (ChargedFill f : fills) {
        total = total.plus(f.charges());
      }
      ExecutionSummary exec = new ExecutionSummary(fills.size() + 1L, fills.size(), fills.size(), 0, 0, 1,
          Map.of("risk: max position value exceeded", 1L), fills.size(), total, Money.ZERO, Money.ZERO, Money.ZERO,
          Money.ZERO.minus(total.total()), List.of());
      return new BacktestRun(settings, fp, equity.build(), fills, exec, bars, 3, warnings);
    }
  }
}
