package io.aitrader.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The holiday list bundled with the SDK ({@code nse-holidays.csv}), parsed once on first use. Thread-safe. */
final class BundledHolidays {
  private BundledHolidays() {}

  static HolidayList list() {
    return Holder.LIST;
  }

  private static final class Holder {
    static final HolidayList LIST = load();
  }

  private static HolidayList load() {
    String name = ExchangeCalendar.BUNDLED_RESOURCE;
    InputStream in = ExchangeCalendar.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("Bundled holiday list " + name + " is missing from the sdk-core jar");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return HolidayFileParser.parse(r, "bundled " + name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read bundled holiday list " + name, e);
    }
  }
}
