package io.aitrader.core.backtest;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.core.execution.ExecutionSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one backtest produced, raw: its settings and fingerprint, the equity sampled at every bar close, every fill
 * with its charges, the execution tier's summary, the bars read per instrument and any warnings. Metrics, trades and
 * reports are computed from it ({@code io.aitrader.core.backtest.results}).
 *
 * @param settings           what ran
 * @param fingerprint        the data hash and versions that make it repeatable
 * @param equity             the account after every bar close time
 * @param fills              every fill in the order it happened, with its charges
 * @param execution          order and fill counts, refusals by reason, totals, positions left open
 * @param barsPerInstrument  bars fed per instrument id (sorted by id)
 * @param sessions           trading sessions run
 * @param warnings           things a reader must know (e.g. MIS positions left open at a session's end), in order
 */
public record BacktestRun(
    RunSettings settings,
    RunFingerprint fingerprint,
    EquitySeries equity,
    List<ChargedFill> fills,
    ExecutionSummary execution,
    Map<String, Long> barsPerInstrument,
    int sessions,
    List<String> warnings) {
  public BacktestRun {
    required(settings, "BacktestRun.settings");
    required(fingerprint, "BacktestRun.fingerprint");
    required(equity, "BacktestRun.equity");
    fills = List.copyOf(required(fills, "BacktestRun.fills"));
    required(execution, "BacktestRun.execution");
    barsPerInstrument = java.util.Collections.unmodifiableMap(new TreeMap<>(required(barsPerInstrument,
        "BacktestRun.barsPerInstrument")));
    warnings = List.copyOf(required(warnings, "BacktestRun.warnings"));
  }
}
