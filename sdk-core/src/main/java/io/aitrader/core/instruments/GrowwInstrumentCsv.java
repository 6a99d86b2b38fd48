package io.aitrader.core.instruments;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes Groww's instrument master CSV ({@code https://growwapi-assets.groww.in/instruments/instrument.csv}).
 *
 * <pre>{@code
 * try (Reader in = Files.newBufferedReader(path)) {
 *   List<Instrument> all = GrowwInstrumentCsv.read(in, path.toString());
 * }
 * }</pre>
 *
 * <p>Format: one header row, then one instrument per row. Columns are found <em>by header name</em>
 * (case-insensitive), so their order may change and extra columns are ignored. Required columns:
 * {@code exchange, exchange_token, trading_symbol, instrument_type, segment, lot_size, tick_size}; the others of
 * {@link #COLUMNS} are optional. Cells: {@code 0}/{@code 1} booleans ({@code true}/{@code false} accepted),
 * {@code YYYY-MM-DD} expiry, decimal rupees for strike and tick size, integers for lot size and freeze quantity
 * ({@code 35.0} accepted); empty cells for fields a type does not have. Leniencies: an empty {@code lot_size}
 * means 1, an empty {@code freeze_quantity} means no limit, an empty or zero {@code tick_size} on an index means
 * ₹0.05, and a strike ≤ 0 on a non-option means none. Fields follow RFC 4180 quoting.
 *
 * <p>Errors: a missing required column always fails. A bad row fails {@link #read} with a
 * {@link ValidationException} naming the source, line, column and value; {@link #readSkippingBadRows} instead skips
 * such rows and counts them (useful for Groww's live master, which may gain segments this SDK does not model).
 *
 * <p>The writer emits the documented column order; fields an {@link Instrument} does not carry are written as
 * {@code series} = {@code EQ} for cash equity (else empty), empty {@code underlying_exchange_token},
 * {@code is_reserved} = 0 and {@code buy_allowed} = {@code sell_allowed} = 1.
 *
 * <p>Stateless and thread-safe.
 */
public final class GrowwInstrumentCsv {

  /** The documented columns, in the order the writer emits them. */
  public static final List<String> COLUMNS = List.of(
      "exchange", "exchange_token", "trading_symbol", "groww_symbol", "name", "instrument_type", "segment",
      "series", "isin", "underlying_symbol", "underlying_exchange_token", "expiry_date", "strike_price",
      "lot_size", "tick_size", "freeze_quantity", "is_reserved", "buy_allowed", "sell_allowed");

  /** Columns without which no instrument can be built. */
  public static final List<String> REQUIRED_COLUMNS = List.of(
      "exchange", "exchange_token", "trading_symbol", "instrument_type", "segment", "lot_size", "tick_size");

  private static final int MAX_PROBLEMS = 20;
  private static final Price INDEX_TICK = Price.of("0.05");

  private GrowwInstrumentCsv() {}

  /**
   * The outcome of a lenient read.
   *
   * @param instruments the instruments of the good rows, in file order
   * @param skippedRows how many rows were skipped as bad
   * @param problems    the messages of the first skipped rows (at most 20)
   */
  public record Result(List<Instrument> instruments, int skippedRows, List<String> problems) {
    public Result {
      instruments = List.copyOf(instruments);
      problems = List.copyOf(problems);
    }
  }

  /** Reads every row; the first bad row fails. {@code source} names the input in messages (a path, a URL). */
  public static List<Instrument> read(Reader in, String source) {
    return parse(in, source, false).instruments();
  }

  /** Reads every good row, skipping and counting bad ones; a missing required column still fails. */
  public static Result readSkippingBadRows(Reader in, String source) {
    return parse(in, source, true);
  }

  private static Result parse(Reader in, String source, boolean skipBad) {
    CsvRecordReader csv = new CsvRecordReader(in, source);
    List<String> header = new ArrayList<>();
    if (!csv.next(header)) {
      throw new ValidationException("GrowwInstrumentCsv.header", source + " is empty: expected a header row with "
          + String.join(",", REQUIRED_COLUMNS));
    }
    Columns cols = new Columns(header, source);
    List<Instrument> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int skipped = 0;
    List<String> row = new ArrayList<>(header.size());
    while (csv.next(row)) {
      try {
        out.add(parseRow(row, cols, source, csv.recordLine()));
      } catch (ValidationException e) {
        if (!skipBad) {
          throw e;
        }
        skipped++;
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(e.getMessage());
        }
      }
    }
    return new Result(out, skipped, problems);
  }

  private static Instrument parseRow(List<String> row, Columns c, String source, int line) {
    Cells cells = new Cells(row, c, source, line);
    Instrument.Builder b = Instrument.builder();
    InstrumentType type = cells.parse("instrument_type", InstrumentType::parse, "must be one of EQ, IDX, FUT, CE, PE");
    b.exchange(cells.parse("exchange", Exchange::parse, "must be one of NSE, BSE, MCX"))
        .segment(cells.parse("segment", Segment::parse, "must be one of CASH, FNO, COMMODITY"))
        .type(type)
        .tradingSymbol(cells.required("trading_symbol"))
        .exchangeToken(cells.required("exchange_token"))
        .growwSymbol(cells.get("groww_symbol"))
        .name(cells.get("name"))
        .isin(cells.get("isin"))
        .underlying(cells.get("underlying_symbol"));
    String expiry = cells.get("expiry_date");
    if (!expiry.isEmpty()) {
      b.expiry(cells.parse("expiry_date", LocalDate::parse, "must be a date YYYY-MM-DD"));
    }
    String strike = cells.get("strike_price");
    if (!strike.isEmpty()) {
      Price p = cells.parse("strike_price", Price::of, "must be a decimal number of rupees");
      if (type.isOption() || p.isPositive()) {
        b.strike(p);
      }
    }
    b.lotSize(cells.get("lot_size").isEmpty() ? 1 : cells.integer("lot_size"));
    String tick = cells.get("tick_size");
    Price tickSize = tick.isEmpty() ? Price.ZERO : cells.parse("tick_size", Price::of, "must be a decimal number of rupees");
    if (!tickSize.isPositive() && type == InstrumentType.IDX) {
      tickSize = INDEX_TICK;
    }
    b.tickSize(cells.checked("tick_size", tickSize, tickSize.isPositive(), "must be > 0"));
    if (!cells.get("freeze_quantity").isEmpty()) {
      b.freezeQuantity(cells.integer("freeze_quantity"));
    }
    cells.bool("is_reserved");
    cells.bool("buy_allowed");
    cells.bool("sell_allowed");
    try {
      return b.build();
    } catch (ValidationException e) {
      String column = columnOf(e.field());
      throw new ValidationException("GrowwInstrumentCsv." + column, source + " line " + line + ", column " + column
          + ": " + e.getMessage());
    }
  }

  private static String columnOf(String field) {
    switch (field) {
      case "Instrument.expiry": return "expiry_date";
      case "Instrument.strike": return "strike_price";
      case "Instrument.lotSize": return "lot_size";
      case "Instrument.tickSize": return "tick_size";
      case "Instrument.freezeQuantity": return "freeze_quantity";
      case "Instrument.underlying": return "underlying_symbol";
      case "Instrument.tradingSymbol": return "trading_symbol";
      case "Instrument.exchangeToken": return "exchange_token";
      default: return field;
    }
  }

  /** The header positions of the known columns. */
  private static final class Columns {
    private final Map<String, Integer> index = new HashMap<>();

    Columns(List<String> header, String source) {
      for (int i = 0; i < header.size(); i++) {
        index.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      List<String> missing = new ArrayList<>();
      for (String r : REQUIRED_COLUMNS) {
        if (!index.containsKey(r)) {
          missing.add(r);
        }
      }
      if (!missing.isEmpty()) {
        throw new ValidationException("GrowwInstrumentCsv.header", source + " line 1: missing required column"
            + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "; header was " + String.join(",", header));
      }
    }

    int of(String column) {
      Integer i = index.get(column);
      return i == null ? -1 : i;
    }
  }

  /** One row's cells, with parsers that fail naming source, line, column and value. */
  private static final class Cells {
    private final List<String> row;
    private final Columns cols;
    private final String source;
    private final int line;

    Cells(List<String> row, Columns cols, String source, int line) {
      this.row = row;
      this.cols = cols;
      this.source = source;
      this.line = line;
    }

    String get(String column) {
      int i = cols.of(column);
      return i < 0 || i >= row.size() ? "" : row.get(i).trim();
    }

    String required(String column) {
      String v = get(column);
      if (v.isEmpty()) {
        throw error(column, "must not be empty", v);
      }
      return v;
    }

    <T> T parse(String column, java.util.function.Function<String, T> parser, String rule) {
      String v = required(column);
      try {
        return parser.apply(v);
      } catch (ValidationException | DateTimeParseException | NumberFormatException e) {
        throw error(column, rule, v);
      }
    }

    int integer(String column) {
      String v = required(column);
      try {
        return new BigDecimal(v).intValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        throw error(column, "must be a whole number", v);
      }
    }

    void bool(String column) {
      String v = get(column);
      if (!v.isEmpty() && !v.equals("0") && !v.equals("1") && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
        throw error(column, "must be 0 or 1", v);
      }
    }

    <T> T checked(String column, T value, boolean ok, String rule) {
      if (!ok) {
        throw error(column, rule, get(column));
      }
      return value;
    }

    ValidationException error(String column, String rule, String value) {
      return new ValidationException("GrowwInstrumentCsv." + column,
          source + " line " + line + ", column " + column + ": " + rule + ", was '" + value + "'");
    }
  }

  /** Writes {@code instruments} with a header row, in the order of {@link #COLUMNS}. */
  public static void write(Collection<Instrument> instruments, Writer out) {
    try {
      out.write(String.join(",", COLUMNS));
      out.write('\n');
      for (Instrument i : instruments) {
        writeRow(i, out);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CSV text of {@code instruments}, header included. */
  public static String toCsv(Collection<Instrument> instruments) {
    StringWriter w = new StringWriter();
    write(instruments, w);
    return w.toString();
  }

  private static void writeRow(Instrument i, Writer out) throws IOException {
    String[] cells = {
        i.exchange().name(),
        i.exchangeToken(),
        i.tradingSymbol(),
        i.growwSymbol(),
        i.name(),
        i.type().name(),
        i.segment().name(),
        i.type() == InstrumentType.EQ && i.segment() == Segment.CASH ? "EQ" : "",
        i.isin().orElse(""),
        i.underlying().orElse(""),
        "",
        i.expiry().map(LocalDate::toString).orElse(""),
        i.strike().map(p -> p.toBigDecimal().stripTrailingZeros().toPlainString()).orElse(""),
        Integer.toString(i.lotSize()),
        i.tickSize().toString(),
        i.freezeQuantity().isPresent() ? Integer.toString(i.freezeQuantity().getAsInt()) : "",
        "0",
        "1",
        "1"};
    for (int k = 0; k < cells.length; k++) {
      if (k > 0) {
        out.write(',');
      }
      out.write(quote(cells[k]));
    }
    out.write('\n');
  }

  /** {@code s}, in double quotes (inner quotes doubled) when it holds a comma, quote or line break. */
  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
