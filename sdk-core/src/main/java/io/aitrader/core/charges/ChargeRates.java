package io.aitrader.core.charges;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.instrument.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The dated statutory and exchange rates (STT, exchange transaction charges, SEBI fee, stamp duty, IPFT, GST, DP
 * charges) that {@link IndianChargesModel} applies, read from a rates file with one row per component, exchange,
 * trade kind and effective date. The bundled file covers NSE and BSE from 2023-01-01 on; see
 * {@code docs/charges.md} for its format, every rate and its source.
 *
 * <pre>{@code
 * ChargeRates rates = ChargeRates.bundled();                       // the SDK's file
 * ChargeRates mine = ChargeRates.from(Path.of("my-charges.csv"));  // your own, same format
 * }</pre>
 *
 * <p>Immutable and thread-safe. Building fails with a {@link ConfigurationException} listing every bad line.
 */
public final class ChargeRates {
  /** Classpath resource of the bundled rates file. */
  static final String BUNDLED_RESOURCE = "india-charges.csv";

  private static final int EXCHANGES = Exchange.values().length;
  private static final int KINDS = TradeKind.values().length;
  private static final RateRow[] NONE = new RateRow[0];

  private final String source;
  private final List<RateRow> rows;
  /** [component][exchange × KINDS + kind] → the rows that apply, oldest first. */
  private final RateRow[][][] timelines;

  private ChargeRates(String source, List<RateRow> rows) {
    this.source = source;
    this.rows = List.copyOf(rows);
    ChargeComponent[] components = ChargeComponent.values();
    this.timelines = new RateRow[components.length][EXCHANGES * KINDS][];
    List<String> problems = new ArrayList<>();
    for (ChargeComponent c : components) {
      for (Exchange e : Exchange.values()) {
        for (TradeKind k : TradeKind.values()) {
          timelines[c.ordinal()][e.ordinal() * KINDS + k.ordinal()] = resolve(c, e, k, problems);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  /** The rates bundled with the SDK ({@code india-charges.csv}), parsed once on first use. */
  public static ChargeRates bundled() {
    return Bundled.RATES;
  }

  /** Rates read from a file in the rates-file format (UTF-8). */
  public static ChargeRates from(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (IOException e) {
      throw new ConfigurationException("cannot read rates file " + file + ": " + e, e);
    }
  }

  /** Rates read from {@code reader} (not closed); {@code source} names it in error messages. */
  public static ChargeRates parse(Reader reader, String source) {
    return new ChargeRates(source, ChargeRatesParser.parse(reader, source));
  }

  /** Where these rates were read from, for messages. */
  public String source() {
    return source;
  }

  /**
   * The content version of these rates: {@code sha256:} and the first 12 hex digits of a SHA-256 over every row's
   * component, exchange, kind, start date, rate, unit and side, in file order. It changes exactly when a rate does
   * (not with comments, sources or line numbers); a backtest records it so its charges can be traced.
   */
  public String version() {
    StringBuilder text = new StringBuilder(rows.size() * 48);
    for (RateRow r : rows) {
      text.append(r.component).append(',').append(r.exchange).append(',').append(r.kind).append(',').append(r.from)
          .append(',').append(r.rate.toPlainString()).append(',').append(r.unit).append(',').append(r.side).append('\n');
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + java.util.HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Every row, in file order. */
  List<RateRow> rows() {
    return rows;
  }

  /** The row in force for a component, exchange and kind on an IST epoch day, or null if there is none. */
  @Nullable RateRow find(ChargeComponent c, Exchange e, TradeKind k, long epochDay) {
    RateRow[] timeline = timelines[c.ordinal()][e.ordinal() * KINDS + k.ordinal()];
    for (int i = timeline.length - 1; i >= 0; i--) {
      if (timeline[i].fromEpochDay <= epochDay) {
        return timeline[i];
      }
    }
    return null;
  }

  /** The rows that apply to a component, exchange and kind, oldest first (empty when none do). */
  List<RateRow> timeline(ChargeComponent c, Exchange e, TradeKind k) {
    return List.of(timelines[c.ordinal()][e.ordinal() * KINDS + k.ordinal()]);
  }

  private RateRow[] resolve(ChargeComponent c, Exchange e, TradeKind k, List<String> problems) {
    List<RateRow> matching = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (RateRow r : rows) {
      if (r.component == c && (r.exchange == null || r.exchange == e) && (r.kind == null || r.kind == k)) {
        matching.add(r);
        keys.add(r.key());
      }
    }
    if (keys.size() > 1) {
      problems.add(source + ": " + c + " for " + e + "," + k.fileName() + " is given by more than one key "
          + keys + "; give each combination one key (exact values or *), not both");
      return NONE;
    }
    matching.sort(Comparator.comparingLong(r -> r.fromEpochDay));
    return matching.toArray(NONE);
  }

  @Override
  public String toString() {
    return "ChargeRates[" + source + ", " + rows.size() + " rows]";
  }

  private static final class Bundled {
    static final ChargeRates RATES = load();

    private static ChargeRates load() {
      InputStream in = ChargeRates.class.getResourceAsStream(BUNDLED_RESOURCE);
      if (in == null) {
        throw new IllegalStateException("Bundled rates file " + BUNDLED_RESOURCE + " is missing from the sdk-core jar");
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return parse(r, "bundled " + BUNDLED_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read bundled rates file " + BUNDLED_RESOURCE, e);
      }
    }
  }
}
