package io.aitrader.api.portfolio;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Product;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of an account: cash, positions and PnL at one moment (exchange time).
 *
 * <pre>{@code
 * Portfolio p = portfolioService.snapshot();
 * p.equity();                                  // cash + market value of the positions
 * p.netPnl();                                  // realized + unrealized - charges
 * p.position(reliance, Product.MIS).map(Position::netQuantity).orElse(0L);
 * }</pre>
 *
 * <p>Accounting: a BUY fill lowers cash by its value and a SELL raises it; charges lower cash when paid.
 * {@code unrealizedPnl} is the sum over positions at the last marks, so {@link #marketValue()} is the sum of
 * the cost bases plus it. Positions are in a stable order with at most one per {@code (instrument, product)};
 * flat positions stay listed for the day so their realized PnL remains visible. Immutable and thread-safe.
 *
 * @param timestampMillis when the snapshot was taken (the time of the last fill or mark), epoch milliseconds
 * @param cash            cash balance
 * @param blockedMargin   the part of the cash held as margin for open orders and positions, ≥ 0
 * @param positions       every position of the day, including flat ones
 * @param realizedPnl     PnL realized by closing trades, gross of charges
 * @param unrealizedPnl   PnL of open positions at the last marks
 * @param chargesPaid     brokerage, taxes and fees paid, ≥ 0
 */
public record Portfolio(
    long timestampMillis,
    Money cash,
    Money blockedMargin,
    List<Position> positions,
    Money realizedPnl,
    Money unrealizedPnl,
    Money chargesPaid) {

  /** Validates every component; see the type's rules. */
  public Portfolio {
    check(timestampMillis >= 0, "Portfolio.timestampMillis", "must be >= 0", timestampMillis);
    required(cash, "Portfolio.cash");
    required(blockedMargin, "Portfolio.blockedMargin");
    check(!blockedMargin.isNegative(), "Portfolio.blockedMargin", "must be >= 0", blockedMargin);
    required(positions, "Portfolio.positions");
    required(realizedPnl, "Portfolio.realizedPnl");
    required(unrealizedPnl, "Portfolio.unrealizedPnl");
    required(chargesPaid, "Portfolio.chargesPaid");
    check(!chargesPaid.isNegative(), "Portfolio.chargesPaid", "must be >= 0", chargesPaid);
    positions = List.copyOf(positions);
    Set<String> keys = new HashSet<>();
    for (Position p : positions) {
      String key = p.instrument().id() + "/" + p.product();
      check(keys.add(key), "Portfolio.positions", "must hold at most one position per instrument and product", key);
    }
  }

  /** An account holding only {@code cash}, at {@code timestampMillis}. */
  public static Portfolio ofCash(Money cash, long timestampMillis) {
    return new Portfolio(timestampMillis, cash, Money.ZERO, List.of(), Money.ZERO, Money.ZERO, Money.ZERO);
  }

  /** The position in {@code instrument} under {@code product}, if there is one. */
  public Optional<Position> position(Instrument instrument, Product product) {
    for (Position p : positions) {
      if (p.product() == product && p.instrument().equals(instrument)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The positions that are not flat. */
  public List<Position> openPositions() {
    List<Position> open = new ArrayList<>();
    for (Position p : positions) {
      if (!p.isFlat()) {
        open.add(p);
      }
    }
    return List.copyOf(open);
  }

  /** Σ cost basis + unrealized PnL: what the open positions are worth at the last marks. */
  public Money marketValue() {
    Money value = unrealizedPnl;
    for (Position p : positions) {
      value = value.plus(p.costBasis());
    }
    return value;
  }

  /** Cash not blocked as margin: what a new order may use. */
  public Money availableCash() {
    return cash.minus(blockedMargin);
  }

  /** Cash + market value of the positions. */
  public Money equity() {
    return cash.plus(marketValue());
  }

  /** Realized + unrealized PnL − charges paid. */
  public Money netPnl() {
    return realizedPnl.plus(unrealizedPnl).minus(chargesPaid);
  }
}
