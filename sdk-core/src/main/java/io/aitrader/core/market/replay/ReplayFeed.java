package io.aitrader.core.market.replay;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.market.MarketDataFeed;
import io.aitrader.api.market.Quote;
import io.aitrader.api.market.QuoteListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays back quote CSV files (see the {@linkplain io.aitrader.core.market.replay package} for the format) as a
 * {@link MarketDataFeed}: files in the order given, each in line order, as fast as the listener takes them.
 *
 * <pre>{@code
 * try (ReplayFeed feed = ReplayFeed.of(repo, List.of(Path.of("day1.csv"), Path.of("day2.csv")))) {
 *   feed.run(ingestor::onQuote);   // returns at the end of the last file
 * }
 * }</pre>
 *
 * <p>Instrument ids are resolved through the {@link InstrumentRepository}; files are read as they are played, so a
 * malformed line fails with a {@link ValidationException} and an unknown instrument with a
 * {@link NotFoundException} when reached, each naming the file and line (quotes before it have been delivered).
 * Until {@link #subscribe} is first called every quote is delivered; after, only those of subscribed instruments.
 *
 * <p>Threading: {@link #run} delivers on the calling thread and may be called again (each run starts over);
 * concurrent runs are refused. {@link #subscribe} and {@link #close()} may be called from any thread; close makes a
 * running {@code run} return after the current line. Per line, the line's string and the {@link Quote} are
 * allocated, nothing else once each instrument has been seen.
 */
public final class ReplayFeed implements MarketDataFeed {
  private static final Logger log = LoggerFactory.getLogger(ReplayFeed.class);

  private final InstrumentRepository repository;
  private final List<Path> files;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean closed;
  /** Subscribed instruments, or null for all. Replaced, never mutated. */
  private volatile @Nullable Set<Instrument> subscribed;

  private ReplayFeed(InstrumentRepository repository, List<Path> files) {
    this.repository = required(repository, "ReplayFeed.repository");
    this.files = List.copyOf(files);
    ValidationException.check(!this.files.isEmpty(), "ReplayFeed.files", "must not be empty", "none");
  }

  /** A feed playing {@code files} in order, resolving instruments through {@code repository}. */
  public static ReplayFeed of(InstrumentRepository repository, List<Path> files) {
    return new ReplayFeed(repository, files);
  }

  /** A feed playing {@code files} in order. */
  public static ReplayFeed of(InstrumentRepository repository, Path... files) {
    return new ReplayFeed(repository, List.of(files));
  }

  @Override
  public String name() {
    return "replay";
  }

  /** The files played, in order. */
  public List<Path> files() {
    return files;
  }

  /** Restricts delivery to these instruments (added to earlier subscriptions); each must be in the repository. */
  @Override
  public synchronized void subscribe(Collection<Instrument> instruments) {
    Set<Instrument> current = subscribed;
    Set<Instrument> next = current == null ? new HashSet<>() : new HashSet<>(current);
    for (Instrument i : instruments) {
      if (!repository.findById(i.id()).filter(i::equals).isPresent()) {
        throw new NotFoundException("instrument " + i.id() + " is not in this replay's instrument repository");
      }
      next.add(i);
    }
    subscribed = Set.copyOf(next);
  }

  @Override
  public void run(QuoteListener listener) {
    required(listener, "listener");
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("ReplayFeed.run is already running on another thread");
    }
    try {
      InstrumentCache cache = new InstrumentCache(repository);
      for (int f = 0; f < files.size() && !closed; f++) {
        long n = play(files.get(f), cache, listener);
        log.debug("replayed {} quotes from {}", n, files.get(f));
      }
    } finally {
      running.set(false);
    }
  }

  private long play(Path file, InstrumentCache cache, QuoteListener listener) {
    long delivered = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header != null && header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      if (header == null || !header.trim().equals(QuoteCsvWriter.HEADER)) {
        throw new ValidationException("ReplayFeed.header", file + " line 1: expected the header "
            + QuoteCsvWriter.HEADER + ", was " + (header == null ? "an empty file" : "'" + header + "'"));
      }
      QuoteLineParser parser = new QuoteLineParser(file.toString(), cache);
      String line;
      int lineNumber = 1;
      while (!closed && (line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        Quote q = parser.parse(line, lineNumber);
        Set<Instrument> filter = subscribed;
        if (filter == null || filter.contains(q.instrument())) {
          listener.onQuote(q);
          delivered++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read replay file " + file, e);
    }
    return delivered;
  }

  /** Stops a running {@link #run} and refuses further runs. Idempotent, any thread. */
  @Override
  public void close() {
    closed = true;
  }
}
