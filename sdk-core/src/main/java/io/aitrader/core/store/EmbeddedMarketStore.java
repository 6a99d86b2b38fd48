package io.aitrader.core.store;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketStore;
import io.aitrader.api.market.Tick;
import io.aitrader.core.files.DirectoryLock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link MarketStore}: bars (candles) and ticks in memory, or in append-only binary files under a
 * directory. Each series — the bars of one instrument at one interval, the ticks of one instrument — is held, once
 * read, as primitive columns sorted by time; a range query is two binary searches, and {@link Bar}/{@link Tick}
 * records are built only for the rows it returns, carrying the queried {@link Instrument} (the store keeps only
 * the {@link Instrument#id() id}).
 *
 * <pre>{@code
 * try (EmbeddedMarketStore store = EmbeddedMarketStore.open(Path.of("data/market"))) {
 *   store.appendBars(bars);                                  // forced to disk before it returns
 *   List<Bar> day = store.bars(reliance, BarInterval.M1, dayOpenMillis, dayCloseMillis);
 * }
 * }</pre>
 *
 * <h2>Files</h2>
 * <pre>
 * &lt;directory&gt;/store.lock                          held while the store is open: one process per directory
 * &lt;directory&gt;/bars/&lt;interval label&gt;/&lt;file id&gt;.bars   e.g. bars/1m/NSE_RELIANCE.bars, bars/1d/NSE_M%26M.bars
 * &lt;directory&gt;/ticks/&lt;file id&gt;.ticks                e.g. ticks/NSE_RELIANCE.ticks
 * </pre>
 * The file id is the instrument id with {@code :} as {@code _}; {@code A-Z 0-9 . -} are kept and every other byte of
 * its UTF-8 (lower case included) is written {@code %XX}. Every file is a header followed by fixed-size records,
 * all big endian as {@link java.io.DataOutput} writes them:
 * <ul>
 *   <li>header: {@code int} magic — {@code 0x41495442} ("AITB") for bars, {@code 0x41495454} ("AITT") for ticks;
 *       {@code short} format version (1); {@code short} record size; the instrument id
 *       ({@link java.io.DataOutput#writeUTF}); for bars, the interval label ({@code writeUTF}, e.g. {@code 5m}).</li>
 *   <li>bar record, 69 bytes: {@code long} open time, close time (epoch ms), open, high, low, close (₹0.0001 units),
 *       volume, turnover; {@code int} trade count; {@code byte} complete (0 or 1).</li>
 *   <li>tick record, 72 bytes: {@code long} time (epoch ms), last price, last quantity, day volume, bid price, bid
 *       quantity, ask price, ask quantity, open interest.</li>
 * </ul>
 * Records are only ever appended: each {@code append…} call writes its batch (sorted by time, one bar per open time)
 * and forces it to disk ({@link FileChannel#force}) before returning, so an acknowledged append survives a crash. A
 * replaced bar stays in the file; when the file is read, the later record of an open time wins. A new file is
 * written whole under a temporary name and renamed into place.
 *
 * <p>Opening a directory checks every file's header: a file that is not a store file of this format fails
 * {@link #open} with a {@link ConfigurationException} naming the file and what to do (all such files at once). A
 * last record cut short by a crash (its append never returned) is dropped with a WARN log naming the file and the
 * bytes dropped. A series' file is read on the first query of that series and then kept in memory; appends before
 * that only write the file.
 *
 * <p>Thread-safe: one read-write lock per series, so queries of a series run in parallel and appends to different
 * series do not wait for each other. An append holding several series writes each series' part in turn (not
 * atomically across series). After {@link #close()} every call fails with {@link IllegalStateException}.
 */
public final class EmbeddedMarketStore implements MarketStore {
  /** The lock file in a store directory. */
  public static final String LOCK_FILE = "store.lock";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMarketStore.class);
  private static final String BARS = "bars";
  private static final String TICKS = "ticks";

  private final @Nullable Path directory;
  private final @Nullable FileChannel lockChannel;
  private final Map<BarInterval, ConcurrentHashMap<String, Series>> bars = new EnumMap<>(BarInterval.class);
  private final ConcurrentHashMap<String, Series> ticks = new ConcurrentHashMap<>();
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private EmbeddedMarketStore(@Nullable Path directory, @Nullable FileChannel lockChannel) {
    this.directory = directory;
    this.lockChannel = lockChannel;
    for (BarInterval interval : BarInterval.values()) {
      bars.put(interval, new ConcurrentHashMap<>());
    }
  }

  /** A store that keeps everything in memory, gone on {@link #close()}. */
  public static EmbeddedMarketStore inMemory() {
    return new EmbeddedMarketStore(null, null);
  }

  /**
   * Opens (or creates) the durable store in {@code directory}.
   *
   * @throws ConfigurationException when the directory cannot be created or written, another store has it open, or
   *     a file in it is not a store file of this format
   */
  public static EmbeddedMarketStore open(Path directory) {
    required(directory, "directory");
    Path root = directory.toAbsolutePath().normalize();
    FileChannel lockChannel = null;
    try {
      lockChannel = DirectoryLock.acquire(root, LOCK_FILE, "the market store " + root + " is already open in this or"
          + " another process; close that one first, or give this one a directory of its own");
      EmbeddedMarketStore store = new EmbeddedMarketStore(root, lockChannel);
      store.scan(root);
      return store;
    } catch (IOException e) {
      closeQuietly(lockChannel, e);
      throw new ConfigurationException("cannot open the market store " + root + ": " + e
          + " (check that the directory can be created and written)", e);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel, e);
      throw e;
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel, Exception failure) {
    if (channel != null) {
      try {
        channel.close(); // releases the lock
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** Finds the stored series, checking each file's header; every bad file is reported at once. */
  private void scan(Path root) throws IOException {
    List<String> problems = new ArrayList<>();
    for (BarInterval interval : BarInterval.values()) {
      Path dir = root.resolve(BARS).resolve(interval.label());
      for (Path file : files(dir, BarRecords.FORMAT)) {
        SeriesFile f = SeriesFile.inspect(root, file, BarRecords.FORMAT, interval, problems);
        if (f != null) {
          bars.get(interval).put(f.instrumentId(), Series.onDisk(BarRecords.FORMAT, f));
        }
      }
    }
    for (Path file : files(root.resolve(TICKS), TickRecords.FORMAT)) {
      SeriesFile f = SeriesFile.inspect(root, file, TickRecords.FORMAT, null, problems);
      if (f != null) {
        ticks.put(f.instrumentId(), Series.onDisk(TickRecords.FORMAT, f));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  /** The series files in {@code dir}; removes files a crash left half-created (they hold no data). */
  private static List<Path> files(Path dir, RecordFormat format) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> all;
    try (Stream<Path> list = Files.list(dir)) {
      all = list.sorted().collect(Collectors.toList());
    }
    List<Path> series = new ArrayList<>(all.size());
    for (Path file : all) {
      String name = String.valueOf(file.getFileName());
      if (name.endsWith(format.extension() + ".tmp")) {
        LOG.warn("market store: removing {}, a series file whose creation a crash interrupted (it held no data)",
            file);
        Files.delete(file);
      } else if (name.endsWith(format.extension())) {
        series.add(file);
      }
    }
    return series;
  }

  /** The store's directory; empty for an in-memory store. */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  @Override
  public void appendBars(Collection<Bar> bars) {
    required(bars, "bars");
    requireNoNulls(bars, "bars");
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      ensureOpen();
      Map<Series, Columns> batches = new IdentityHashMap<>();
      Columns batch = null;
      Instrument lastInstrument = null;
      BarInterval lastInterval = null;
      for (Bar bar : bars) {
        if (bar.instrument() != lastInstrument || bar.interval() != lastInterval || batch == null) {
          lastInstrument = bar.instrument();
          lastInterval = bar.interval();
          batch = batches.computeIfAbsent(barSeries(lastInstrument.id(), lastInterval),
              s -> new Columns(BarRecords.FORMAT.width(), Math.min(bars.size(), 4096)));
        }
        BarRecords.add(batch, bar);
      }
      for (Map.Entry<Series, Columns> e : batches.entrySet()) {
        e.getKey().append(e.getValue());
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void appendTicks(Collection<Tick> ticks) {
    required(ticks, "ticks");
    requireNoNulls(ticks, "ticks");
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      ensureOpen();
      Map<Series, Columns> batches = new IdentityHashMap<>();
      Columns batch = null;
      Instrument lastInstrument = null;
      for (Tick tick : ticks) {
        if (tick.instrument() != lastInstrument || batch == null) {
          lastInstrument = tick.instrument();
          batch = batches.computeIfAbsent(tickSeries(lastInstrument.id()),
              s -> new Columns(TickRecords.FORMAT.width(), Math.min(ticks.size(), 4096)));
        }
        TickRecords.add(batch, tick);
      }
      for (Map.Entry<Series, Columns> e : batches.entrySet()) {
        e.getKey().append(e.getValue());
      }
    } finally {
      lock.unlock();
    }
  }

  private static void requireNoNulls(Collection<?> batch, String name) {
    int i = 0;
    for (Object o : batch) {
      if (o == null) {
        throw new ValidationException(name, name + "[" + i + "] is null: a batch must not hold nulls (nothing of it "
            + "was stored)");
      }
      i++;
    }
  }

  private Series barSeries(String instrumentId, BarInterval interval) {
    return bars.get(interval).computeIfAbsent(instrumentId, id -> directory == null
        ? Series.inMemory(BarRecords.FORMAT)
        : Series.onDisk(BarRecords.FORMAT, SeriesFile.absent(directory,
            directory.resolve(BARS).resolve(interval.label()).resolve(FileNames.of(id) + BarRecords.FORMAT.extension()),
            BarRecords.FORMAT, id, interval)));
  }

  private Series tickSeries(String instrumentId) {
    return ticks.computeIfAbsent(instrumentId, id -> directory == null
        ? Series.inMemory(TickRecords.FORMAT)
        : Series.onDisk(TickRecords.FORMAT, SeriesFile.absent(directory,
            directory.resolve(TICKS).resolve(FileNames.of(id) + TickRecords.FORMAT.extension()),
            TickRecords.FORMAT, id, null)));
  }

  @Override
  public List<Bar> bars(Instrument instrument, BarInterval interval, long fromMillis, long toMillis) {
    required(instrument, "instrument");
    required(interval, "interval");
    checkRange(fromMillis, toMillis);
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      ensureOpen();
      Series series = bars.get(interval).get(instrument.id());
      if (series == null) {
        return List.of();
      }
      return series.read(fromMillis, toMillis, (rows, lo, hi) -> BarRecords.bars(rows, lo, hi, instrument, interval));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Tick> ticks(Instrument instrument, long fromMillis, long toMillis) {
    required(instrument, "instrument");
    checkRange(fromMillis, toMillis);
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      ensureOpen();
      Series series = ticks.get(instrument.id());
      if (series == null) {
        return List.of();
      }
      return series.read(fromMillis, toMillis, (rows, lo, hi) -> TickRecords.ticks(rows, lo, hi, instrument));
    } finally {
      lock.unlock();
    }
  }

  /** The tick with the latest time; of ticks sharing that time, the one appended last. */
  @Override
  public Optional<Tick> lastTick(Instrument instrument) {
    required(instrument, "instrument");
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      ensureOpen();
      Series series = ticks.get(instrument.id());
      if (series == null) {
        return Optional.empty();
      }
      return series.readAll((rows, lo, hi) -> hi > lo
          ? Optional.of(TickRecords.tick(rows, hi - 1, instrument)) : Optional.<Tick>empty());
    } finally {
      lock.unlock();
    }
  }

  private static void checkRange(long fromMillis, long toMillis) {
    check(fromMillis <= toMillis, "fromMillis", "must be <= toMillis " + toMillis, fromMillis);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the market store " + this + " is closed");
    }
  }

  /** Closes the files and releases the directory; idempotent. */
  @Override
  public void close() {
    Lock lock = lifecycle.writeLock();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      List<Series> all = new ArrayList<>(ticks.values());
      for (ConcurrentHashMap<String, Series> byId : bars.values()) {
        all.addAll(byId.values());
      }
      for (Series series : all) {
        try {
          series.close();
        } catch (IOException e) {
          LOG.warn("market store {}: closing a series file failed: {}", this, e.toString());
        }
      }
      if (lockChannel != null) {
        try {
          lockChannel.close();
        } catch (IOException e) {
          LOG.warn("market store {}: releasing {} failed: {}", this, LOCK_FILE, e.toString());
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** {@code EmbeddedMarketStore[/data/market]} or {@code EmbeddedMarketStore[in memory]}. */
  @Override
  public String toString() {
    return "EmbeddedMarketStore[" + (directory == null ? "in memory" : directory.toString()) + "]";
  }
}
