package io.aitrader.core.charges;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.money.Price;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a rates file (format in {@code india-charges.csv} and {@code docs/charges.md}). Every bad line is
 * reported at once, each with the source, line number and text. Stateless.
 */
final class ChargeRatesParser {
  static final String HEADER = "component,exchange,kind,effective_from,rate,unit,side,waive_below,source";
  private static final int COLUMNS = 9;
  private static final BigDecimal PCT_TO_SCALED = BigDecimal.valueOf(RateMath.RATE_SCALE / 100);
  private static final BigDecimal PER_CRORE_TO_SCALED = BigDecimal.valueOf(RateMath.RATE_SCALE / 10_000_000L);

  private ChargeRatesParser() {}

  /** Parses {@code reader} to its end, without closing it; {@code source} names it in error messages. */
  static List<RateRow> parse(Reader reader, String source) {
    List<RateRow> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    int lineNo = 0;
    try {
      for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
        lineNo++;
        String line = (lineNo == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        RateRow row = parseLine(line, source, lineNo, problems);
        if (row == null) {
          continue;
        }
        String identity = row.component + "," + row.key() + "," + row.from;
        Integer previous = firstLine.putIfAbsent(identity, lineNo);
        if (previous != null) {
          problems.add(where(source, lineNo) + "duplicate rate: " + identity + " is already given on line "
              + previous + ", in '" + line + "'");
          continue;
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new ConfigurationException("cannot read rates file " + source + " after line " + lineNo + ": " + e, e);
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return rows;
  }

  private static @Nullable RateRow parseLine(String line, String source, int lineNo, List<String> problems) {
    String at = where(source, lineNo);
    String[] c = line.split(",", COLUMNS);
    if (c.length != COLUMNS) {
      problems.add(at + "expected " + COLUMNS + " columns '" + HEADER + "', was '" + line + "'");
      return null;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] = c[i].strip();
    }
    int before = problems.size();
    @Nullable ChargeComponent component = parseEnum(ChargeComponent.class, c[0], "component", line, at, problems);
    @Nullable Exchange exchange = c[1].equals("*") ? null : parseEnum(Exchange.class, c[1], "exchange", line, at, problems);
    @Nullable TradeKind kind = null;
    if (!c[2].equals("*")) {
      try {
        kind = TradeKind.parseFileName(c[2]);
      } catch (IllegalArgumentException e) {
        problems.add(at + "bad kind '" + c[2] + "' (expected DELIVERY, INTRADAY, FUTURES, OPTIONS or *) in '"
            + line + "'");
      }
    }
    @Nullable LocalDate from = null;
    try {
      from = LocalDate.parse(c[3]);
    } catch (DateTimeParseException e) {
      problems.add(at + "bad effective_from '" + c[3] + "' (expected yyyy-MM-dd) in '" + line + "'");
    }
    @Nullable BigDecimal rate = parseDecimal(c[4], "rate", line, at, problems);
    @Nullable RateUnit unit = parseEnum(RateUnit.class, c[5], "unit", line, at, problems);
    @Nullable SideRule side = parseEnum(SideRule.class, c[6], "side", line, at, problems);
    @Nullable BigDecimal waiveBelow = c[7].equals("-") ? BigDecimal.ZERO : parseDecimal(c[7], "waive_below", line, at, problems);
    if (c[8].isEmpty()) {
      problems.add(at + "missing source (say where the rate comes from) in '" + line + "'");
    }
    if (problems.size() != before || component == null || from == null || rate == null || unit == null
        || side == null || waiveBelow == null) {
      return null;
    }
    if (component.isDp() != (unit == RateUnit.RUPEES)) {
      problems.add(at + (component.isDp() ? component + " must be in RUPEES" : "unit RUPEES is only for DP components")
          + ", in '" + line + "'");
      return null;
    }
    if (component == ChargeComponent.GST && unit != RateUnit.PCT) {
      problems.add(at + "GST must be in PCT, in '" + line + "'");
      return null;
    }
    if (waiveBelow.signum() != 0 && unit != RateUnit.RUPEES) {
      problems.add(at + "waive_below applies only to RUPEES items; use - here, in '" + line + "'");
      return null;
    }
    @Nullable Long scaled = scale(rate, unit);
    if (scaled == null) {
      problems.add(at + "rate " + rate.toPlainString() + " " + unit + " is too precise (at most "
          + (unit == RateUnit.RUPEES ? "4 decimals of a rupee" : "a multiple of 10^-10 of the value") + "), in '"
          + line + "'");
      return null;
    }
    long waiveUnits;
    try {
      waiveUnits = Price.of(waiveBelow).units();
    } catch (RuntimeException e) {
      problems.add(at + "bad waive_below '" + c[7] + "': " + e.getMessage() + ", in '" + line + "'");
      return null;
    }
    return new RateRow(component, exchange, kind, from, rate, unit, side, scaled, waiveUnits, c[8], lineNo);
  }

  private static @Nullable Long scale(BigDecimal rate, RateUnit unit) {
    BigDecimal s = switch (unit) {
      case PCT -> rate.multiply(PCT_TO_SCALED);
      case PER_CRORE -> rate.multiply(PER_CRORE_TO_SCALED);
      case RUPEES -> rate.movePointRight(4);
    };
    try {
      return s.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static @Nullable BigDecimal parseDecimal(String text, String column, String line, String at,
      List<String> problems) {
    try {
      BigDecimal d = new BigDecimal(text);
      if (d.signum() < 0) {
        problems.add(at + column + " must be >= 0, was " + text + " in '" + line + "'");
        return null;
      }
      return d;
    } catch (NumberFormatException e) {
      problems.add(at + "bad " + column + " '" + text + "' (expected a decimal number) in '" + line + "'");
      return null;
    }
  }

  private static <E extends Enum<E>> @Nullable E parseEnum(Class<E> type, String text, String column, String line,
      String at, List<String> problems) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    StringBuilder valid = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      valid.append(valid.length() == 0 ? "" : ", ").append(e.name());
    }
    problems.add(at + "bad " + column + " '" + text + "' (expected one of " + valid
        + (column.equals("exchange") ? ", *" : "") + ") in '" + line + "'");
    return null;
  }

  private static String where(String source, int lineNo) {
    return source + " line " + lineNo + ": ";
  }
}
