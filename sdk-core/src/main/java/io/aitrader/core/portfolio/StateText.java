package io.aitrader.core.portfolio;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Product;
import io.aitrader.api.portfolio.Position;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The versioned text form of a {@link Ledger}: a header line, then one {@code key=value} line per item, then
 * {@code end}. Amounts are exact {@code long}s of ₹0.0001; ids that may hold any character are URL-encoded;
 * {@code #} lines are comments.
 *
 * <pre>
 * aitrader-portfolio-state v1
 * # amounts in units of ₹0.0001, times in epoch milliseconds
 * timestamp=1736135100000
 * cash=9746595000
 * realized=0
 * charges=0
 * day=2025-01-06
 * dayStartMillis=1736134200000
 * dayStartEquity=10000000000
 * rejectedMarks=0
 * duplicateFills=0
 * equity=10000000000
 * position=CNC|10|253405000|0|NSE:RELIANCE
 * mark=25400000|NSE:RELIANCE
 * intraday=MIS|5|...|...|NSE:TCS
 * margin=5000000|order-1
 * trade=T-1
 * curve=1736135100000|10000000000|9746595000|0|0|0
 * end
 * </pre>
 */
final class StateText {
  static final String HEADER_PREFIX = "aitrader-portfolio-state ";
  static final String VERSION = "v1";
  private static final String[] SCALARS = {"timestamp", "cash", "realized", "charges", "day", "dayStartMillis",
      "dayStartEquity", "rejectedMarks", "duplicateFills", "equity"};

  private StateText() {}

  static String write(Ledger l) {
    StringBuilder s = new StringBuilder(256 + 64 * (l.positions.size() + l.tradeIds.size() + l.curve.size()));
    s.append(HEADER_PREFIX).append(VERSION).append('\n');
    s.append("# amounts in units of ₹0.0001, times in epoch milliseconds\n");
    line(s, "timestamp", l.timestampMillis);
    line(s, "cash", l.cashUnits);
    line(s, "realized", l.realizedUnits);
    line(s, "charges", l.chargesUnits);
    LocalDate day = l.day;
    s.append("day=").append(day == null ? "none" : day.toString()).append('\n');
    line(s, "dayStartMillis", l.dayStartMillis);
    line(s, "dayStartEquity", l.dayStartEquityUnits);
    line(s, "rejectedMarks", l.rejectedMarks);
    line(s, "duplicateFills", l.duplicateFills);
    line(s, "equity", l.equityUnits());
    for (PositionState p : l.positions) {
      position(s, "position", p.product, p.quantity, p.costUnits, p.realizedUnits, p.instrument);
    }
    for (PositionState p : l.positions) {
      InstrumentBook book = l.books.get(p.instrument);
      if (book.markUnits > 0 && book.byProduct[p.product.ordinal()] == p && firstOf(book) == p) {
        s.append("mark=").append(book.markUnits).append('|').append(p.instrument.id()).append('\n');
      }
    }
    for (Position p : l.openIntraday) {
      position(s, "intraday", p.product(), p.netQuantity(), p.costBasis().units(), p.realizedPnl().units(),
          p.instrument());
    }
    for (Map.Entry<String, Long> m : l.blocked.entrySet()) {
      s.append("margin=").append(m.getValue().longValue()).append('|').append(encode(m.getKey())).append('\n');
    }
    for (String id : l.tradeIds) {
      s.append("trade=").append(encode(id)).append('\n');
    }
    EquityCurve c = l.curve.view();
    for (int i = 0; i < c.size(); i++) {
      s.append("curve=").append(c.timeMillis(i)).append('|').append(c.equityUnits(i)).append('|')
          .append(c.cashUnits(i)).append('|').append(c.realizedPnlUnits(i)).append('|')
          .append(c.unrealizedPnlUnits(i)).append('|').append(c.chargesPaidUnits(i)).append('\n');
    }
    s.append("end\n");
    return s.toString();
  }

  static Ledger read(String text, Function<String, Optional<Instrument>> instrumentsById, int curveCapacity) {
    if (text.isBlank()) {
      throw new ValidationException("portfolioState", "portfolio state must not be blank, was '" + text + "'");
    }
    String[] lines = text.split("\r?\n", -1);
    String header = lines[0].strip();
    if (!header.startsWith(HEADER_PREFIX)) {
      throw fail(1, lines[0], "must be the header '" + HEADER_PREFIX + VERSION + "'");
    }
    if (!header.substring(HEADER_PREFIX.length()).equals(VERSION)) {
      throw fail(1, lines[0], "has unsupported version '" + header.substring(HEADER_PREFIX.length())
          + "'; this build reads " + VERSION);
    }
    Map<String, Long> scalars = new HashMap<>();
    LocalDate day = null;
    boolean dayPresent = false;
    Ledger l = new Ledger(0, curveCapacity);
    List<PendingMark> marks = new ArrayList<>();
    List<Position> intraday = new ArrayList<>();
    Set<String> positionKeys = new HashSet<>();
    int equityLine = 0;
    boolean ended = false;
    for (int i = 1; i < lines.length; i++) {
      int n = i + 1;
      String raw = lines[i];
      String line = raw.strip();
      if (ended) {
        if (!line.isEmpty()) {
          throw fail(n, raw, "comes after 'end'");
        }
        continue;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.equals("end")) {
        ended = true;
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw fail(n, raw, "must be 'key=value'");
      }
      String key = line.substring(0, eq);
      String value = line.substring(eq + 1);
      switch (key) {
        case "day" -> {
          if (dayPresent) {
            throw fail(n, raw, "repeats 'day'");
          }
          dayPresent = true;
          if (!value.equals("none")) {
            try {
              day = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
              throw fail(n, raw, "must hold an ISO date like 2025-01-06 or 'none'");
            }
          }
        }
        case "position", "intraday" -> {
          String[] f = fields(n, raw, value, 5);
          Product product = product(n, raw, f[0]);
          Instrument instrument = instrument(n, raw, f[4], instrumentsById);
          Position p = position(n, raw, instrument, product, number(n, raw, f[1]), number(n, raw, f[2]),
              number(n, raw, f[3]));
          if (key.equals("intraday")) {
            intraday.add(p);
          } else {
            if (!positionKeys.add(instrument.id() + "/" + product)) {
              throw fail(n, raw, "repeats the position " + instrument.id() + "/" + product);
            }
            PositionState s = l.open(instrument, product);
            s.quantity = p.netQuantity();
            s.costUnits = p.costBasis().units();
            s.realizedUnits = p.realizedPnl().units();
          }
        }
        case "mark" -> {
          String[] f = fields(n, raw, value, 2);
          long units = number(n, raw, f[0]);
          if (units <= 0) {
            throw fail(n, raw, "must hold a mark > 0");
          }
          marks.add(new PendingMark(n, units, instrument(n, raw, f[1], instrumentsById)));
        }
        case "margin" -> {
          String[] f = fields(n, raw, value, 2);
          long units = number(n, raw, f[0]);
          if (units < 0) {
            throw fail(n, raw, "must hold a margin >= 0");
          }
          String ref = decode(n, raw, f[1]);
          if (ref.isBlank() || l.blocked.put(ref, units) != null) {
            throw fail(n, raw, "must hold a new, non-blank reference id");
          }
        }
        case "trade" -> {
          String id = decode(n, raw, value);
          if (id.isBlank() || !l.tradeIds.add(id)) {
            throw fail(n, raw, "must hold a new, non-blank trade id");
          }
        }
        case "curve" -> {
          String[] f = fields(n, raw, value, 6);
          l.curve.append(number(n, raw, f[0]), number(n, raw, f[1]), number(n, raw, f[2]), number(n, raw, f[3]),
              number(n, raw, f[4]), number(n, raw, f[5]));
        }
        default -> {
          if (!isScalar(key)) {
            throw fail(n, raw, "has unknown key '" + key + "'");
          }
          if (scalars.put(key, number(n, raw, value)) != null) {
            throw fail(n, raw, "repeats '" + key + "'");
          }
          if (key.equals("equity")) {
            equityLine = n;
          }
        }
      }
    }
    if (!ended) {
      throw fail(lines.length, lines[lines.length - 1], "is not followed by 'end': the state is truncated");
    }
    for (String key : SCALARS) {
      if (!key.equals("day") && !scalars.containsKey(key)) {
        throw new ValidationException("portfolioState", "portfolio state has no '" + key + "=' line");
      }
    }
    if (!dayPresent) {
      throw new ValidationException("portfolioState", "portfolio state has no 'day=' line");
    }
    for (PendingMark m : marks) {
      InstrumentBook book = l.books.get(m.instrument());
      if (book == null) {
        throw new ValidationException("portfolioState", "portfolio state line " + m.line() + " marks "
            + m.instrument().id() + ", which has no position line");
      }
      book.markUnits = m.units();
    }
    l.timestampMillis = scalars.get("timestamp");
    l.cashUnits = scalars.get("cash");
    l.realizedUnits = scalars.get("realized");
    l.chargesUnits = scalars.get("charges");
    l.day = day;
    l.dayStartMillis = scalars.get("dayStartMillis");
    l.dayStartEquityUnits = scalars.get("dayStartEquity");
    l.rejectedMarks = scalars.get("rejectedMarks");
    l.duplicateFills = scalars.get("duplicateFills");
    l.openIntraday = List.copyOf(intraday);
    if (l.timestampMillis < 0 || l.chargesUnits < 0) {
      throw new ValidationException("portfolioState", "portfolio state timestamp and charges must be >= 0, were "
          + l.timestampMillis + " and " + l.chargesUnits);
    }
    l.recomputeTotals();
    long equity = scalars.get("equity");
    if (equity != l.equityUnits()) {
      throw new ValidationException("portfolioState", "portfolio state line " + equityLine + " says equity="
          + equity + " but cash, positions and marks give " + l.equityUnits() + ": the state is inconsistent");
    }
    return l;
  }

  /** A mark line, applied once every position is read. */
  private record PendingMark(int line, long units, Instrument instrument) {}

  private static boolean isScalar(String key) {
    for (String s : SCALARS) {
      if (s.equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** The first non-null position of a book, in product order (so each mark is written once). */
  private static PositionState firstOf(InstrumentBook book) {
    for (PositionState p : book.byProduct) {
      if (p != null) {
        return p;
      }
    }
    throw new IllegalStateException("empty book for " + book.instrument.id());
  }

  private static void line(StringBuilder s, String key, long value) {
    s.append(key).append('=').append(value).append('\n');
  }

  private static void position(StringBuilder s, String key, Product product, long qty, long cost, long realized,
      Instrument instrument) {
    s.append(key).append('=').append(product.name()).append('|').append(qty).append('|').append(cost).append('|')
        .append(realized).append('|').append(instrument.id()).append('\n');
  }

  private static String[] fields(int n, String raw, String value, int count) {
    String[] f = value.split("\\|", count);
    if (f.length != count) {
      throw fail(n, raw, "must have " + count + " '|'-separated fields");
    }
    return f;
  }

  private static long number(int n, String raw, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw fail(n, raw, "must hold a whole number, not '" + value + "'");
    }
  }

  private static Product product(int n, String raw, String value) {
    try {
      return Product.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw fail(n, raw, "names unknown product '" + value + "'");
    }
  }

  private static Instrument instrument(int n, String raw, String id,
      Function<String, Optional<Instrument>> instrumentsById) {
    return instrumentsById.apply(id.strip())
        .orElseThrow(() -> fail(n, raw, "names instrument '" + id + "', which the instrument lookup does not know"));
  }

  private static Position position(int n, String raw, Instrument instrument, Product product, long qty, long cost,
      long realized) {
    try {
      return new Position(instrument, product, qty, Money.ofUnits(cost),
          Money.ofUnits(realized));
    } catch (ValidationException e) {
      throw fail(n, raw, "is not a valid position: " + e.getMessage());
    }
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private static String decode(int n, String raw, String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw fail(n, raw, "holds a badly encoded id");
    }
  }

  private static ValidationException fail(int lineNumber, String line, String problem) {
    String shown = line.length() > 80 ? line.substring(0, 77) + "..." : line;
    return new ValidationException("portfolioState", "portfolio state line " + lineNumber + " ('" + shown + "') "
        + problem);
  }
}
