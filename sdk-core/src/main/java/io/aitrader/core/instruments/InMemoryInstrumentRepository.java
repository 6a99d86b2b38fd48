package io.aitrader.core.instruments;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link InstrumentRepository}: an immutable in-memory index over an instrument master.
 *
 * <pre>{@code
 * InstrumentRepository repo = InMemoryInstrumentRepository.bundledNse();
 * Instrument reliance = repo.findById("NSE:RELIANCE").orElseThrow();
 * repo.search("hdfc", 5);   // HDFCBANK, HDFCLIFE, ...
 * }</pre>
 *
 * <p>Indexes: {@link Instrument#id()}, (exchange, trading symbol), Groww symbol and (exchange, exchange token). All
 * lookups ignore case and surrounding blanks. Ids must be unique (construction fails otherwise); when two
 * instruments share a Groww symbol or an exchange token the first one wins and a warning is logged once.
 * {@link #all()} keeps the input order. Immutable and thread-safe.
 */
public final class InMemoryInstrumentRepository implements InstrumentRepository {
  private static final Logger log = LoggerFactory.getLogger(InMemoryInstrumentRepository.class);
  private static final String BUNDLED_NSE = "nse-instruments.csv";

  private final List<Instrument> all;
  private final Map<String, Instrument> byId = new HashMap<>();
  private final Map<String, Instrument> byGrowwSymbol = new HashMap<>();
  private final Map<Exchange, Map<String, Instrument>> byToken = new EnumMap<>(Exchange.class);
  /** Instruments sorted by upper-case symbol, and those keys. */
  private final Instrument[] bySymbol;
  private final String[] symbolKeys;
  /** Instruments sorted by upper-case name, and those keys. */
  private final Instrument[] byName;
  private final String[] nameKeys;

  private InMemoryInstrumentRepository(Collection<Instrument> instruments) {
    this.all = List.copyOf(instruments);
    int sharedKeys = 0;
    for (Instrument i : all) {
      Instrument previous = byId.putIfAbsent(key(i.id()), i);
      if (previous != null) {
        throw new ValidationException("InstrumentRepository.id",
            "InstrumentRepository.id must be unique, was '" + i.id() + "' twice");
      }
      if (byGrowwSymbol.putIfAbsent(key(i.growwSymbol()), i) != null) {
        sharedKeys++;
      }
      if (byToken.computeIfAbsent(i.exchange(), e -> new HashMap<>()).putIfAbsent(key(i.exchangeToken()), i) != null) {
        sharedKeys++;
      }
    }
    if (sharedKeys > 0) {
      log.warn("{} instruments share a Groww symbol or exchange token with an earlier one; lookups return the first",
          sharedKeys);
    }
    this.bySymbol = all.toArray(new Instrument[0]);
    Arrays.sort(bySymbol, Comparator.comparing((Instrument i) -> key(i.tradingSymbol()))
        .thenComparing(Instrument::exchange).thenComparing(Instrument::id));
    this.symbolKeys = new String[bySymbol.length];
    for (int k = 0; k < bySymbol.length; k++) {
      symbolKeys[k] = key(bySymbol[k].tradingSymbol());
    }
    this.byName = all.toArray(new Instrument[0]);
    Arrays.sort(byName, Comparator.comparing((Instrument i) -> key(i.name())).thenComparing(Instrument::id));
    this.nameKeys = new String[byName.length];
    for (int k = 0; k < byName.length; k++) {
      nameKeys[k] = key(byName[k].name());
    }
  }

  /** A repository of these instruments; ids must be unique. */
  public static InMemoryInstrumentRepository of(Collection<Instrument> instruments) {
    return new InMemoryInstrumentRepository(instruments);
  }

  /** A repository of a Groww-format CSV (see {@link GrowwInstrumentCsv}); the first bad row fails. */
  public static InMemoryInstrumentRepository fromCsv(Reader in, String source) {
    return of(GrowwInstrumentCsv.read(in, source));
  }

  /** A repository of a Groww-format CSV file, UTF-8. */
  public static InMemoryInstrumentRepository fromCsv(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return fromCsv(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read instrument master " + file, e);
    }
  }

  /**
   * The bundled sample NSE master: about 50 liquid NIFTY 50 stocks plus the NIFTY and BANKNIFTY indices. A sample
   * for demos and tests, compiled from public NSE data; refresh tokens, ISINs and tick sizes from Groww's live
   * master before trading. Loaded once, then shared.
   */
  public static InMemoryInstrumentRepository bundledNse() {
    return BundledHolder.NSE;
  }

  private static final class BundledHolder {
    static final InMemoryInstrumentRepository NSE = load();

    private static InMemoryInstrumentRepository load() {
      try (InputStream in = InMemoryInstrumentRepository.class.getResourceAsStream(BUNDLED_NSE)) {
        if (in == null) {
          throw new IllegalStateException("bundled resource " + BUNDLED_NSE + " is missing from the sdk-core jar");
        }
        return fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8), "bundled " + BUNDLED_NSE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled " + BUNDLED_NSE, e);
      }
    }
  }

  @Override
  public Optional<Instrument> find(Exchange exchange, String tradingSymbol) {
    return Optional.ofNullable(byId.get(key(exchange.name() + ":" + tradingSymbol.trim())));
  }

  @Override
  public Optional<Instrument> findById(String id) {
    return Optional.ofNullable(byId.get(key(id)));
  }

  @Override
  public Optional<Instrument> findByGrowwSymbol(String growwSymbol) {
    return Optional.ofNullable(byGrowwSymbol.get(key(growwSymbol)));
  }

  @Override
  public Optional<Instrument> findByExchangeToken(Exchange exchange, String exchangeToken) {
    Map<String, Instrument> tokens = byToken.get(exchange);
    return tokens == null ? Optional.empty() : Optional.ofNullable(tokens.get(key(exchangeToken)));
  }

  /**
   * Instruments whose trading symbol or name starts with {@code prefix}, ignoring case: exact symbol matches
   * first, then by symbol, exchange and id. A blank prefix matches everything.
   */
  @Override
  public List<Instrument> search(String prefix, int limit) {
    ValidationException.check(limit >= 0, "search.limit", "must be >= 0", limit);
    String p = key(prefix);
    Set<Instrument> found = new LinkedHashSet<>();
    addRange(bySymbol, symbolKeys, p, found);
    addRange(byName, nameKeys, p, found);
    List<Instrument> result = new ArrayList<>(found);
    result.sort(Comparator.comparing((Instrument i) -> !key(i.tradingSymbol()).equals(p))
        .thenComparing(i -> key(i.tradingSymbol())).thenComparing(Instrument::exchange).thenComparing(Instrument::id));
    return List.copyOf(result.subList(0, Math.min(limit, result.size())));
  }

  private static void addRange(Instrument[] sorted, String[] keys, String prefix, Set<Instrument> out) {
    int from = lowerBound(keys, prefix);
    for (int k = from; k < keys.length && keys[k].startsWith(prefix); k++) {
      out.add(sorted[k]);
    }
  }

  private static int lowerBound(String[] keys, String prefix) {
    int lo = 0;
    int hi = keys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keys[mid].compareTo(prefix) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public List<Instrument> all() {
    return all;
  }

  @Override
  public String toString() {
    return "InMemoryInstrumentRepository[" + all.size() + " instruments]";
  }

  private static String key(String s) {
    return s.trim().toUpperCase(Locale.ROOT);
  }
}
