package io.aitrader.core.portfolio;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.Portfolio;
import io.aitrader.api.portfolio.Position;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounting state and rules behind {@link DefaultPortfolioService}: every amount is a {@code long} of
 * ₹0.0001 units, changed with overflow-checked arithmetic. Not thread-safe: the service guards it with one lock;
 * {@link StateText} reads and writes its fields.
 */
final class Ledger {
  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

  final Map<Instrument, InstrumentBook> books = new HashMap<>();
  /** Every position of the day, in the order they were opened. */
  final List<PositionState> positions = new ArrayList<>();
  final Map<String, Long> blocked = new LinkedHashMap<>();
  /** The trade ids applied since the day started (bounded by the day's fills; cleared by {@link #startDay}). */
  final Set<String> tradeIds = new LinkedHashSet<>();
  final CurveColumns curve;

  long cashUnits;
  long realizedUnits;
  long chargesUnits;
  /** Σ cost basis over the positions. */
  long costUnits;
  /** Σ unrealized PnL over the instruments (kept equal to the sum of {@link InstrumentBook#unrealizedUnits}). */
  long unrealizedUnits;
  long blockedUnits;
  long timestampMillis;
  @Nullable LocalDate day;
  long dayStartMillis;
  long dayStartEquityUnits;
  List<Position> openIntraday = List.of();
  long rejectedMarks;
  long duplicateFills;

  Ledger(long startingCashUnits, int curveCapacity) {
    this.cashUnits = startingCashUnits;
    this.dayStartEquityUnits = startingCashUnits;
    this.curve = new CurveColumns(curveCapacity);
  }

  long equityUnits() {
    return Math.addExact(Math.addExact(cashUnits, costUnits), unrealizedUnits);
  }

  // ---- fills and marks -------------------------------------------------------------------------------------

  void apply(Fill fill, Charges charges) {
    required(fill, "fill");
    required(charges, "charges");
    if (tradeIds.contains(fill.tradeId())) {
      duplicateFills++;
      LOG.debug("ignored fill {}: trade id already applied today", fill.tradeId());
      return;
    }
    long price = fill.price().units();
    long signed = fill.signedQuantity();
    long chargeUnits = totalUnits(charges);
    InstrumentBook book = books.get(fill.instrument());
    PositionState existing = book == null ? null : book.byProduct[fill.product().ordinal()];
    long qty = existing == null ? 0 : existing.quantity;
    long cost = existing == null ? 0 : existing.costUnits;

    // Compute every new value first, so an overflow leaves the state untouched.
    long newQty = Math.addExact(qty, signed);
    long newCost;
    long realizedDelta;
    if (qty == 0 || Long.signum(qty) == Long.signum(signed)) {
      newCost = Math.addExact(cost, Math.multiplyExact(price, signed));
      realizedDelta = 0;
    } else {
      long open = Math.abs(qty);
      long closed = Math.min(Math.abs(signed), open);
      long closedCost = closed == open ? cost : ExactMath.mulDivHalfEven(cost, closed, open);
      long closingSigned = qty > 0 ? -closed : closed;
      realizedDelta = Math.subtractExact(Math.negateExact(Math.multiplyExact(price, closingSigned)), closedCost);
      long rest = Math.subtractExact(signed, closingSigned);
      newCost = Math.addExact(Math.subtractExact(cost, closedCost), Math.multiplyExact(price, rest));
    }
    long newCash = Math.subtractExact(Math.subtractExact(cashUnits, Math.multiplyExact(price, signed)), chargeUnits);
    long newCharges = Math.addExact(chargesUnits, chargeUnits);
    long newRealized = Math.addExact(realizedUnits, realizedDelta);
    long newCostTotal = Math.addExact(Math.subtractExact(costUnits, cost), newCost);
    long newPositionRealized = Math.addExact(existing == null ? 0 : existing.realizedUnits, realizedDelta);
    long mark = book == null ? 0 : book.markUnits;
    long unrealizedDelta = mark <= 0 ? 0
        : Math.subtractExact(Math.multiplyExact(mark, signed), Math.subtractExact(newCost, cost));
    long newUnrealized = Math.addExact(unrealizedUnits, unrealizedDelta);
    long newBookUnrealized = book == null ? 0 : Math.addExact(book.unrealizedUnits, unrealizedDelta);

    PositionState p = existing != null ? existing : open(fill.instrument(), fill.product());
    p.quantity = newQty;
    p.costUnits = newCost;
    p.realizedUnits = newPositionRealized;
    cashUnits = newCash;
    chargesUnits = newCharges;
    realizedUnits = newRealized;
    costUnits = newCostTotal;
    unrealizedUnits = newUnrealized;
    if (book != null) {
      book.unrealizedUnits = newBookUnrealized;
    }
    tradeIds.add(fill.tradeId());
    timestampMillis = Math.max(timestampMillis, fill.timestampMillis());
  }

  /** Allocation-free for an instrument with a position; a mark for any other instrument is ignored. */
  void mark(Instrument instrument, long priceUnits, long atMillis) {
    if (priceUnits <= 0) {
      rejectedMarks++;
      return;
    }
    InstrumentBook book = books.get(instrument);
    if (book == null) {
      return;
    }
    long previousMark = book.markUnits;
    long previousBook = book.unrealizedUnits;
    try {
      book.markUnits = priceUnits;
      unrealizedUnits = Math.addExact(unrealizedUnits, book.refreshUnrealized());
    } catch (ArithmeticException e) { // an absurd price: rejected like any bad mark, the state left as it was
      book.markUnits = previousMark;
      book.unrealizedUnits = previousBook;
      rejectedMarks++;
      return;
    }
    timestampMillis = Math.max(timestampMillis, atMillis);
  }

  PositionState open(Instrument instrument, Product product) {
    InstrumentBook book = books.computeIfAbsent(instrument, InstrumentBook::new);
    PositionState p = new PositionState(instrument, product);
    book.byProduct[product.ordinal()] = p;
    positions.add(p);
    return p;
  }

  /**
   * {@code charges.total().units()} without the intermediate {@link Money}s: the same exact sum, in the same order,
   * failing on overflow as {@link Money#plus} does.
   */
  static long totalUnits(Charges c) {
    long t = Math.addExact(c.brokerage().units(), c.stt().units());
    t = Math.addExact(t, c.exchangeCharges().units());
    t = Math.addExact(t, c.sebiFee().units());
    t = Math.addExact(t, c.stampDuty().units());
    t = Math.addExact(t, c.gst().units());
    t = Math.addExact(t, c.dpCharges().units());
    return Math.addExact(t, c.ipft().units());
  }

  // ---- margin --------------------------------------------------------------------------------------------

  void block(String referenceId, Money amount) {
    requireText(referenceId, "referenceId");
    required(amount, "amount");
    if (amount.isNegative()) { // the message only for a bad amount: margins are blocked per order
      check(false, "amount", "must be >= 0 (reference " + referenceId + ")", amount);
    }
    Long previous = blocked.get(referenceId);
    long total = Math.addExact(Math.subtractExact(blockedUnits, previous == null ? 0 : previous), amount.units());
    blocked.put(referenceId, amount.units());
    blockedUnits = total;
  }

  boolean release(String referenceId) {
    Long previous = blocked.remove(referenceId);
    if (previous == null) {
      return false;
    }
    blockedUnits -= previous;
    return true;
  }

  // ---- days and curve ------------------------------------------------------------------------------------

  boolean startDay(LocalDate newDay, long atMillis) {
    required(newDay, "day");
    LocalDate current = day;
    if (current != null) {
      if (newDay.equals(current)) {
        return false;
      }
      check(newDay.isAfter(current), "day", "must not be before the current day " + current, newDay);
    }
    List<Position> intraday = new ArrayList<>();
    List<PositionState> kept = new ArrayList<>();
    for (PositionState p : positions) {
      if (p.quantity == 0) {
        InstrumentBook book = books.get(p.instrument);
        book.byProduct[p.product.ordinal()] = null;
        if (book.isEmpty()) {
          books.remove(p.instrument);
        }
        continue;
      }
      if (p.product.isIntraday()) {
        intraday.add(p.toPosition());
      }
      kept.add(p);
    }
    positions.clear();
    positions.addAll(kept);
    openIntraday = List.copyOf(intraday);
    if (!intraday.isEmpty()) {
      LOG.warn("day {} starts with {} intraday position(s) left open from {}: {}", newDay, intraday.size(), current,
          intraday);
    }
    tradeIds.clear();
    day = newDay;
    dayStartMillis = atMillis;
    dayStartEquityUnits = equityUnits();
    return true;
  }

  void onBarClose(long closeTimeMillis) {
    curve.append(closeTimeMillis, equityUnits(), cashUnits, realizedUnits, unrealizedUnits, chargesUnits);
  }

  // ---- views ---------------------------------------------------------------------------------------------

  Portfolio snapshot() {
    List<Position> list = new ArrayList<>(positions.size());
    for (PositionState p : positions) {
      list.add(p.toPosition());
    }
    return new Portfolio(timestampMillis, Money.ofUnits(cashUnits), Money.ofUnits(blockedUnits), list,
        Money.ofUnits(realizedUnits), Money.ofUnits(unrealizedUnits), Money.ofUnits(chargesUnits));
  }

  Optional<Position> position(Instrument instrument, Product product) {
    InstrumentBook book = books.get(instrument);
    PositionState p = book == null ? null : book.byProduct[product.ordinal()];
    return p == null ? Optional.empty() : Optional.of(p.toPosition());
  }

  /** Recomputes the totals derived from the positions (after a restore), checking them against the stored ones. */
  void recomputeTotals() {
    long cost = 0;
    long unrealized = 0;
    for (PositionState p : positions) {
      cost = Math.addExact(cost, p.costUnits);
    }
    for (InstrumentBook book : books.values()) {
      book.unrealizedUnits = 0;
      unrealized = Math.addExact(unrealized, book.refreshUnrealized());
    }
    long blockedTotal = 0;
    for (long units : blocked.values()) {
      blockedTotal = Math.addExact(blockedTotal, units);
    }
    costUnits = cost;
    unrealizedUnits = unrealized;
    blockedUnits = blockedTotal;
  }
}
