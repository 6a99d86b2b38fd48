package io.aitrader.core.execution;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Money;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.Position;
import java.util.List;
import java.util.Map;

/**
 * What an execution run did: orders by outcome with the reasons for refusals, charges, PnL and the final positions.
 *
 * @param submitted        orders strategies submitted (refused ones included), counting a sliced order once
 * @param placed           orders that reached the broker
 * @param filled           orders filled completely
 * @param partiallyFilled  orders that ended with part of their quantity filled
 * @param cancelled        orders cancelled or expired (unfilled part)
 * @param rejected         orders refused — by validation, risk, the rate limit or the broker
 * @param rejectionReasons refusal reasons (the first of each kind: alike reasons differ only in their numbers) with how
 *                         often that kind occurred, most frequent first
 * @param fills            fills (trades)
 * @param charges          the charges of every fill, item by item
 * @param realizedPnl      PnL realized by closing trades, before charges
 * @param unrealizedPnl    PnL of the open positions at the last marks
 * @param grossPnl         realized + unrealized
 * @param netPnl           gross − charges
 * @param openPositions    positions not flat at the end
 */
public record ExecutionSummary(
    long submitted,
    long placed,
    long filled,
    long partiallyFilled,
    long cancelled,
    long rejected,
    Map<String, Long> rejectionReasons,
    long fills,
    Charges charges,
    Money realizedPnl,
    Money unrealizedPnl,
    Money grossPnl,
    Money netPnl,
    List<Position> openPositions) {
  public ExecutionSummary {
    required(rejectionReasons, "ExecutionSummary.rejectionReasons");
    required(charges, "ExecutionSummary.charges");
    required(realizedPnl, "ExecutionSummary.realizedPnl");
    required(unrealizedPnl, "ExecutionSummary.unrealizedPnl");
    required(grossPnl, "ExecutionSummary.grossPnl");
    required(netPnl, "ExecutionSummary.netPnl");
    rejectionReasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rejectionReasons));
    openPositions = List.copyOf(openPositions);
  }
}
