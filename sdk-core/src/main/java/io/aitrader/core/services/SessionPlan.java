package io.aitrader.core.services;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.TradingSession;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What every service of one run agrees on: the session, the instruments, the bar intervals made and the interval the
 * strategy trades on.
 *
 * @param session          the trading session
 * @param instruments      the instruments traded, at least one
 * @param barIntervals     the bar intervals the aggregator makes and the market store keeps; contains
 *                         {@code strategyInterval}
 * @param strategyInterval the bars the strategy's features are computed on
 */
public record SessionPlan(TradingSession session, List<Instrument> instruments, Set<BarInterval> barIntervals,
    BarInterval strategyInterval) {
  public SessionPlan {
    required(session, "SessionPlan.session");
    required(instruments, "SessionPlan.instruments");
    check(!instruments.isEmpty(), "SessionPlan.instruments", "must not be empty", instruments);
    required(strategyInterval, "SessionPlan.strategyInterval");
    required(barIntervals, "SessionPlan.barIntervals");
    check(barIntervals.contains(strategyInterval), "SessionPlan.barIntervals",
        "must contain the strategy interval " + strategyInterval.label(), barIntervals);
    instruments = List.copyOf(instruments);
    barIntervals = Set.copyOf(barIntervals);
  }

  /**
   * The event time up to which the session is complete once every stream has passed it: one millisecond after the
   * close, so that a bar closing at the close is complete too.
   */
  public long endMillis() {
    return session.closeMillis() + 1;
  }

  /** The exchanges of the instruments, whose tick topics carry the session. */
  public Set<Exchange> exchanges() {
    Set<Exchange> set = EnumSet.noneOf(Exchange.class);
    instruments.forEach(i -> set.add(i.exchange()));
    return set;
  }
}
