package io.aitrader.runtime.cli;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Money;
import io.aitrader.core.backtest.BacktestConfig;
import io.aitrader.core.backtest.HistoricalBars;
import io.aitrader.core.backtest.Objective;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.market.synthetic.SyntheticBars;
import io.aitrader.core.paper.Slippage;
import io.aitrader.core.store.EmbeddedMarketStore;
import io.aitrader.core.strategy.StrategyCatalog;
import io.aitrader.core.strategy.StrategyFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options {@code backtest} and {@code walkforward} share, and turning them into a {@link BacktestConfig}. */
final class BacktestOptions {
  @Option(names = "--strategy", required = true, paramLabel = "ID",
      description = "Strategy id: ema-cross, ema-rsi or rules-model.")
  String strategy = "";

  @Option(names = "--symbols", split = ",", required = true, paramLabel = "SYMBOL",
      description = "NSE trading symbols, comma-separated, e.g. RELIANCE,TCS.")
  List<String> symbols = new ArrayList<>();

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First date (inclusive).")
  @Nullable LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last date (inclusive).")
  @Nullable LocalDate to;

  @Option(names = "--interval", defaultValue = "5m", paramLabel = "1m|5m|15m|1h|1d…",
      description = "Bar interval (default: ${DEFAULT-VALUE}).")
  String interval = "5m";

  @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE[,VALUE…]",
      description = "A strategy parameter; several values (fast=5,9,12) make a parameter sweep / walk-forward grid.")
  List<String> params = new ArrayList<>();

  @Option(names = "--cash", defaultValue = "1000000", paramLabel = "RUPEES",
      description = "Starting capital in rupees (default: ${DEFAULT-VALUE}).")
  long cash;

  @Option(names = "--slippage-bps", defaultValue = "2", paramLabel = "BPS",
      description = "Adverse slippage on market orders, basis points (default: ${DEFAULT-VALUE}).")
  int slippageBps;

  @Option(names = "--volume-share", defaultValue = "1", paramLabel = "SHARE",
      description = "Most of a bar's volume one order may take, (0, 1] (default: ${DEFAULT-VALUE} = no cap).")
  double volumeShare;

  @Option(names = "--no-charges", description = "Run without brokerage, taxes and fees (frictionless comparison).")
  boolean noCharges;

  @Option(names = "--store", paramLabel = "DIR",
      description = "Read bars from the embedded market store in DIR (fill it with 'aitrader import').")
  @Nullable Path store;

  @Option(names = "--csv", paramLabel = "DIR",
      description = "Read bars from candle CSV files in DIR named like RELIANCE-5m.csv.")
  @Nullable Path csv;

  @Option(names = "--seed", defaultValue = "42",
      description = "Seed of the synthetic market used when no --store or --csv is given (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Write result.json, trades.csv and report.html into DIR.")
  @Nullable Path report;

  @Option(names = "--threads", paramLabel = "N",
      description = "Parallel runs for sweeps (default: the number of cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--objective", defaultValue = "sharpe", paramLabel = "sharpe|netPnl",
      description = "What a sweep or walk-forward fit maximizes (default: ${DEFAULT-VALUE}).")
  String objective = "sharpe";

  private @Nullable EmbeddedMarketStore openedStore;

  /** The parameters by name, each with one or more values, in the order given. */
  Map<String, List<String>> axes(CommandLine cl) {
    Map<String, List<String>> axes = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) {
        throw usage(cl, "--param '" + p + "' must look like name=value or name=v1,v2,v3 (e.g. --param fast=9)");
      }
      String name = p.substring(0, eq).trim();
      List<String> values = List.of(p.substring(eq + 1).split(",")).stream().map(String::trim).collect(Collectors.toList());
      if (values.stream().anyMatch(String::isEmpty)) {
        throw usage(cl, "--param '" + p + "' has an empty value");
      }
      if (axes.put(name, values) != null) {
        throw usage(cl, "--param " + name + " is given twice; list several values as " + name + "=v1,v2");
      }
    }
    return axes;
  }

  /** The configuration with each parameter's first value; checks every option. */
  BacktestConfig config(CommandLine cl, PrintWriter err) {
    StrategyFactory factory;
    try {
      factory = StrategyCatalog.standard().find(strategy);
    } catch (io.aitrader.api.NotFoundException e) {
      throw usage(cl, e.getMessage());
    }
    BarInterval barInterval;
    try {
      barInterval = BarInterval.parse(interval);
    } catch (RuntimeException e) {
      throw usage(cl, "--interval '" + interval + "' is not a bar interval; use one of 1m, 2m, 3m, 5m, 10m, 15m, 30m, 1h, 1d");
    }
    if (cash <= 0) {
      throw usage(cl, "--cash must be a positive number of rupees, was " + cash);
    }
    if (slippageBps < 0) {
      throw usage(cl, "--slippage-bps must be >= 0, was " + slippageBps);
    }
    if (!(volumeShare > 0 && volumeShare <= 1)) {
      throw usage(cl, "--volume-share must be in (0, 1], was " + volumeShare);
    }
    if (threads < 1) {
      throw usage(cl, "--threads must be >= 1, was " + threads);
    }
    try {
      Objective.named(objective);
    } catch (io.aitrader.api.ValidationException e) {
      throw usage(cl, "--objective: " + e.getMessage());
    }
    List<Instrument> instruments = SymbolList.resolve(symbols, InMemoryInstrumentRepository.bundledNse(), 0, cl);
    Map<String, String> first = new LinkedHashMap<>();
    axes(cl).forEach((k, v) -> first.put(k, v.get(0)));
    BacktestConfig.Builder b = BacktestConfig.builder().strategy(factory, first).instruments(instruments)
        .interval(barInterval).from(required(from)).to(required(to)).data(data(cl, err))
        .startingCash(Money.ofRupees(cash)).slippage(slippageBps == 0 ? Slippage.none() : Slippage.fixedBps(slippageBps))
        .maxVolumeShare(volumeShare);
    if (noCharges) {
      b.noCharges();
    }
    try {
      return b.build();
    } catch (io.aitrader.api.ValidationException e) {
      throw usage(cl, e.getMessage());
    }
  }

  Objective objective() {
    return Objective.named(objective);
  }

  private HistoricalBars data(CommandLine cl, PrintWriter err) {
    if (store != null && csv != null) {
      throw usage(cl, "give either --store or --csv, not both");
    }
    if (store != null) {
      if (!Files.isDirectory(store)) {
        throw usage(cl, "--store " + store + " is not a directory; fill a store first with 'aitrader import --store "
            + store + " …'");
      }
      openedStore = EmbeddedMarketStore.open(store);
      return HistoricalBars.fromStore(openedStore, "embedded market store " + store);
    }
    if (csv != null) {
      if (!Files.isDirectory(csv)) {
        throw usage(cl, "--csv " + csv + " is not a directory of candle CSV files (RELIANCE-5m.csv, …)");
      }
      return HistoricalBars.fromCsv(csv);
    }
    err.println("aitrader: no market store configured (--store or --csv): using the synthetic market, seed " + seed
        + " — generated prices, not real ones");
    err.flush();
    return HistoricalBars.synthetic(SyntheticBars.builder().seed(seed).build());
  }

  /** Closes the market store if one was opened. */
  void close() {
    if (openedStore != null) {
      openedStore.close();
    }
  }

  private static LocalDate required(@Nullable LocalDate d) {
    if (d == null) {
      throw new IllegalStateException("picocli enforces --from and --to");
    }
    return d;
  }

  static CommandLine.ParameterException usage(CommandLine cl, String message) {
    return new CommandLine.ParameterException(cl, message);
  }
}
