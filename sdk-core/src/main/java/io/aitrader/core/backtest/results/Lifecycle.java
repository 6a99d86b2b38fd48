package io.aitrader.core.backtest.results;

import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/** The position of one (instrument, product) while fills are paired into trades. Not thread-safe. */
final class Lifecycle {
  private final String instrumentId;
  private final Product product;
  private long position;
  private TradeDirection direction = TradeDirection.LONG;
  private long maxAbs;
  private long entryTime;
  private long lastTime;
  private long openValue;
  private long openQty;
  private long closeValue;
  private long closeQty;
  private long cashFlow;
  private long charges;
  private int fills;

  Lifecycle(String instrumentId, Product product) {
    this.instrumentId = instrumentId;
    this.product = product;
  }

  boolean isFlat() {
    return position == 0;
  }

  /** Applies one fill with its charges total (₹0.0001 units); adds a trade to {@code closed} when one ends. */
  void apply(Fill f, long chargeUnits, List<Trade> closed) {
    long qty = f.quantity();
    int sign = f.side().sign();
    long priceUnits = f.price().units();
    long time = f.timestampMillis();
    if (position == 0 || Long.signum(position) == sign) {
      open(qty, sign, priceUnits, time, chargeUnits);
      return;
    }
    long closing = Math.min(qty, Math.abs(position));
    long opening = qty - closing;
    long openingCharges = opening == 0 ? 0 : BigInteger.valueOf(chargeUnits).multiply(BigInteger.valueOf(opening))
        .divide(BigInteger.valueOf(qty)).longValueExact();
    close(closing, sign, priceUnits, time, chargeUnits - openingCharges);
    if (position == 0) {
      closed.add(trade());
      reset();
    }
    if (opening > 0) {
      open(opening, sign, priceUnits, time, openingCharges);
    }
  }

  private void open(long qty, int sign, long priceUnits, long time, long chargeUnits) {
    if (position == 0) {
      entryTime = time;
      direction = sign > 0 ? TradeDirection.LONG : TradeDirection.SHORT;
    }
    long value = Math.multiplyExact(priceUnits, qty);
    openValue = Math.addExact(openValue, value);
    openQty = Math.addExact(openQty, qty);
    book(qty, sign, value, time, chargeUnits);
  }

  private void close(long qty, int sign, long priceUnits, long time, long chargeUnits) {
    long value = Math.multiplyExact(priceUnits, qty);
    closeValue = Math.addExact(closeValue, value);
    closeQty = Math.addExact(closeQty, qty);
    book(qty, sign, value, time, chargeUnits);
  }

  private void book(long qty, int sign, long value, long time, long chargeUnits) {
    position = Math.addExact(position, sign * qty);
    maxAbs = Math.max(maxAbs, Math.abs(position));
    cashFlow = sign > 0 ? Math.subtractExact(cashFlow, value) : Math.addExact(cashFlow, value);
    charges = Math.addExact(charges, chargeUnits);
    lastTime = time;
    fills++;
  }

  private Trade trade() {
    Money gross = Money.ofUnits(cashFlow);
    Money fees = Money.ofUnits(charges);
    return new Trade(instrumentId, product, direction, maxAbs, entryTime, vwap(openValue, openQty), lastTime,
        vwap(closeValue, closeQty), gross, fees, gross.minus(fees), fills);
  }

  OpenTrade openTrade() {
    return new OpenTrade(instrumentId, product, direction,
        Math.abs(position), maxAbs, entryTime, vwap(openValue, openQty), lastTime, Money.ofUnits(cashFlow),
        Money.ofUnits(charges), fills);
  }

  private void reset() {
    maxAbs = 0;
    openValue = 0;
    openQty = 0;
    closeValue = 0;
    closeQty = 0;
    cashFlow = 0;
    charges = 0;
    fills = 0;
  }

  private static Price vwap(long valueUnits, long qty) {
    return Price.ofUnits(BigDecimal.valueOf(valueUnits).divide(BigDecimal.valueOf(qty), 0, RoundingMode.HALF_EVEN)
        .longValueExact());
  }
}
