package io.aitrader.core.calendar;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.api.time.TradingSession;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The embedded {@link MarketCalendar} for Indian cash markets: weekends closed, dated exchange holidays closed,
 * a pre-open window and a continuous session {@code [open, close)} in IST on every other day, and optional
 * special sessions (Muhurat trading, Saturday live sessions) that replace a date's hours.
 *
 * <pre>{@code
 * MarketCalendar nse = ExchangeCalendar.nse();           // bundled NSE holiday list, 09:15-15:30 IST
 * nse.isOpen(t);
 * long next = nse.nextSessionOpen(t);                    // next 09:15 IST of a trading day, strictly after t
 *
 * ExchangeCalendar own = ExchangeCalendar.builder()
 *     .exchange(Exchange.BSE)
 *     .holidaysFrom(Path.of("conf/holidays.csv"))          // replaces the bundled list
 *     .specialSession(LocalDate.parse("2025-10-21"), "Muhurat trading", LocalTime.of(13, 45), LocalTime.of(14, 45))
 *     .build();
 * }</pre>
 *
 * <p><b>Rules.</b> A date is a trading day when it has a special session, or when it is a weekday that is not a
 * listed holiday. A special session has no pre-open window. {@link #holiday(LocalDate)} names a listed holiday
 * even when a special session trades that evening. A year is covered ({@link #coversYear(int)}) when the
 * holiday list has a {@code # year: yyyy} line or at least one entry in that year; dates in other years are
 * treated as ordinary weekdays. IST is taken as the fixed offset UTC+05:30 (in force since 1945).
 *
 * <p><b>Threading.</b> Immutable and thread-safe. The per-date lookups are sorted primitive arrays built once,
 * so {@link #isOpen(long)}, {@link #isPreOpen(long)} and {@link #nextSessionOpen(long)} allocate nothing.
 */
public final class ExchangeCalendar implements MarketCalendar {
  /** The bundled NSE list, a resource next to this class. */
  static final String BUNDLED_RESOURCE = "nse-holidays.csv";

  private static final int MAX_SCAN_DAYS = 3 * 366;

  private final Exchange exchange;
  private final HolidayList list;
  private final int preOpenStartMs;
  private final int preOpenEndMs;
  private final int openMs;
  private final int closeMs;
  private final long[] holidayDays;
  private final String[] holidayNames;
  private final long[] specialDays;
  private final int[] specialOpenMs;
  private final int[] specialCloseMs;
  private final int[] years;

  private ExchangeCalendar(Builder b, HolidayList list) {
    this.exchange = b.exchange;
    this.list = list;
    this.preOpenStartMs = msOfDay(b.preOpenStart);
    this.preOpenEndMs = msOfDay(b.preOpenEnd);
    this.openMs = msOfDay(b.open);
    this.closeMs = msOfDay(b.close);
    SortedMap<LocalDate, String> holidays = list.holidays();
    this.holidayDays = new long[holidays.size()];
    this.holidayNames = new String[holidays.size()];
    int i = 0;
    for (Map.Entry<LocalDate, String> e : holidays.entrySet()) {
      holidayDays[i] = e.getKey().toEpochDay();
      holidayNames[i++] = e.getValue();
    }
    SortedMap<LocalDate, SpecialSession> specials = list.specialSessions();
    this.specialDays = new long[specials.size()];
    this.specialOpenMs = new int[specials.size()];
    this.specialCloseMs = new int[specials.size()];
    i = 0;
    for (SpecialSession s : specials.values()) {
      specialDays[i] = s.date().toEpochDay();
      specialOpenMs[i] = msOfDay(s.open());
      specialCloseMs[i++] = msOfDay(s.close());
    }
    this.years = list.years().stream().mapToInt(Integer::intValue).toArray();
  }

  /** The NSE calendar with the bundled holiday list (2024 to 2026 at least) and the standard session hours. */
  public static ExchangeCalendar nse() {
    return BundledNse.INSTANCE;
  }

  /**
   * A builder starting from the NSE defaults: exchange NSE, pre-open 09:00-09:08, continuous 09:15-15:30 IST, the
   * bundled holiday list, no extra special sessions.
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Exchange exchange() {
    return exchange;
  }

  @Override
  public boolean isTradingDay(LocalDate date) {
    return hasSession(date.toEpochDay());
  }

  @Override
  public Optional<TradingSession> session(LocalDate date) {
    long day = date.toEpochDay();
    long midnight = Ist.midnightMillis(day);
    int s = Arrays.binarySearch(specialDays, day);
    if (s >= 0) {
      long open = midnight + specialOpenMs[s];
      return Optional.of(new TradingSession(date, open, open, open, midnight + specialCloseMs[s]));
    }
    if (!isRegularTradingDay(day)) {
      return Optional.empty();
    }
    return Optional.of(new TradingSession(
        date, midnight + preOpenStartMs, midnight + preOpenEndMs, midnight + openMs, midnight + closeMs));
  }

  @Override
  public boolean isOpen(long epochMillis) {
    long day = Ist.epochDayOf(epochMillis);
    long ms = Ist.millisOfDay(epochMillis);
    int s = Arrays.binarySearch(specialDays, day);
    if (s >= 0) {
      return ms >= specialOpenMs[s] && ms < specialCloseMs[s];
    }
    return ms >= openMs && ms < closeMs && isRegularTradingDay(day);
  }

  /** Whether {@code epochMillis} is within the pre-open order-entry window {@code [start, end)} of a trading day. */
  public boolean isPreOpen(long epochMillis) {
    long day = Ist.epochDayOf(epochMillis);
    long ms = Ist.millisOfDay(epochMillis);
    return ms >= preOpenStartMs && ms < preOpenEndMs
        && Arrays.binarySearch(specialDays, day) < 0 && isRegularTradingDay(day);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException when no session opens within three years after {@code epochMillis}, which
   *     only a holiday list closing every weekday can cause
   */
  @Override
  public long nextSessionOpen(long epochMillis) {
    long day = Ist.epochDayOf(epochMillis);
    for (int i = 0; i <= MAX_SCAN_DAYS; i++, day++) {
      int s = Arrays.binarySearch(specialDays, day);
      long open;
      if (s >= 0) {
        open = Ist.midnightMillis(day) + specialOpenMs[s];
      } else if (isRegularTradingDay(day)) {
        open = Ist.midnightMillis(day) + openMs;
      } else {
        continue;
      }
      if (open > epochMillis) {
        return open;
      }
    }
    throw new IllegalStateException(
        exchange + " calendar has no session open within " + MAX_SCAN_DAYS + " days after epoch millis "
            + epochMillis + "; check the holiday list " + list.source());
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException when no trading day follows within three years (see {@link #nextSessionOpen})
   */
  @Override
  public LocalDate nextTradingDay(LocalDate date) {
    long day = date.toEpochDay();
    for (int i = 0; i <= MAX_SCAN_DAYS; i++, day++) {
      if (hasSession(day)) {
        return LocalDate.ofEpochDay(day);
      }
    }
    throw new IllegalStateException(
        exchange + " calendar has no trading day within " + MAX_SCAN_DAYS + " days from " + date
            + "; check the holiday list " + list.source());
  }

  @Override
  public Optional<String> holiday(LocalDate date) {
    int i = Arrays.binarySearch(holidayDays, date.toEpochDay());
    return i >= 0 ? Optional.of(holidayNames[i]) : Optional.empty();
  }

  @Override
  public boolean coversYear(int year) {
    return Arrays.binarySearch(years, year) >= 0;
  }

  /** Every listed holiday by date, in date order; unmodifiable. */
  public SortedMap<LocalDate, String> holidays() {
    return list.holidays();
  }

  /** Every special session by date (from the holiday list and the builder), in date order; unmodifiable. */
  public SortedMap<LocalDate, SpecialSession> specialSessions() {
    return list.specialSessions();
  }

  @Override
  public String toString() {
    return "ExchangeCalendar[" + exchange + ", " + holidayDays.length + " holidays and " + specialDays.length
        + " special sessions from " + list.source() + ", years " + list.years() + "]";
  }

  private boolean hasSession(long day) {
    return Arrays.binarySearch(specialDays, day) >= 0 || isRegularTradingDay(day);
  }

  private boolean isRegularTradingDay(long day) {
    int dayOfWeek = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 (epoch day 0) was a Thursday; 0 = Monday
    return dayOfWeek < 5 && Arrays.binarySearch(holidayDays, day) < 0;
  }

  private static int msOfDay(LocalTime t) {
    return (int) (t.toNanoOfDay() / 1_000_000L);
  }

  private static final class BundledNse {
    static final ExchangeCalendar INSTANCE = new Builder().build();
  }

  /**
   * Builds an {@link ExchangeCalendar}; starts from the NSE defaults (see {@link ExchangeCalendar#builder()}).
   * Holiday sources are read when given, so a bad file fails at that call. Not thread-safe; use one per thread.
   */
  public static final class Builder {
    private Exchange exchange = Exchange.NSE;
    private LocalTime preOpenStart = LocalTime.of(9, 0);
    private LocalTime preOpenEnd = LocalTime.of(9, 8);
    private LocalTime open = LocalTime.of(9, 15);
    private LocalTime close = LocalTime.of(15, 30);
    private HolidayList holidays = BundledHolidays.list();
    private final SortedMap<LocalDate, SpecialSession> extraSessions = new TreeMap<>();

    private Builder() {}

    /** The exchange the calendar is for; NSE by default. */
    public Builder exchange(Exchange exchange) {
      this.exchange = required(exchange, "ExchangeCalendar.exchange");
      return this;
    }

    /** The pre-open order-entry window {@code [start, end)} IST; 09:00-09:08 by default. */
    public Builder preOpen(LocalTime start, LocalTime end) {
      this.preOpenStart = required(start, "ExchangeCalendar.preOpenStart");
      this.preOpenEnd = required(end, "ExchangeCalendar.preOpenEnd");
      return this;
    }

    /** The continuous session {@code [open, close)} IST; 09:15-15:30 by default. */
    public Builder continuousSession(LocalTime open, LocalTime close) {
      this.open = required(open, "ExchangeCalendar.open");
      this.close = required(close, "ExchangeCalendar.close");
      return this;
    }

    /**
     * Replaces the holiday list (holidays, special-session rows and covered years) with the file at {@code path},
     * in the format of the bundled {@code nse-holidays.csv}: {@code yyyy-MM-dd,name} rows, optional
     * {@code yyyy-MM-dd,name,HH:mm,HH:mm} special sessions, {@code # year: yyyy} lines, {@code #} comments.
     *
     * @throws io.aitrader.api.ConfigurationException listing every bad line with the file, line number and text
     * @throws io.aitrader.api.ConfigurationException also when the file cannot be read
     */
    public Builder holidaysFrom(Path path) {
      required(path, "ExchangeCalendar.holidayFile");
      try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        this.holidays = HolidayFileParser.parse(r, path.toString());
      } catch (IOException e) {
        throw new ConfigurationException("cannot read holiday file " + path + ": " + e + " (check the path, or leave it out to use the bundled NSE list)", e);
      }
      return this;
    }

    /**
     * Replaces the holiday list with the one read from {@code reader} (to its end; not closed), in the same format
     * as {@link #holidaysFrom(Path)}; {@code sourceName} names it in error messages.
     */
    public Builder holidaysFrom(Reader reader, String sourceName) {
      required(reader, "ExchangeCalendar.holidayReader");
      requireText(sourceName, "ExchangeCalendar.holidaySourceName");
      this.holidays = HolidayFileParser.parse(reader, sourceName);
      return this;
    }

    /**
     * Replaces the holiday list with {@code holidays} (date to name); the years of those dates are the covered
     * years. An empty map gives a calendar closed only at weekends.
     */
    public Builder holidays(Map<LocalDate, String> holidays) {
      required(holidays, "ExchangeCalendar.holidays");
      TreeSet<Integer> covered = new TreeSet<>();
      holidays.forEach((date, name) -> {
        required(date, "ExchangeCalendar.holidays.date");
        requireText(name, "ExchangeCalendar.holidays[" + date + "]");
        covered.add(date.getYear());
      });
      this.holidays = new HolidayList("explicit holidays", new TreeMap<>(holidays),
          new TreeMap<>(), covered);
      return this;
    }

    /**
     * Adds a special session on {@code date} with its own continuous hours {@code [open, close)} IST, replacing
     * the date's regular session or holiday closure; it wins over a special-session row of the holiday list for
     * the same date.
     */
    public Builder specialSession(LocalDate date, String name, LocalTime open, LocalTime close) {
      SpecialSession s = new SpecialSession(date, name, open, close);
      extraSessions.put(s.date(), s);
      return this;
    }

    /**
     * The calendar.
     *
     * @throws io.aitrader.api.ValidationException when the session times are out of order
     */
    public ExchangeCalendar build() {
      check(!preOpenEnd.isBefore(preOpenStart), "ExchangeCalendar.preOpenEnd",
          "must not be before preOpenStart " + preOpenStart, preOpenEnd);
      check(!open.isBefore(preOpenEnd), "ExchangeCalendar.open", "must not be before preOpenEnd " + preOpenEnd, open);
      check(open.isBefore(close), "ExchangeCalendar.close", "must be after open " + open, close);
      HolidayList merged = holidays;
      if (!extraSessions.isEmpty()) {
        SortedMap<LocalDate, SpecialSession> sessions = new TreeMap<>(holidays.specialSessions());
        sessions.putAll(extraSessions);
        merged = new HolidayList(holidays.source(), holidays.holidays(), sessions, holidays.years());
      }
      return new ExchangeCalendar(this, merged);
    }
  }
}
