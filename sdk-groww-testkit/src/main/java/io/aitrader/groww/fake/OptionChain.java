package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TimeSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The option chain and greeks (§3.6). LTPs come from the fake market like every other price; greeks are
 * Black-Scholes at a flat 18% volatility and 6.5% rate from the underlying's LTP (the fake's choice: the chain's
 * LTPs and greeks are not arbitrage-consistent). Callers hold the fake's lock.
 */
final class OptionChain {
  static final double VOLATILITY = 0.18;
  static final double RATE = 0.065;
  private static final double YEAR_MILLIS = 365.0 * 86_400_000L;

  private final InstrumentRepository instruments;
  private final FakeMarket market;
  private final TimeSource clock;
  private final History history;

  OptionChain(InstrumentRepository instruments, FakeMarket market, TimeSource clock, History history) {
    this.instruments = instruments;
    this.market = market;
    this.clock = clock;
    this.history = history;
  }

  Reply chain(Call c) {
    Exchange ex = Wire.enumValue(Exchange.class, c.pathParam("exchange"), "exchange");
    String underlying = c.pathParam("underlying");
    LocalDate expiry = Wire.parseDate(c.requiredQuery("expiry_date"), "expiry_date");
    long now = clock.currentTimeMillis();
    long spot = spot(ex, underlying, now);
    Map<BigDecimal, ObjectNode> strikes = new TreeMap<>();
    for (Instrument i : history.derivatives(ex, underlying)) {
      if (!i.type().isOption() || !i.expiry().orElseThrow().equals(expiry) || i.strike().isEmpty()) {
        continue;
      }
      BigDecimal strike = i.strike().get().toBigDecimal().stripTrailingZeros();
      ObjectNode leg = strikes.computeIfAbsent(strike, k -> Json.object()).putObject(i.type().name());
      leg.set("greeks", greeks(i, spot, now));
      leg.put("trading_symbol", i.tradingSymbol());
      Optional<Tick> t = market.lastTick(i, now);
      Json.putRupees(leg, "ltp", t.map(Tick::lastPrice).orElse(0L));
      leg.put("open_interest", 1_000L * i.lotSize());
      leg.put("volume", t.map(Tick::dayVolume).orElse(0L));
    }
    ObjectNode p = Json.object();
    Json.putRupees(p, "underlying_ltp", spot);
    ObjectNode s = p.putObject("strikes");
    strikes.forEach((k, v) -> s.set(k.toPlainString(), v));
    return Endpoints.ok(p);
  }

  Reply greeks(Call c) {
    Exchange ex = Wire.enumValue(Exchange.class, c.pathParam("exchange"), "exchange");
    String underlying = c.pathParam("underlying");
    String symbol = c.pathParam("trading_symbol");
    LocalDate expiry = Wire.parseDate(c.pathParam("expiry"), "expiry");
    Instrument option = instruments.find(ex, symbol).filter(i -> i.type().isOption())
        .orElseThrow(() -> ApiError.badRequest("Invalid trading symbol: " + ex + " " + symbol + " is not an option"));
    if (!option.expiry().map(expiry::equals).orElse(false)
        || !option.underlying().map(underlying::equalsIgnoreCase).orElse(false)) {
      throw ApiError.badRequest(symbol + " is not an option on " + underlying + " expiring " + expiry);
    }
    long now = clock.currentTimeMillis();
    ObjectNode p = Json.object();
    p.set("greeks", greeks(option, spot(ex, underlying, now), now));
    return Endpoints.ok(p);
  }

  private long spot(Exchange ex, String underlying, long now) {
    Instrument u = instruments.all().stream()
        .filter(i -> i.exchange() == ex && i.segment() == Segment.CASH && i.tradingSymbol().equalsIgnoreCase(underlying)
            && (i.type() == InstrumentType.EQ || i.type() == InstrumentType.IDX))
        .findFirst()
        .orElseThrow(() -> ApiError.badRequest("Invalid underlying: " + ex + " " + underlying
            + " is not an equity or index of the instrument master"));
    return market.lastTick(u, now).map(Tick::lastPrice).orElseThrow(() -> new ApiError(400, ApiError.UNAVAILABLE,
        "no market data for " + u.id()));
  }

  private static ObjectNode greeks(Instrument option, long spotUnits, long now) {
    double s = spotUnits / (double) Price.UNITS_PER_RUPEE;
    double k = option.strike().orElseThrow().units() / (double) Price.UNITS_PER_RUPEE;
    long expiryMillis = Ist.toEpochMillis(option.expiry().orElseThrow(), LocalTime.of(15, 30));
    double t = Math.max(expiryMillis - now, 3_600_000L) / YEAR_MILLIS;
    double sqrtT = Math.sqrt(t);
    double d1 = (Math.log(s / k) + (RATE + VOLATILITY * VOLATILITY / 2) * t) / (VOLATILITY * sqrtT);
    double d2 = d1 - VOLATILITY * sqrtT;
    double pdf = Math.exp(-d1 * d1 / 2) / Math.sqrt(2 * Math.PI);
    boolean call = option.type() == InstrumentType.CE;
    double discount = Math.exp(-RATE * t);
    double delta = call ? cdf(d1) : cdf(d1) - 1;
    double gamma = pdf / (s * VOLATILITY * sqrtT);
    double theta = (-s * pdf * VOLATILITY / (2 * sqrtT)
        - (call ? RATE * k * discount * cdf(d2) : -RATE * k * discount * cdf(-d2))) / 365;
    double vega = s * pdf * sqrtT / 100;
    double rho = (call ? k * t * discount * cdf(d2) : -k * t * discount * cdf(-d2)) / 100;
    ObjectNode g = Json.object();
    g.set("delta", round(delta));
    g.set("gamma", round(gamma));
    g.set("theta", round(theta));
    g.set("vega", round(vega));
    g.set("rho", round(rho));
    g.set("iv", round(VOLATILITY * 100));
    return g;
  }

  private static com.fasterxml.jackson.databind.node.DecimalNode round(double v) {
    return Json.decimal(BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN));
  }

  /** Standard normal CDF (Abramowitz-Stegun 26.2.17, |error| < 7.5e-8). */
  static double cdf(double x) {
    double t = 1 / (1 + 0.2316419 * Math.abs(x));
    double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    double tail = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI) * poly;
    return x >= 0 ? 1 - tail : tail;
  }

  static List<String> fields() {
    return List.of("delta", "gamma", "theta", "vega", "rho", "iv");
  }
}
