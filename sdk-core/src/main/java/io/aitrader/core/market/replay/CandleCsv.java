package io.aitrader.core.market.replay;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.BarView;
import io.aitrader.api.money.Price;
import io.aitrader.api.time.Ist;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes bars (candles) as CSV, in the shape of Groww's historical candles:
 * {@code timestamp,open,high,low,close,volume}.
 *
 * <pre>{@code
 * List<Bar> bars = CandleCsv.read(Path.of("reliance-5m.csv"), reliance, BarInterval.M5);
 * }</pre>
 *
 * <p>Reading: an optional header row (recognized by a first cell {@code timestamp}; then columns are found by
 * name and extra ones such as {@code open_interest} are ignored; without a header the first six columns are taken
 * in the order above). The {@code timestamp} is a bar's open time in one of the forms Groww uses:
 * {@code yyyy-MM-dd HH:mm:ss} or ISO {@code yyyy-MM-ddTHH:mm:ss} in IST, ISO with an offset
 * ({@code 2025-09-24T10:30:00+05:30}), a date {@code yyyy-MM-dd} (midnight IST), or epoch seconds (a number of 12
 * digits or more is taken as epoch milliseconds). Prices are rupees; an empty or {@code null} volume is 0. Each
 * bar's close time is its open time plus the nominal interval length; its turnover, which candles do not carry, is
 * estimated as volume × typical price (high + low + close) / 3; the trade count is 0 and the bar is complete.
 * Errors name the source, line, column and value.
 *
 * <p>Writing: a header, then one row per bar, timestamp as {@code yyyy-MM-dd HH:mm:ss} IST. Stateless and
 * thread-safe.
 */
public final class CandleCsv {
  /** The header the writer emits. */
  public static final String HEADER = "timestamp,open,high,low,close,volume";

  private static final List<String> COLUMNS = List.of("timestamp", "open", "high", "low", "close", "volume");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private CandleCsv() {}

  /** Reads bars of {@code instrument} at {@code interval}; {@code source} names the input in messages. */
  public static List<Bar> read(Reader in, String source, Instrument instrument, BarInterval interval) {
    BufferedReader lines = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
    List<Bar> bars = new ArrayList<>();
    int[] index = {0, 1, 2, 3, 4, 5};
    try {
      String line;
      int lineNumber = 0;
      boolean first = true;
      while ((line = lines.readLine()) != null) {
        lineNumber++;
        if (first && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (first) {
          first = false;
          if (cells[0].trim().equalsIgnoreCase("timestamp")) {
            index = headerIndex(cells, source);
            continue;
          }
        }
        bars.add(parseRow(cells, index, source, lineNumber, instrument, interval));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read candles from " + source, e);
    }
    return bars;
  }

  /** Reads a candle CSV file, UTF-8. */
  public static List<Bar> read(Path file, Instrument instrument, BarInterval interval) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString(), instrument, interval);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read candles from " + file, e);
    }
  }

  private static int[] headerIndex(String[] header, String source) {
    int[] index = new int[COLUMNS.size()];
    for (int c = 0; c < COLUMNS.size(); c++) {
      index[c] = -1;
      for (int h = 0; h < header.length; h++) {
        if (header[h].trim().equalsIgnoreCase(COLUMNS.get(c))) {
          index[c] = h;
          break;
        }
      }
      if (index[c] < 0) {
        throw new ValidationException("CandleCsv.header", source + " line 1: missing column " + COLUMNS.get(c)
            + "; expected " + HEADER + ", was " + String.join(",", header));
      }
    }
    return index;
  }

  private static Bar parseRow(String[] cells, int[] index, String source, int line, Instrument instrument,
      BarInterval interval) {
    String where = source + " line " + line;
    for (int c = 0; c < COLUMNS.size(); c++) {
      if (index[c] >= cells.length) {
        throw new ValidationException("CandleCsv.row", where + ": expected at least " + (index[c] + 1)
            + " columns (" + HEADER + "), found " + cells.length);
      }
    }
    long open = timestamp(cells[index[0]].trim(), where);
    long o = price(cells, index[1], "open", where);
    long h = price(cells, index[2], "high", where);
    long l = price(cells, index[3], "low", where);
    long c = price(cells, index[4], "close", where);
    long v = volume(cells[index[5]].trim(), where);
    try {
      long typical = (h + l + c) / 3;
      long turnover = Math.multiplyExact(typical, v);
      return new Bar(instrument, interval, open, open + interval.millis(), o, h, l, c, v, turnover, 0, true);
    } catch (ValidationException e) {
      throw new ValidationException(e.field(), where + ": " + e.getMessage());
    } catch (ArithmeticException e) {
      throw new ValidationException("CandleCsv.volume", where + ", column volume: volume × price overflows, was " + v);
    }
  }

  /** Epoch milliseconds of a candle timestamp in any of the accepted forms. */
  static long timestamp(String s, String where) {
    try {
      if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
        long n = Long.parseLong(s);
        return n >= MILLIS_THRESHOLD ? n : Math.multiplyExact(n, 1000L);
      }
      if (s.length() == 10) {
        return Ist.toEpochMillis(LocalDate.parse(s), LocalTime.MIDNIGHT);
      }
      String iso = s.replace(' ', 'T');
      if (iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
      }
      return LocalDateTime.parse(iso).atZone(Ist.ZONE).toInstant().toEpochMilli();
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      throw new ValidationException("CandleCsv.timestamp", where + ", column timestamp: must be yyyy-MM-dd HH:mm:ss, "
          + "ISO yyyy-MM-ddTHH:mm:ss (IST unless an offset is given) or epoch seconds, was '" + s + "'");
    }
  }

  private static long price(String[] cells, int i, String column, String where) {
    String s = cells[i].trim();
    try {
      return Price.of(s).units();
    } catch (ValidationException e) {
      throw new ValidationException("CandleCsv." + column, where + ", column " + column
          + ": must be a decimal number of rupees, was '" + s + "'");
    }
  }

  private static long volume(String s, String where) {
    if (s.isEmpty() || s.equalsIgnoreCase("null")) {
      return 0;
    }
    long v;
    try {
      v = new BigDecimal(s).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      v = -1;
    }
    if (v < 0) {
      throw new ValidationException("CandleCsv.volume", where + ", column volume: must be a whole number >= 0, was '"
          + s + "'");
    }
    return v;
  }

  /** Writes {@code bars} with a header; timestamps are open times as {@code yyyy-MM-dd HH:mm:ss} IST. */
  public static void write(Iterable<? extends BarView> bars, Writer out) {
    try {
      out.write(HEADER);
      out.write('\n');
      for (BarView b : bars) {
        out.write(LOCAL.format(Ist.at(b.openTimeMillis())));
        out.write(',');
        out.write(Price.format(b.open()));
        out.write(',');
        out.write(Price.format(b.high()));
        out.write(',');
        out.write(Price.format(b.low()));
        out.write(',');
        out.write(Price.format(b.close()));
        out.write(',');
        out.write(Long.toString(b.volume()));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
