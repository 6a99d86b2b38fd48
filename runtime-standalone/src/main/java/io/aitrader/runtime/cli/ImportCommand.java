package io.aitrader.runtime.cli;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.Ist;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.store.CandleImport;
import io.aitrader.core.store.EmbeddedMarketStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aitrader import}: loads candle CSV files ({@code RELIANCE-5m.csv}, {@code BSE_RELIANCE-1d.csv}) into the
 * embedded market store, where {@code aitrader backtest --store} reads them.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import candle CSV files (timestamp,open,high,low,close,volume) into the embedded market store.",
        "Files are named <SYMBOL>-<interval>.csv (NSE) or BSE_<SYMBOL>-<interval>.csv, e.g. RELIANCE-5m.csv.",
        "Example: aitrader import --store data/market --csv candles/"})
final class ImportCommand implements Callable<Integer> {
  private static final Pattern NAME = Pattern.compile("(?:(NSE|BSE)_)?([A-Z0-9&._-]+?)-(\\d+[MHD])\\.CSV");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--store", required = true, paramLabel = "DIR", description = "The market store directory (created if missing).")
  @Nullable Path store;

  @Option(names = "--csv", required = true, paramLabel = "DIR", description = "The directory of candle CSV files to import.")
  @Nullable Path csv;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    PrintWriter out = cl.getOut();
    Path source = java.util.Objects.requireNonNull(csv);
    if (!Files.isDirectory(source)) {
      throw new CommandLine.ParameterException(cl, "--csv " + source + " is not a directory");
    }
    InMemoryInstrumentRepository repository = InMemoryInstrumentRepository.bundledNse();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(source)) {
      s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + source + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new CommandLine.ParameterException(cl, "no .csv files in " + source);
    }
    try (EmbeddedMarketStore target = EmbeddedMarketStore.open(java.util.Objects.requireNonNull(store))) {
      CandleImport job = CandleImport.into(target);
      for (Path f : files) {
        Matcher m = NAME.matcher(f.getFileName().toString().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
          throw new CommandLine.ParameterException(cl, f.getFileName() + ": name it <SYMBOL>-<interval>.csv, e.g. RELIANCE-5m.csv");
        }
        Exchange exchange = m.group(1) == null ? Exchange.NSE : Exchange.valueOf(m.group(1));
        Instrument instrument = repository.find(exchange, m.group(2)).orElseThrow(() -> new CommandLine.ParameterException(cl,
            f.getFileName() + ": " + exchange + " symbol " + m.group(2) + " is not in the bundled instrument master"));
        BarInterval interval;
        try {
          interval = BarInterval.parse(m.group(3).toLowerCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
          throw new CommandLine.ParameterException(cl, f.getFileName() + ": '" + m.group(3) + "' is not a bar interval");
        }
        job.file(f, instrument, interval);
      }
      CandleImport.Result r = job.run();
      out.printf("imported %d files, %,d bars into %s%n", r.files(), r.bars(), store);
      for (Map.Entry<Instrument, CandleImport.Span> e : r.spans().entrySet()) {
        out.printf("  %-16s %,8d bars  %s → %s%n", e.getKey().id(), e.getValue().bars(), Ist.at(e.getValue().first()),
            Ist.at(e.getValue().last()));
      }
    }
    out.flush();
    return 0;
  }
}
