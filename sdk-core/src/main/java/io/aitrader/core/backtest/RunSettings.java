package io.aitrader.core.backtest;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a backtest ran, as recorded in its result: everything a reader needs to know to interpret (and repeat) it.
 *
 * @param strategyId     the strategy's catalog id (e.g. {@code ema-rsi})
 * @param parameters     the strategy's parameters, every one (defaults filled in), sorted by name
 * @param instruments    instrument ids in the order the run delivers same-time bars (e.g. {@code NSE:RELIANCE})
 * @param interval       the bar interval traded
 * @param from           first date, inclusive
 * @param to             last date, inclusive
 * @param startingCash   initial capital
 * @param data           where the bars came from, one line (e.g. {@code synthetic market, seed 42})
 * @param fillConvention how orders fill, one line (e.g. {@code market orders at the next bar's open, 2 bps slippage})
 * @param charges        the charges model and its table version, one line
 */
public record RunSettings(
    String strategyId,
    SortedMap<String, String> parameters,
    List<String> instruments,
    BarInterval interval,
    LocalDate from,
    LocalDate to,
    Money startingCash,
    String data,
    String fillConvention,
    String charges) {
  public RunSettings {
    required(strategyId, "RunSettings.strategyId");
    parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(required(parameters, "RunSettings.parameters")));
    instruments = List.copyOf(required(instruments, "RunSettings.instruments"));
    required(interval, "RunSettings.interval");
    required(from, "RunSettings.from");
    required(to, "RunSettings.to");
    check(!to.isBefore(from), "RunSettings.to", "must not be before from " + from, to);
    required(startingCash, "RunSettings.startingCash");
    required(data, "RunSettings.data");
    required(fillConvention, "RunSettings.fillConvention");
    required(charges, "RunSettings.charges");
  }
}
