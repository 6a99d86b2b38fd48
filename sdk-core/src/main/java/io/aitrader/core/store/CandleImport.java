package io.aitrader.core.store;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketStore;
import io.aitrader.core.market.replay.CandleCsv;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports candle CSV files (Groww's historical candles, read by {@link CandleCsv}) into any {@link MarketStore}.
 *
 * <pre>{@code
 * CandleImport.Result result = CandleImport.into(store)
 *     .file(Path.of("candles/reliance-1m.csv"), reliance, BarInterval.M1)
 *     .file(Path.of("candles/infy-1m.csv"), infy, BarInterval.M1)
 *     .run();
 * result.bars();                        // 187500
 * result.spans().get(reliance).first(); // the earliest bar's open time
 * }</pre>
 *
 * <p>Each file is read whole, then appended in one {@link MarketStore#appendBars} call, so a file with a bad row adds
 * nothing; the error names the file, line and column, and how many files before it were imported. A bar whose
 * instrument, interval and open time are already stored replaces the stored one, so importing a file again is
 * harmless. Files are imported in the order added. Not thread-safe: configure and run it on one thread.
 */
public final class CandleImport {
  private final MarketStore store;
  private final List<Source> sources = new ArrayList<>();

  private record Source(Path file, Instrument instrument, BarInterval interval) {}

  private CandleImport(MarketStore store) {
    this.store = store;
  }

  /** An import into {@code store}; add files with {@link #file}, then {@link #run()}. */
  public static CandleImport into(MarketStore store) {
    return new CandleImport(required(store, "store"));
  }

  /** Adds a CSV file holding the {@code interval} candles of {@code instrument}. */
  public CandleImport file(Path csv, Instrument instrument, BarInterval interval) {
    sources.add(new Source(required(csv, "csv"), required(instrument, "instrument"), required(interval, "interval")));
    return this;
  }

  /**
   * Reads every file and appends its bars to the store.
   *
   * @throws ValidationException when a file is missing (all missing files are named before anything is imported)
   *     or holds a row that is not a valid candle (file, line and column named)
   * @throws UncheckedIOException when a file cannot be read
   */
  public Result run() {
    List<String> missing = new ArrayList<>();
    for (Source s : sources) {
      if (!Files.isRegularFile(s.file()) || !Files.isReadable(s.file())) {
        missing.add(s.file().toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new ValidationException("CandleImport.file", "candle files not found or not readable: "
          + String.join(", ", missing) + " (nothing was imported)");
    }
    Map<Instrument, Span> spans = new LinkedHashMap<>();
    long total = 0;
    int done = 0;
    for (Source s : sources) {
      List<Bar> bars;
      try {
        bars = CandleCsv.read(s.file(), s.instrument(), s.interval());
      } catch (ValidationException e) {
        throw new ValidationException(e.field(), e.getMessage() + imported(done));
      } catch (UncheckedIOException e) {
        throw new UncheckedIOException(e.getMessage() + imported(done), e.getCause());
      }
      store.appendBars(bars);
      if (!bars.isEmpty()) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Bar bar : bars) {
          first = Math.min(first, bar.openTimeMillis());
          last = Math.max(last, bar.openTimeMillis());
        }
        spans.merge(s.instrument(), new Span(first, last, bars.size()), Span::merge);
      }
      total += bars.size();
      done++;
    }
    return new Result(done, total, spans);
  }

  private static String imported(int done) {
    return done == 0 ? " (nothing was imported)"
        : " (the " + done + " file(s) before it were imported; nothing of this one was)";
  }

  /**
   * What an import stored.
   *
   * @param files files imported
   * @param bars  bars appended, over all files (a bar that replaced a stored one counts too)
   * @param spans per instrument, in the order first imported: the open times of its first and last bar and its bar
   *              count, over all its files and intervals (an instrument whose files held no rows is absent)
   */
  public record Result(int files, long bars, Map<Instrument, Span> spans) {
    public Result {
      check(files >= 0, "Result.files", "must be >= 0", files);
      check(bars >= 0, "Result.bars", "must be >= 0", bars);
      spans = Collections.unmodifiableMap(new LinkedHashMap<>(required(spans, "Result.spans")));
    }
  }

  /**
   * The time span of one instrument's imported bars.
   *
   * @param first open time of the earliest bar, epoch ms
   * @param last  open time of the latest bar, epoch ms
   * @param bars  bars imported
   */
  public record Span(long first, long last, long bars) {
    public Span {
      check(last >= first, "Span.last", "must be >= first " + first, last);
      check(bars >= 1, "Span.bars", "must be >= 1", bars);
    }

    Span merge(Span other) {
      return new Span(Math.min(first, other.first), Math.max(last, other.last), bars + other.bars);
    }
  }
}
