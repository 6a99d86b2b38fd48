package io.aitrader.core.backtest;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.PriceBands;
import io.aitrader.api.money.Money;
import io.aitrader.api.portfolio.ChargesModel;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.charges.ChargeRates;
import io.aitrader.core.charges.IndianChargesModel;
import io.aitrader.core.paper.Slippage;
import io.aitrader.core.risk.RiskLimits;
import io.aitrader.core.risk.RiskProfiles;
import io.aitrader.core.strategy.StrategyFactory;
import io.aitrader.core.strategy.StrategyParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything one backtest needs: the strategy and its parameters, the instruments, bar interval and dates, the
 * data, and the account (capital, charges, slippage, volume cap, risk limits). Immutable; build with
 * {@link #builder()}; {@link #toBuilder()} varies one (a sweep changes the parameters, a walk-forward the dates).
 *
 * <pre>{@code
 * BacktestConfig config = BacktestConfig.builder()
 *     .strategy(StrategyCatalog.standard().find("ema-rsi"), Map.of("fast", "9"))
 *     .instruments(List.of(reliance, tcs)).interval(BarInterval.M5)
 *     .from(LocalDate.of(2025, 1, 1)).to(LocalDate.of(2025, 6, 30))
 *     .data(HistoricalBars.fromStore(store, "market store ./data"))
 *     .startingCash(Money.ofRupees(1_000_000))
 *     .build();
 * BacktestRun run = Backtest.run(config);
 * }</pre>
 *
 * <p>Defaults: NSE calendar; ₹10,00,000; Groww's charges from the bundled rates table; market orders filled at the
 * next bar's open with 2 bps adverse slippage; no volume cap; risk: no order-rate throttle (every bar of a time
 * slot is one instant), MIS squared off from 15:15 IST, no other limits; no price bands.
 */
public final class BacktestConfig {
  private final StrategyFactory strategy;
  private final StrategyParameters parameters;
  private final List<Instrument> instruments;
  private final BarInterval interval;
  private final LocalDate from;
  private final LocalDate to;
  private final HistoricalBars data;
  private final MarketCalendar calendar;
  private final Money startingCash;
  private final Supplier<ChargesModel> charges;
  private final String chargesVersion;
  private final Slippage slippage;
  private final double maxVolumeShare;
  private final RiskProfiles risk;
  private final PriceBands priceBands;
  private final Builder source;

  private BacktestConfig(Builder b) {
    this.strategy = required(b.strategy, "BacktestConfig.strategy");
    this.parameters = StrategyParameters.resolve(strategy.id(), strategy.defaults(), b.parameters);
    check(b.instruments != null && !b.instruments.isEmpty(), "BacktestConfig.instruments", "must name at least one instrument",
        b.instruments);
    this.instruments = List.copyOf(b.instruments);
    Set<String> seen = new HashSet<>();
    for (Instrument i : instruments) {
      if (!seen.add(i.id())) {
        throw new ValidationException("BacktestConfig.instruments", "instrument " + i.id() + " is listed twice");
      }
    }
    this.interval = required(b.interval, "BacktestConfig.interval");
    this.from = required(b.from, "BacktestConfig.from");
    this.to = required(b.to, "BacktestConfig.to");
    if (to.isBefore(from)) {
      throw new ValidationException("BacktestConfig.to", "the backtest ends (" + to + ") before it starts (" + from
          + "): give --from before --to");
    }
    this.data = required(b.data, "BacktestConfig.data");
    this.calendar = b.calendar;
    this.startingCash = b.startingCash;
    check(startingCash.units() > 0, "BacktestConfig.startingCash", "must be > 0", startingCash);
    this.charges = b.charges;
    this.chargesVersion = b.chargesVersion;
    this.slippage = b.slippage;
    this.maxVolumeShare = b.maxVolumeShare;
    check(maxVolumeShare > 0 && maxVolumeShare <= 1, "BacktestConfig.maxVolumeShare", "must be in (0, 1]",
        maxVolumeShare);
    this.risk = b.risk;
    this.priceBands = b.priceBands;
    this.source = b.copy();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    return source.copy();
  }

  public StrategyFactory strategy() {
    return strategy;
  }

  /** Every parameter, defaults filled in. */
  public StrategyParameters parameters() {
    return parameters;
  }

  public List<Instrument> instruments() {
    return instruments;
  }

  public BarInterval interval() {
    return interval;
  }

  public LocalDate from() {
    return from;
  }

  public LocalDate to() {
    return to;
  }

  public HistoricalBars data() {
    return data;
  }

  public MarketCalendar calendar() {
    return calendar;
  }

  public Money startingCash() {
    return startingCash;
  }

  /** A fresh charges model (the model keeps per-day state, so each run gets its own). */
  public ChargesModel newChargesModel() {
    return charges.get();
  }

  public String chargesVersion() {
    return chargesVersion;
  }

  public Slippage slippage() {
    return slippage;
  }

  public double maxVolumeShare() {
    return maxVolumeShare;
  }

  public RiskProfiles risk() {
    return risk;
  }

  public PriceBands priceBands() {
    return priceBands;
  }

  /**
   * The trading sessions from {@link #from()} to {@link #to()} by the calendar, in order. Fails with a clear message
   * when there are none or when the calendar does not know a year's holidays.
   */
  public List<TradingSession> sessions() {
    if (calendar instanceof ExchangeCalendar ec) {
      for (int y = from.getYear(); y <= to.getYear(); y++) {
        if (!ec.coversYear(y)) {
          throw new ValidationException("BacktestConfig.calendar", "the " + ec.exchange() + " calendar has no holiday list for "
              + y + "; give the holidays (ExchangeCalendar.builder().holidaysFrom(file)) or choose dates within the "
              + "years it covers");
        }
      }
    }
    List<TradingSession> sessions = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      calendar.session(d).ifPresent(sessions::add);
    }
    if (sessions.isEmpty()) {
      throw new ValidationException("BacktestConfig.dates", "there is no trading session between " + from + " and " + to
          + " (weekends and holidays only); widen the dates");
    }
    return sessions;
  }

  /** Builds a {@link BacktestConfig}. Not thread-safe. */
  public static final class Builder {
    private @Nullable StrategyFactory strategy;
    private Map<String, String> parameters = Map.of();
    private @Nullable List<Instrument> instruments;
    private BarInterval interval = BarInterval.M5;
    private @Nullable LocalDate from;
    private @Nullable LocalDate to;
    private @Nullable HistoricalBars data;
    private MarketCalendar calendar = ExchangeCalendar.nse();
    private Money startingCash = Money.ofRupees(1_000_000);
    private Supplier<ChargesModel> charges = IndianChargesModel::groww;
    private String chargesVersion = "india-charges " + ChargeRates.bundled().version() + ", Groww brokerage";
    private Slippage slippage = Slippage.fixedBps(2);
    private double maxVolumeShare = 1.0;
    private RiskProfiles risk = RiskProfiles.of(RiskLimits.builder().noOrdersPerSecondLimit().build());
    private PriceBands priceBands = PriceBands.NONE;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.strategy = strategy;
      b.parameters = parameters;
      b.instruments = instruments;
      b.interval = interval;
      b.from = from;
      b.to = to;
      b.data = data;
      b.calendar = calendar;
      b.startingCash = startingCash;
      b.charges = charges;
      b.chargesVersion = chargesVersion;
      b.slippage = slippage;
      b.maxVolumeShare = maxVolumeShare;
      b.risk = risk;
      b.priceBands = priceBands;
      return b;
    }

    /** The strategy and the parameters that differ from its defaults (unknown names are refused at build). */
    public Builder strategy(StrategyFactory factory, Map<String, String> parameters) {
      this.strategy = required(factory, "BacktestConfig.strategy");
      this.parameters = Map.copyOf(required(parameters, "BacktestConfig.parameters"));
      return this;
    }

    /** Replaces the parameters, keeping the strategy. */
    public Builder parameters(Map<String, String> parameters) {
      this.parameters = Map.copyOf(required(parameters, "BacktestConfig.parameters"));
      return this;
    }

    /** The instruments; same-time bars are delivered in this order. */
    public Builder instruments(List<Instrument> v) { this.instruments = List.copyOf(required(v, "BacktestConfig.instruments")); return this; }

    public Builder interval(BarInterval v) { this.interval = required(v, "BacktestConfig.interval"); return this; }

    /** First date, inclusive. */
    public Builder from(LocalDate v) { this.from = required(v, "BacktestConfig.from"); return this; }

    /** Last date, inclusive. */
    public Builder to(LocalDate v) { this.to = required(v, "BacktestConfig.to"); return this; }

    public Builder data(HistoricalBars v) { this.data = required(v, "BacktestConfig.data"); return this; }

    public Builder calendar(MarketCalendar v) { this.calendar = required(v, "BacktestConfig.calendar"); return this; }

    public Builder startingCash(Money v) { this.startingCash = required(v, "BacktestConfig.startingCash"); return this; }

    /** The charges model (a new one per run) and the version of its table, recorded in the fingerprint. */
    public Builder charges(Supplier<ChargesModel> model, String version) {
      this.charges = required(model, "BacktestConfig.charges");
      this.chargesVersion = required(version, "BacktestConfig.chargesVersion");
      return this;
    }

    /** No charges at all (a frictionless comparison). */
    public Builder noCharges() {
      this.charges = () -> fill -> io.aitrader.api.portfolio.Charges.NONE;
      this.chargesVersion = "none";
      return this;
    }

    public Builder slippage(Slippage v) { this.slippage = required(v, "BacktestConfig.slippage"); return this; }

    /** The share of each bar's volume one order may take, (0, 1]; 1 = no cap. */
    public Builder maxVolumeShare(double v) { this.maxVolumeShare = v; return this; }

    public Builder risk(RiskProfiles v) { this.risk = required(v, "BacktestConfig.risk"); return this; }

    public Builder priceBands(PriceBands v) { this.priceBands = required(v, "BacktestConfig.priceBands"); return this; }

    public BacktestConfig build() {
      return new BacktestConfig(this);
    }
  }
}
