package io.aitrader.core.backtest;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.market.replay.CandleCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Candle CSV files in one directory, one file per instrument and interval, named {@code <SYMBOL>-<interval>.csv}
 * (e.g. {@code RELIANCE-5m.csv}) or, for an exchange other than NSE, {@code <EXCHANGE>_<SYMBOL>-<interval>.csv}.
 * Each file is read once, on first use, and kept.
 */
final class CsvHistory implements HistoricalBars {
  private record Key(Instrument instrument, BarInterval interval) {}

  private final Path directory;
  private final ConcurrentHashMap<Key, HistoricalBars> loaded = new ConcurrentHashMap<>();

  CsvHistory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new NotFoundException("no such directory " + directory + " for candle CSV files; give an existing directory"
          + " holding files named like RELIANCE-5m.csv");
    }
    this.directory = directory;
  }

  /** The file that holds {@code instrument}'s {@code interval} candles. */
  Path fileFor(Instrument instrument, BarInterval interval) {
    String prefix = instrument.exchange().name().equals("NSE") ? "" : instrument.exchange().name() + "_";
    return directory.resolve(prefix + instrument.tradingSymbol() + "-" + interval.label() + ".csv");
  }

  @Override
  public List<Bar> bars(Instrument instrument, BarInterval interval, TradingSession session) {
    return loaded.computeIfAbsent(new Key(instrument, interval), k -> {
      Path file = fileFor(instrument, interval);
      if (!Files.isRegularFile(file)) {
        throw new NotFoundException("no " + interval.label() + " candles for " + instrument.id() + ": expected the file "
            + file + " (timestamp,open,high,low,close,volume)");
      }
      return HistoricalBars.inMemory(CandleCsv.read(file, instrument, interval), description());
    }).bars(instrument, interval, session);
  }

  @Override
  public String description() {
    return "candle CSV files in " + directory;
  }
}
