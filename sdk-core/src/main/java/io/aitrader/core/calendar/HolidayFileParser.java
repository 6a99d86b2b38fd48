package io.aitrader.core.calendar;

import io.aitrader.api.ConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads a holiday file: {@code yyyy-MM-dd,name} rows, optional {@code yyyy-MM-dd,name,HH:mm,HH:mm} special-session
 * rows, {@code # year: 2026} coverage lines, other {@code #} comments and blank lines. Every bad line is reported at
 * once, each with the source, line number and text. Stateless.
 */
final class HolidayFileParser {
  private static final String YEAR_PREFIX = "year:";
  private static final String EXPECTED = "expected 'yyyy-MM-dd,name' or 'yyyy-MM-dd,name,HH:mm,HH:mm'";

  private HolidayFileParser() {}

  /** Parses {@code reader} to its end, without closing it; {@code source} names it in error messages. */
  static HolidayList parse(Reader reader, String source) {
    Map<LocalDate, String> holidays = new TreeMap<>();
    Map<LocalDate, SpecialSession> specials = new TreeMap<>();
    Map<LocalDate, Integer> firstLine = new HashMap<>();
    TreeSet<Integer> years = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    int lineNo = 0;
    try {
      for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
        lineNo++;
        String line = lineNo == 1 ? stripBom(raw).strip() : raw.strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith("#")) {
          parseComment(line, years, problems, source, lineNo);
          continue;
        }
        parseEntry(line, holidays, specials, firstLine, years, problems, source, lineNo);
      }
    } catch (IOException e) {
      throw new ConfigurationException("cannot read holiday file " + source + " after line " + lineNo + ": " + e, e);
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return new HolidayList(source, new TreeMap<>(holidays), new TreeMap<>(specials), years);
  }

  private static void parseComment(String line, TreeSet<Integer> years, List<String> problems, String source, int lineNo) {
    String body = line.substring(1).strip();
    if (!body.toLowerCase(Locale.ROOT).startsWith(YEAR_PREFIX)) {
      return;
    }
    String value = body.substring(YEAR_PREFIX.length()).strip();
    try {
      int year = Integer.parseInt(value);
      if (year < 1900 || year > 9999) {
        problems.add(where(source, lineNo) + "year must be between 1900 and 9999, in '" + line + "'");
      } else {
        years.add(year);
      }
    } catch (NumberFormatException e) {
      problems.add(where(source, lineNo) + "bad year '" + value + "' (expected '# year: yyyy') in '" + line + "'");
    }
  }

  private static void parseEntry(
      String line,
      Map<LocalDate, String> holidays,
      Map<LocalDate, SpecialSession> specials,
      Map<LocalDate, Integer> firstLine,
      TreeSet<Integer> years,
      List<String> problems,
      String source,
      int lineNo) {
    String[] cols = line.split(",", -1);
    if (cols.length != 2 && cols.length != 4) {
      problems.add(where(source, lineNo) + EXPECTED + ", was '" + line + "'");
      return;
    }
    String at = where(source, lineNo);
    int before = problems.size();
    LocalDate date = parseDate(cols[0].strip(), line, at, problems);
    String name = cols[1].strip();
    if (name.isEmpty()) {
      problems.add(at + "missing holiday name in '" + line + "'");
    }
    @Nullable LocalTime open = null;
    @Nullable LocalTime close = null;
    if (cols.length == 4) {
      open = parseTime(cols[2].strip(), line, at, problems);
      close = parseTime(cols[3].strip(), line, at, problems);
      if (open != null && close != null && !open.isBefore(close)) {
        problems.add(at + "session open " + open + " must be before close " + close + " in '" + line + "'");
      }
    }
    if (date == null || problems.size() != before) {
      return;
    }
    Integer previous = firstLine.putIfAbsent(date, lineNo);
    if (previous != null) {
      problems.add(at + "date " + date + " is already listed on line " + previous + ", in '" + line + "'");
      return;
    }
    years.add(date.getYear());
    if (open != null && close != null) {
      specials.put(date, new SpecialSession(date, name, open, close));
    } else {
      holidays.put(date, name);
    }
  }

  private static @Nullable LocalDate parseDate(String text, String line, String at, List<String> problems) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(at + "bad date '" + text + "' (expected yyyy-MM-dd) in '" + line + "'");
      return null;
    }
  }

  private static @Nullable LocalTime parseTime(String text, String line, String at, List<String> problems) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(at + "bad time '" + text + "' (expected HH:mm) in '" + line + "'");
      return null;
    }
  }

  private static String where(String source, int lineNo) {
    return source + " line " + lineNo + ": ";
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }
}
