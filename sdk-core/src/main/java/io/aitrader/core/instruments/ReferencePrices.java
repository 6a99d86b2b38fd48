package io.aitrader.core.instruments;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Price;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Approximate prices by trading symbol, used as starting prices by the synthetic market and in demos — never as
 * market data.
 *
 * <pre>{@code
 * ReferencePrices.bundledNse().find(reliance);   // Optional[1400.00]
 * }</pre>
 *
 * <p>CSV format: a header {@code symbol,price}, then one row per trading symbol with a positive price in rupees.
 * Symbols are matched ignoring case and exchange (a stock's NSE and BSE listings share a price). Immutable and
 * thread-safe.
 */
public final class ReferencePrices {
  private static final String BUNDLED_NSE = "reference-prices.csv";
  private static final ReferencePrices EMPTY = new ReferencePrices(Map.of());

  private final Map<String, Price> bySymbol;

  private ReferencePrices(Map<String, Price> bySymbol) {
    this.bySymbol = bySymbol;
  }

  /** No prices. */
  public static ReferencePrices empty() {
    return EMPTY;
  }

  /** These prices by trading symbol; each must be > 0. */
  public static ReferencePrices of(Map<String, Price> bySymbol) {
    Map<String, Price> m = new LinkedHashMap<>();
    bySymbol.forEach((s, p) -> {
      ValidationException.check(p.isPositive(), "ReferencePrices.price", "must be > 0 for " + s, p);
      m.put(s.trim().toUpperCase(Locale.ROOT), p);
    });
    return new ReferencePrices(Map.copyOf(m));
  }

  /** Reads the {@code symbol,price} CSV; {@code source} names the input in error messages. */
  public static ReferencePrices read(Reader in, String source) {
    CsvRecordReader csv = new CsvRecordReader(in, source);
    List<String> row = new ArrayList<>(2);
    if (!csv.next(row) || row.size() < 2 || !row.get(0).trim().equalsIgnoreCase("symbol")
        || !row.get(1).trim().equalsIgnoreCase("price")) {
      throw new ValidationException("ReferencePrices.header", source + " line 1: expected the header symbol,price, was "
          + String.join(",", row));
    }
    Map<String, Price> m = new LinkedHashMap<>();
    while (csv.next(row)) {
      String where = source + " line " + csv.recordLine();
      ValidationException.check(row.size() >= 2 && !row.get(0).isBlank(), "ReferencePrices.row",
          "must be symbol,price (" + where + ")", String.join(",", row));
      final Price p;
      try {
        p = Price.of(row.get(1));
      } catch (ValidationException e) {
        throw new ValidationException("ReferencePrices.price", where + ", column price: must be a decimal number of rupees, was '"
            + row.get(1) + "'");
      }
      ValidationException.check(p.isPositive(), "ReferencePrices.price", "must be > 0 (" + where + ")", p);
      m.put(row.get(0).trim().toUpperCase(Locale.ROOT), p);
    }
    return new ReferencePrices(Map.copyOf(m));
  }

  /** The bundled approximate prices of the bundled NSE master's instruments (see its README). */
  public static ReferencePrices bundledNse() {
    return BundledHolder.NSE;
  }

  private static final class BundledHolder {
    static final ReferencePrices NSE = load();

    private static ReferencePrices load() {
      try (InputStream in = ReferencePrices.class.getResourceAsStream(BUNDLED_NSE)) {
        if (in == null) {
          throw new IllegalStateException("bundled resource " + BUNDLED_NSE + " is missing from the sdk-core jar");
        }
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), "bundled " + BUNDLED_NSE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled " + BUNDLED_NSE, e);
      }
    }
  }

  /** The price of this trading symbol. */
  public Optional<Price> find(String tradingSymbol) {
    return Optional.ofNullable(bySymbol.get(tradingSymbol.trim().toUpperCase(Locale.ROOT)));
  }

  /** The price of this instrument's trading symbol. */
  public Optional<Price> find(Instrument instrument) {
    return find(instrument.tradingSymbol());
  }

  /** Every price, keyed by upper-case trading symbol. */
  public Map<String, Price> asMap() {
    return bySymbol;
  }

  public int size() {
    return bySymbol.size();
  }
}
