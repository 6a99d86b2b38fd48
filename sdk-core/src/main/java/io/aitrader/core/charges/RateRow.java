package io.aitrader.core.charges;

import io.aitrader.api.instrument.Exchange;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One parsed line of a rates file: a component's rate for an exchange and trade kind ({@code null} = any) from a
 * date on. Immutable.
 */
final class RateRow {
  final ChargeComponent component;
  final @Nullable Exchange exchange;
  final @Nullable TradeKind kind;
  final LocalDate from;
  final long fromEpochDay;
  final BigDecimal rate;
  final RateUnit unit;
  final SideRule side;
  /** For {@link RateUnit#RUPEES}: the amount in money units; otherwise the rate scaled by 10^10. */
  final long scaled;
  /** Money units of the day's sell value below which a flat item is not yet charged; 0 = always. */
  final long waiveBelowUnits;
  final String source;
  final int line;

  RateRow(ChargeComponent component, @Nullable Exchange exchange, @Nullable TradeKind kind, LocalDate from,
      BigDecimal rate, RateUnit unit, SideRule side, long scaled, long waiveBelowUnits, String source, int line) {
    this.component = component;
    this.exchange = exchange;
    this.kind = kind;
    this.from = from;
    this.fromEpochDay = from.toEpochDay();
    this.rate = rate;
    this.unit = unit;
    this.side = side;
    this.scaled = scaled;
    this.waiveBelowUnits = waiveBelowUnits;
    this.source = source;
    this.line = line;
  }

  /** The charge on a fill of {@code valueUnits}, rounded half-up to the paisa (a flat amount for RUPEES). */
  long amountOn(long valueUnits) {
    return unit == RateUnit.RUPEES ? scaled : RateMath.applyRate(valueUnits, scaled);
  }

  /** {@code NSE,DELIVERY}-style key as written in the file. */
  String key() {
    return (exchange == null ? "*" : exchange.name()) + "," + (kind == null ? "*" : kind.fileName());
  }

  @Override
  public String toString() {
    return component + "," + key() + "," + from + "," + rate.toPlainString() + "," + unit + "," + side
        + " (line " + line + ")";
  }
}
