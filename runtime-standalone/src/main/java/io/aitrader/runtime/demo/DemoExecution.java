package io.aitrader.runtime.demo;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.PriceBand;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Broker;
import io.aitrader.api.order.OrderStore;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.charges.IndianChargesModel;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.instruments.ReferencePrices;
import io.aitrader.core.orders.DailyPriceBands;
import io.aitrader.core.paper.PaperBroker;
import io.aitrader.core.paper.Slippage;
import io.aitrader.core.risk.RiskLimits;
import io.aitrader.core.risk.RiskProfiles;
import io.aitrader.core.orders.IntentRecorder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The account of the demo and of deployments: Groww's charges, price bands (by default NSE's ±20 % around the bundled
 * reference prices), the paper broker filling at the next tick with 2 bps slippage and at most a quarter of each
 * print — or a real broker — and risk limits. {@link #standard()}: ₹10,00,000 and limits of orders up to ₹1,50,000
 * (so a reversal of a ₹1,00,000 position is refused), gross exposure up to ₹10,00,000, at most 20 open orders, a
 * ₹20,000 daily loss kill switch, 10 orders per second, MIS squared off at 15:15 IST. Immutable.
 */
public final class DemoExecution {
  private static final RiskLimits STANDARD_LIMITS = RiskLimits.builder().maxOrderValue(Money.ofRupees(150_000))
      .maxGrossExposure(Money.ofRupees(1_000_000)).maxOpenOrders(20).maxDailyLoss(Money.ofRupees(20_000)).build();

  private final Money startingCash;
  private final RiskLimits limits;
  private final @Nullable Map<Instrument, PriceBand> bands;

  public DemoExecution(Money startingCash) {
    this(startingCash, STANDARD_LIMITS, null);
  }

  private DemoExecution(Money startingCash, RiskLimits limits, @Nullable Map<Instrument, PriceBand> bands) {
    this.startingCash = startingCash;
    this.limits = limits;
    this.bands = bands == null ? null : Map.copyOf(bands);
  }

  /** The default demo account. */
  public static DemoExecution standard() {
    return new DemoExecution(Money.ofRupees(1_000_000));
  }

  /** This account under other risk limits. */
  public DemoExecution withLimits(RiskLimits v) {
    return new DemoExecution(startingCash, v, bands);
  }

  /** This account with other starting cash (e.g. the broker's cash balance). */
  public DemoExecution withStartingCash(Money v) {
    return new DemoExecution(v, limits, bands);
  }

  /**
   * This account with the day's price bands given (e.g. the exchange's circuit limits from a quote) instead of ±20 %
   * around the bundled reference prices; an instrument missing from {@code v} has no band.
   */
  public DemoExecution withPriceBands(Map<Instrument, PriceBand> v) {
    return new DemoExecution(startingCash, limits, v);
  }

  /** The account's settings as text, for the audit log's configuration packet. */
  Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("startingCash", startingCash.toString());
    m.put("charges", "groww " + IndianChargesModel.groww().ratesVersion());
    m.put("slippage", "2 bps");
    m.put("maxVolumeShare", "0.25");
    m.put("priceBands", bands == null ? "±20% of the reference price" : "the day's circuit limits");
    m.put("risk", limits.toString());
    return m;
  }

  /**
   * The account's execution tier on {@code clock} and {@code bus}, its orders journaled in {@code store} and their
   * intents recorded by {@code intents}.
   */
  public ExecutionTier build(TimeSource clock, EventBus bus, List<Instrument> instruments, OrderStore store,
      IntentRecorder intents) {
    return tier(clock, bus, instruments, intents).orderStore(store).build();
  }

  /** The account's starting cash. */
  public Money startingCash() {
    return startingCash;
  }

  ExecutionTier build(TimeSource clock, EventBus bus, List<Instrument> instruments, IntentRecorder intents) {
    return tier(clock, bus, instruments, intents).build();
  }

  /** The account's tier sending its orders to {@code broker} instead of the paper broker. */
  ExecutionTier build(TimeSource clock, EventBus bus, List<Instrument> instruments, IntentRecorder intents,
      Broker broker) {
    return tier(clock, bus, instruments, intents, broker).build();
  }

  /** The account's tier sending its orders to {@code broker} instead of the paper broker, journaled in {@code store}. */
  public ExecutionTier build(TimeSource clock, EventBus bus, List<Instrument> instruments, OrderStore store,
      IntentRecorder intents, Broker broker) {
    return tier(clock, bus, instruments, intents, broker).orderStore(store).build();
  }

  private ExecutionTier.Builder tier(TimeSource clock, EventBus bus, List<Instrument> instruments,
      IntentRecorder intents) {
    return tier(clock, bus, instruments, intents, null);
  }

  private ExecutionTier.Builder tier(TimeSource clock, EventBus bus, List<Instrument> instruments,
      IntentRecorder intents, @Nullable Broker broker) {
    DailyPriceBands dayBands = new DailyPriceBands();
    if (bands == null) {
      ReferencePrices reference = ReferencePrices.bundledNse();
      for (Instrument i : instruments) {
        reference.find(i).ifPresent(p -> dayBands.setFromPreviousClose(i, p, 20));
      }
    } else {
      bands.forEach(dayBands::set);
    }
    ExecutionTier.Builder b = ExecutionTier.builder().timeSource(clock).eventBus(bus).startingCash(startingCash);
    if (broker != null) {
      b.broker(broker);
    } else {
      b.paperBroker(PaperBroker.builder().slippage(Slippage.fixedBps(2)).maxVolumeShare(0.25));
    }
    return b.priceBands(dayBands)
        .intentRecorder(intents)
        .charges(IndianChargesModel.groww())
        .risk(RiskProfiles.of(limits));
  }
}
