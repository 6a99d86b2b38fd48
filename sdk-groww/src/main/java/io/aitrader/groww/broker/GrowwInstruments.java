package io.aitrader.groww.broker;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.instruments.GrowwInstrumentCsv;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.groww.rest.GrowwClient;
import io.aitrader.groww.rest.MalformedResponseException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groww's instrument master as an {@link InstrumentRepository}: the CSV downloaded from
 * {@code growwapi-assets.groww.in}, parsed by header name ({@link GrowwInstrumentCsv}), refreshed once per IST
 * day (on the first lookup of a new day).
 *
 * <pre>{@code
 * GrowwInstruments instruments = GrowwInstruments.load(client);     // downloads now; fails if it cannot
 * Instrument wipro = instruments.find(Exchange.NSE, "WIPRO").orElseThrow();
 * }</pre>
 *
 * <p>Rows this SDK cannot model (new segments, odd values) are skipped and counted in a warning. A refresh that
 * fails (network, a CSV without the required columns, no usable row) keeps the previous master, logs a warning and
 * is tried again {@value #RETRY_MINUTES} minutes later. Thread-safe: lookups read an immutable snapshot.
 */
public final class GrowwInstruments implements InstrumentRepository {
  /** Minutes between attempts after a failed refresh. */
  public static final int RETRY_MINUTES = 15;

  private static final Logger LOG = LoggerFactory.getLogger(GrowwInstruments.class);

  private final Supplier<String> download;
  private final String source;
  private final TimeSource clock;
  private volatile InMemoryInstrumentRepository current;
  private volatile long loadedDay;
  private volatile long nextAttemptMillis;

  private GrowwInstruments(Supplier<String> download, String source, TimeSource clock) {
    this.download = download;
    this.source = source;
    this.clock = clock;
    long now = clock.currentTimeMillis();
    this.current = parse(download.get());
    this.loadedDay = Ist.epochDayOf(now);
  }

  /**
   * Downloads and parses the master now.
   *
   * @throws io.aitrader.groww.rest.GrowwApiException when it cannot be downloaded or read
   */
  public static GrowwInstruments load(GrowwClient client) {
    ValidationException.required(client, "GrowwInstruments.client");
    return new GrowwInstruments(client::instrumentsCsv, client.config().instrumentsUri().toString(),
        client.config().clock());
  }

  /** A master read from {@code csv} text, refreshed daily the same way (for tests and other sources). */
  public static GrowwInstruments of(Supplier<String> csv, String source, TimeSource clock) {
    return new GrowwInstruments(ValidationException.required(csv, "GrowwInstruments.csv"),
        ValidationException.requireText(source, "GrowwInstruments.source"),
        ValidationException.required(clock, "GrowwInstruments.clock"));
  }

  private InMemoryInstrumentRepository parse(String csv) {
    GrowwInstrumentCsv.Result result;
    try {
      result = GrowwInstrumentCsv.readSkippingBadRows(new StringReader(csv), source);
    } catch (ValidationException e) {
      throw new MalformedResponseException("The Groww instrument master from " + source + " cannot be read: "
          + e.getMessage() + "; the previous master (if any) stays in use", 200, "GET " + source);
    }
    if (result.instruments().isEmpty()) {
      throw new MalformedResponseException("The Groww instrument master from " + source + " has no usable row ("
          + result.skippedRows() + " skipped" + (result.problems().isEmpty() ? "" : ", first: "
          + result.problems().get(0)) + "); the previous master (if any) stays in use", 200, "GET " + source);
    }
    if (result.skippedRows() > 0) {
      LOG.warn("Skipped {} rows of the Groww instrument master this SDK cannot model; first: {}",
          result.skippedRows(), result.problems().get(0));
    }
    try {
      return InMemoryInstrumentRepository.of(result.instruments());
    } catch (ValidationException e) {
      throw new MalformedResponseException("The Groww instrument master from " + source + " is inconsistent: "
          + e.getMessage(), 200, "GET " + source);
    }
  }

  /**
   * Downloads the master again now; on failure keeps the previous one and rethrows.
   *
   * @return how many instruments the new master holds
   */
  public synchronized int refresh() {
    long now = clock.currentTimeMillis();
    try {
      InMemoryInstrumentRepository fresh = parse(download.get());
      current = fresh;
      loadedDay = Ist.epochDayOf(now);
      LOG.info("Loaded the Groww instrument master: {} instruments", fresh.all().size());
      return fresh.all().size();
    } catch (RuntimeException e) {
      nextAttemptMillis = now + RETRY_MINUTES * 60_000L;
      throw e;
    }
  }

  private InMemoryInstrumentRepository snapshot() {
    long now = clock.currentTimeMillis();
    if (Ist.epochDayOf(now) != loadedDay && now >= nextAttemptMillis) {
      synchronized (this) {
        if (Ist.epochDayOf(now) != loadedDay && now >= nextAttemptMillis) {
          try {
            refresh();
          } catch (RuntimeException e) {
            LOG.warn("Refreshing the Groww instrument master failed; keeping the previous one: {}", e.getMessage());
          }
        }
      }
    }
    return current;
  }

  @Override
  public Optional<Instrument> find(Exchange exchange, String tradingSymbol) {
    return snapshot().find(exchange, tradingSymbol);
  }

  @Override
  public Optional<Instrument> findById(String id) {
    return snapshot().findById(id);
  }

  @Override
  public Optional<Instrument> findByGrowwSymbol(String growwSymbol) {
    return snapshot().findByGrowwSymbol(growwSymbol);
  }

  @Override
  public Optional<Instrument> findByExchangeToken(Exchange exchange, String exchangeToken) {
    return snapshot().findByExchangeToken(exchange, exchangeToken);
  }

  @Override
  public List<Instrument> search(String prefix, int limit) {
    return snapshot().search(prefix, limit);
  }

  @Override
  public List<Instrument> all() {
    return snapshot().all();
  }

  @Override
  public String toString() {
    return "GrowwInstruments[" + current.all().size() + " instruments from " + source + "]";
  }
}
