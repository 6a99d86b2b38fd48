package io.aitrader.core.portfolio;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.Portfolio;
import io.aitrader.api.portfolio.PortfolioService;
import io.aitrader.api.portfolio.Position;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The embedded, in-memory {@link PortfolioService}: cash, blocked margin, average-cost positions per
 * {@code (instrument, product)}, realized and unrealized PnL, charges, day PnL, an {@link EquityCurve}, a text
 * snapshot to resume after a restart, and reconciliation with the broker's positions.
 *
 * <pre>{@code
 * DefaultPortfolioService portfolio = DefaultPortfolioService.builder().startingCash(Money.of("1000000")).build();
 * portfolio.startDay(LocalDate.of(2025, 1, 6), sessionOpenMillis);
 * portfolio.apply(fill, chargesModel.chargesFor(fill));
 * portfolio.mark(tick.instrument(), tick.lastPrice(), tick.timestampMillis());   // tick path, no allocation
 * portfolio.onBarClose(bar.closeTimeMillis());                                         // one equity-curve point
 * Portfolio now = portfolio.snapshot();
 * String saved = portfolio.saveState();
 * DefaultPortfolioService resumed = DefaultPortfolioService.restore(saved, instruments::findById);
 * }</pre>
 *
 * <h2>Accounting</h2>
 * Every amount is an exact {@code long} of ₹0.0001 with overflow-checked arithmetic (an overflow throws
 * {@link ArithmeticException} and leaves the state unchanged). A fill adds to a position on the same side at its
 * price; a fill against the position closes {@code min(fill, open)} units, realizing
 * {@code fill price × closed − cost of the closed units}, and opens any rest at the fill price (shorts allowed).
 * The cost of a partially closed quantity is {@code cost basis × closed ÷ open} rounded half-even to ₹0.0001 —
 * the only rounding, and it is conserved: cash + Σ cost basis always equals starting cash + realized − charges.
 * Charges lower cash and add to the charges paid. Unrealized PnL is Σ (last mark × quantity − cost basis) at the
 * instrument's last known mark (kept while the instrument is in the book, so a position reopened the same day, or a
 * carried one, uses it at once); a position in an instrument never marked counts at its average price (0).
 * A mark for an instrument without a position is ignored; a mark ≤ 0, or one so large that the PnL would overflow,
 * is counted ({@link #rejectedMarks()}) and changes nothing.
 * Account totals (realized, charges) are cumulative since the account started, as is the realized PnL of a
 * position carried over from an earlier day; day PnL is measured in equity.
 *
 * <h2>Days</h2>
 * The wiring calls {@link #startDay} at each session start (explicitly: nothing rolls over by itself). It drops
 * flat positions, carries CNC and other delivery positions with their cost basis, reports intraday (MIS, BO, CO)
 * positions still open ({@link #openIntradayPositions()}, plus a warning log; they stay in the book until a fill
 * closes them), forgets the previous day's trade ids, and records the equity at the day's start for
 * {@link #dayPnl()}. Duplicate detection ({@link #duplicateFills()}) therefore covers the current day: the set of
 * trade ids is bounded by the day's fills.
 *
 * <h2>Threading</h2>
 * Every method is thread-safe and atomic (one internal lock; uncontended on the single writer thread).
 * {@link #mark} allocates nothing for an instrument with a position. {@link #equityCurve()} returns an immutable
 * view; {@link #snapshot()} an immutable copy.
 */
public final class DefaultPortfolioService implements PortfolioService {
  private final Object lock = new Object();
  private final Ledger ledger;

  private DefaultPortfolioService(Ledger ledger) {
    this.ledger = ledger;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A service resuming exactly from {@code state} (written by {@link #saveState()}), resolving instrument ids
   * with {@code instrumentsById} (e.g. {@code repository::findById}).
   *
   * @throws io.aitrader.api.ValidationException for a malformed, inconsistent or wrong-version state, naming the
   *     line; or an instrument the lookup does not know
   */
  public static DefaultPortfolioService restore(String state, Function<String, Optional<Instrument>> instrumentsById) {
    required(state, "state");
    required(instrumentsById, "instrumentsById");
    return new DefaultPortfolioService(StateText.read(state, instrumentsById, 256));
  }

  // ---- PortfolioService ------------------------------------------------------------------------------------

  /** {@inheritDoc} A trade id already applied today is ignored and counted. */
  @Override
  public void apply(Fill fill, Charges charges) {
    synchronized (lock) {
      ledger.apply(fill, charges);
    }
  }

  /** {@inheritDoc} Allocation-free for an instrument with a position; ignored for any other. */
  @Override
  public void mark(Instrument instrument, long priceUnits, long timestampMillis) {
    synchronized (lock) {
      ledger.mark(instrument, priceUnits, timestampMillis);
    }
  }

  @Override
  public Portfolio snapshot() {
    synchronized (lock) {
      return ledger.snapshot();
    }
  }

  @Override
  public Optional<Position> position(Instrument instrument, Product product) {
    synchronized (lock) {
      return ledger.position(instrument, product);
    }
  }

  // ---- margin ----------------------------------------------------------------------------------------------

  /**
   * Blocks {@code amount} (≥ 0) of cash as margin for the order {@code referenceId}; blocking again under the
   * same id replaces the amount (an order modified).
   */
  public void block(String referenceId, Money amount) {
    synchronized (lock) {
      ledger.block(referenceId, amount);
    }
  }

  /** Releases the margin blocked for {@code referenceId}; false when none was. */
  public boolean release(String referenceId) {
    synchronized (lock) {
      return ledger.release(referenceId);
    }
  }

  /** The cash held as margin, ≥ 0. */
  public Money blockedMargin() {
    synchronized (lock) {
      return Money.ofUnits(ledger.blockedUnits);
    }
  }

  /** Cash not blocked as margin: what a new order may use. */
  public Money availableCash() {
    synchronized (lock) {
      return Money.ofUnits(Math.subtractExact(ledger.cashUnits, ledger.blockedUnits));
    }
  }

  // ---- days ------------------------------------------------------------------------------------------------

  /**
   * Starts trading day {@code day} at {@code atMillis} (see the type's "Days"); returns false and changes nothing
   * when {@code day} is already the current day.
   *
   * @throws io.aitrader.api.ValidationException when {@code day} is before the current day
   */
  public boolean startDay(LocalDate day, long atMillis) {
    synchronized (lock) {
      return ledger.startDay(day, atMillis);
    }
  }

  /** The current trading day, once {@link #startDay} has been called. */
  public Optional<LocalDate> currentDay() {
    synchronized (lock) {
      return Optional.ofNullable(ledger.day);
    }
  }

  /** Equity now − equity at the start of the day (or at the start of the account before any day): net of charges. */
  public Money dayPnl() {
    synchronized (lock) {
      return Money.ofUnits(Math.subtractExact(ledger.equityUnits(), ledger.dayStartEquityUnits));
    }
  }

  /** The intraday positions that were still open when the current day started (empty when none). */
  public List<Position> openIntradayPositions() {
    synchronized (lock) {
      return ledger.openIntraday;
    }
  }

  /** Cash + Σ cost basis + unrealized PnL. */
  public Money equity() {
    synchronized (lock) {
      return Money.ofUnits(ledger.equityUnits());
    }
  }

  // ---- equity curve ----------------------------------------------------------------------------------------

  /** Appends one point to the equity curve: the account as of the bar that closed at {@code closeTimeMillis}. */
  public void onBarClose(long closeTimeMillis) {
    synchronized (lock) {
      ledger.onBarClose(closeTimeMillis);
    }
  }

  /** An immutable view of the equity curve so far. */
  public EquityCurve equityCurve() {
    synchronized (lock) {
      return ledger.curve.view();
    }
  }

  // ---- persistence and reconciliation ----------------------------------------------------------------------

  /**
   * The whole state as versioned text ({@code aitrader-portfolio-state v1}, one {@code key=value} line per item,
   * exact units): positions, marks, cash, PnL, charges, blocked margins, the day's trade ids, the day's start and
   * the equity curve. {@link #restore} reads it back.
   */
  public String saveState() {
    synchronized (lock) {
      return StateText.write(ledger);
    }
  }

  /** {@link #reconcile(List, Price)} with exact average prices. */
  public List<PositionDifference> reconcile(List<Position> brokerPositions) {
    return reconcile(brokerPositions, Price.ZERO);
  }

  /**
   * Compares the broker's positions with ours by {@code (instrument id, product)} and returns every difference
   * (flat counts as absent); average prices differing by at most {@code priceTolerance} match. Changes nothing.
   */
  public List<PositionDifference> reconcile(List<Position> brokerPositions, Price priceTolerance) {
    List<Position> ours;
    synchronized (lock) {
      ours = ledger.snapshot().positions();
    }
    return Reconciler.differences(ours, brokerPositions, priceTolerance);
  }

  /** Marks ignored because their price was not positive. */
  public long rejectedMarks() {
    synchronized (lock) {
      return ledger.rejectedMarks;
    }
  }

  /** Fills ignored because their trade id had already been applied today. */
  public long duplicateFills() {
    synchronized (lock) {
      return ledger.duplicateFills;
    }
  }

  /** Options of a {@link DefaultPortfolioService}; not thread-safe. */
  public static final class Builder {
    private Money startingCash = Money.ZERO;
    private int curveCapacity = 1024;

    private Builder() {}

    /** The cash the account starts with (default 0). */
    public Builder startingCash(Money cash) {
      this.startingCash = required(cash, "startingCash");
      return this;
    }

    /** The number of equity-curve points to allocate room for up front (default 1024; it grows as needed). */
    public Builder curveCapacity(int points) {
      check(points >= 1, "curveCapacity", "must be >= 1", points);
      this.curveCapacity = points;
      return this;
    }

    public DefaultPortfolioService build() {
      return new DefaultPortfolioService(new Ledger(startingCash.units(), curveCapacity));
    }
  }
}
