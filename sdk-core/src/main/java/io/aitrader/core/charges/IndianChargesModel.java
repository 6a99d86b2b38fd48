package io.aitrader.core.charges;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.ChargesModel;
import io.aitrader.api.time.Ist;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;

/**
 * The contract-note charges of NSE/BSE equity and equity-derivative fills: brokerage from a
 * {@link BrokerageSchedule}, and STT, exchange transaction charges, SEBI fee, stamp duty, IPFT, GST and DP charges
 * from dated {@link ChargeRates}, picked by the fill's IST trade date, exchange and {@link TradeKind}.
 *
 * <pre>{@code
 * ChargesModel charges = IndianChargesModel.groww();   // bundled rates, Groww's brokerage
 * ChargesModel custom = IndianChargesModel.builder()
 *     .rates(ChargeRates.from(Path.of("my-charges.csv")))
 *     .brokerage(BrokerageSchedule.zero())
 *     .build();
 * Charges c = charges.chargesFor(fill);
 * }</pre>
 *
 * <p>Rules: every item is computed on the fill's value (the premium for options) and rounded half-up to the paisa
 * per fill; GST is 18% of the fill's rounded brokerage, exchange charges, SEBI fee, IPFT and DP charges.
 * Brokerage is per executed order: a fill pays {@code brokerage(order value so far) − brokerage already charged}
 * for its {@code brokerOrderId}. DP charges are levied once per scrip (ISIN, else instrument id) per IST day, on
 * the delivery sell that first reaches each DP item's threshold.
 *
 * <p>Threading: not thread-safe. It keeps per-day state (orders and scrips of the current IST day, cleared when
 * a fill of another day arrives), so call it from the one thread that applies fills, in fill order, as
 * {@link ChargesModel} requires. Fails with a {@link ConfigurationException} naming the missing combination for a
 * fill it has no rates for (commodities, a date before the first rate, an exchange the rates do not cover).
 */
public final class IndianChargesModel implements ChargesModel {
  private final ChargeRates rates;
  private final BrokerageSchedule brokerage;

  private long day = Long.MIN_VALUE;
  private final HashMap<String, OrderState> orders = new HashMap<>();
  private final HashMap<String, ScripState> scrips = new HashMap<>();

  private IndianChargesModel(Builder b) {
    this.rates = b.rates;
    this.brokerage = b.brokerage;
  }

  /** The bundled rates with Groww's brokerage schedule: a new model with empty per-day state. */
  public static IndianChargesModel groww() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Charges chargesFor(Fill fill) {
    required(fill, "fill");
    Instrument instrument = fill.instrument();
    TradeKind kind = TradeKind.of(instrument, fill.product());
    Exchange exchange = instrument.exchange();
    long epochDay = Ist.epochDayOf(fill.timestampMillis());
    if (epochDay != day) {
      orders.clear();
      scrips.clear();
      day = epochDay;
    }
    long value = Math.multiplyExact(fill.price().units(), fill.quantity());
    Side side = fill.side();

    long stt = item(ChargeComponent.STT, exchange, kind, epochDay, side, value, fill);
    long exchangeCharges = item(ChargeComponent.EXCHANGE, exchange, kind, epochDay, side, value, fill);
    long sebi = item(ChargeComponent.SEBI, exchange, kind, epochDay, side, value, fill);
    long stamp = item(ChargeComponent.STAMP, exchange, kind, epochDay, side, value, fill);
    long ipft = item(ChargeComponent.IPFT, exchange, kind, epochDay, side, value, fill);
    RateRow gstRow = row(ChargeComponent.GST, exchange, kind, epochDay, fill);
    long dp = kind == TradeKind.EQUITY_DELIVERY && side == Side.SELL
        ? dpCharges(instrument, exchange, kind, epochDay, value, fill) : 0;
    long broker = brokerage(fill, kind, value);
    long taxable = broker + exchangeCharges + sebi + ipft + dp;
    long gst = gstRow.side.appliesTo(side) ? gstRow.amountOn(taxable) : 0;
    return new Charges(Money.ofUnits(broker), Money.ofUnits(stt), Money.ofUnits(exchangeCharges),
        Money.ofUnits(sebi), Money.ofUnits(stamp), Money.ofUnits(gst), Money.ofUnits(dp), Money.ofUnits(ipft));
  }

  private long item(ChargeComponent c, Exchange e, TradeKind k, long epochDay, Side side, long value, Fill fill) {
    RateRow r = row(c, e, k, epochDay, fill);
    return r.side.appliesTo(side) ? r.amountOn(value) : 0;
  }

  private RateRow row(ChargeComponent c, Exchange e, TradeKind k, long epochDay, Fill fill) {
    RateRow r = rates.find(c, e, k, epochDay);
    if (r == null) {
      throw missing(c, e, k, epochDay, fill);
    }
    return r;
  }

  private long brokerage(Fill fill, TradeKind kind, long value) {
    OrderState order = orders.get(fill.brokerOrderId());
    if (order == null) {
      order = new OrderState();
      orders.put(fill.brokerOrderId(), order);
    }
    order.value = Math.addExact(order.value, value);
    Money due = brokerage.brokerage(kind, Money.ofUnits(order.value));
    if (due.isNegative()) {
      throw new IllegalStateException(brokerage + " returned a negative brokerage " + due + " for " + kind
          + " order " + fill.brokerOrderId() + " of value " + Money.ofUnits(order.value));
    }
    long delta = Math.max(0, due.units() - order.charged);
    order.charged += delta;
    return delta;
  }

  private long dpCharges(Instrument instrument, Exchange e, TradeKind k, long epochDay, long value, Fill fill) {
    String key = instrument.isin().orElse(instrument.id());
    ScripState scrip = scrips.get(key);
    if (scrip == null) {
      scrip = new ScripState();
      scrips.put(key, scrip);
    }
    scrip.sellValue = Math.addExact(scrip.sellValue, value);
    long dp = 0;
    if (!scrip.depositoryCharged) {
      RateRow r = row(ChargeComponent.DP_DEPOSITORY, e, k, epochDay, fill);
      if (r.side.appliesTo(Side.SELL) && scrip.sellValue >= r.waiveBelowUnits) {
        dp += r.scaled;
        scrip.depositoryCharged = true;
      }
    }
    if (!scrip.brokerCharged) {
      RateRow r = row(ChargeComponent.DP_BROKER, e, k, epochDay, fill);
      if (r.side.appliesTo(Side.SELL) && scrip.sellValue >= r.waiveBelowUnits) {
        dp += r.scaled;
        scrip.brokerCharged = true;
      }
    }
    return dp;
  }

  private ConfigurationException missing(ChargeComponent c, Exchange e, TradeKind k, long epochDay, Fill fill) {
    List<RateRow> timeline = rates.timeline(c, e, k);
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    String why = timeline.isEmpty()
        ? "it has no " + c + " rate for " + e + " " + k.fileName() + " at all"
        : "its first " + c + " rate for " + e + " " + k.fileName() + " starts " + timeline.get(0).from;
    return new ConfigurationException("no " + c + " rate for exchange " + e + ", kind " + k.fileName()
        + " on " + date + " (trade " + fill.tradeId() + " in " + fill.instrument().id() + "): " + rates.source()
        + " does not cover it, " + why + ". Add a row '" + c + "," + e + "," + k.fileName() + "," + date
        + ",<rate>,<unit>,<side>,-,<source>' to a rates file and pass it with"
        + " IndianChargesModel.builder().rates(ChargeRates.from(path))");
  }

  /** The version of the rates table in use ({@link ChargeRates#version()}). */
  public String ratesVersion() {
    return rates.version();
  }

  @Override
  public String toString() {
    return "IndianChargesModel[" + rates + ", " + brokerage + "]";
  }

  /** Brokerage state of one order of the current day. */
  private static final class OrderState {
    long value;
    long charged;
  }

  /** DP state of one scrip sold on the current day. */
  private static final class ScripState {
    long sellValue;
    boolean depositoryCharged;
    boolean brokerCharged;
  }

  /** Builds an {@link IndianChargesModel}; defaults: bundled rates, Groww's brokerage. Not thread-safe. */
  public static final class Builder {
    private ChargeRates rates = ChargeRates.bundled();
    private BrokerageSchedule brokerage = BrokerageSchedule.groww();

    private Builder() {}

    /** The dated statutory and exchange rates; defaults to {@link ChargeRates#bundled()}. */
    public Builder rates(ChargeRates v) {
      this.rates = required(v, "IndianChargesModel.rates");
      return this;
    }

    /** The broker's fee; defaults to {@link BrokerageSchedule#groww()}. */
    public Builder brokerage(BrokerageSchedule v) {
      this.brokerage = required(v, "IndianChargesModel.brokerage");
      return this;
    }

    /** A new model with empty per-day state. */
    public IndianChargesModel build() {
      return new IndianChargesModel(this);
    }
  }
}
