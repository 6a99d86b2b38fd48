package io.aitrader.api.market;

import io.aitrader.api.ValidationException;
import java.time.Duration;
import java.util.Locale;

/**
 * A bar (candle) interval: the intervals Groww serves candles for, from one minute to one day. Intraday bars are
 * aligned to the session open (09:15 IST on NSE), not to the clock hour: the 1h bars are 09:15, 10:15, … 15:15
 * (the last one cut short at 15:30).
 */
public enum BarInterval {
  M1("1m", "1minute", 60),
  M2("2m", "2minute", 120),
  M3("3m", "3minute", 180),
  M5("5m", "5minute", 300),
  M10("10m", "10minute", 600),
  M15("15m", "15minute", 900),
  M30("30m", "30minute", 1800),
  H1("1h", "1hour", 3600),
  D1("1d", "1day", 86_400);

  private final String label;
  private final String growwName;
  private final long seconds;

  BarInterval(String label, String growwName, long seconds) {
    this.label = label;
    this.growwName = growwName;
    this.seconds = seconds;
  }

  /** Short name used in topics and the CLI: {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}. */
  public String label() {
    return label;
  }

  /** Groww's {@code candle_interval} value, e.g. {@code 5minute}. */
  public String growwName() {
    return growwName;
  }

  /** Nominal length; a daily bar spans one session, however long it is. */
  public Duration duration() {
    return Duration.ofSeconds(seconds);
  }

  public long millis() {
    return seconds * 1000L;
  }

  public boolean isDaily() {
    return this == D1;
  }

  /** Parses a label ({@code 5m}), a Groww name ({@code 5minute}) or an enum name ({@code M5}). */
  public static BarInterval parse(String text) {
    ValidationException.requireText(text, "interval");
    String t = text.trim();
    for (BarInterval i : values()) {
      if (i.label.equalsIgnoreCase(t) || i.growwName.equalsIgnoreCase(t) || i.name().equals(t.toUpperCase(Locale.ROOT))) {
        return i;
      }
    }
    throw new ValidationException("interval",
        "interval must be one of 1m, 2m, 3m, 5m, 10m, 15m, 30m, 1h, 1d, was '" + text + "'");
  }

  @Override
  public String toString() {
    return label;
  }
}
