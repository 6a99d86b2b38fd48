package io.aitrader.api.time;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import java.time.LocalDate;

/**
 * One trading day's session on an exchange, as epoch-millisecond instants: the pre-open call auction and the
 * continuous session {@code [openMillis, closeMillis)}.
 *
 * @param date              the IST trading date
 * @param preOpenStartMillis pre-open order entry starts (09:00 IST on NSE)
 * @param preOpenEndMillis   pre-open order entry ends (09:08 IST on NSE)
 * @param openMillis         continuous trading starts (09:15 IST on NSE)
 * @param closeMillis        continuous trading ends (15:30 IST on NSE), exclusive
 */
public record TradingSession(LocalDate date, long preOpenStartMillis, long preOpenEndMillis, long openMillis, long closeMillis) {
  public TradingSession {
    required(date, "TradingSession.date");
    check(preOpenStartMillis <= preOpenEndMillis && preOpenEndMillis <= openMillis,
        "TradingSession.preOpen", "must end before the open", preOpenStartMillis + ".." + preOpenEndMillis);
    check(openMillis < closeMillis, "TradingSession.closeMillis", "must be after openMillis " + openMillis, closeMillis);
  }

  /** Whether {@code t} is within continuous trading: {@code open <= t < close}. */
  public boolean isOpenAt(long t) {
    return t >= openMillis && t < closeMillis;
  }

  /** Whether {@code t} is within the pre-open order-entry window. */
  public boolean isPreOpenAt(long t) {
    return t >= preOpenStartMillis && t < preOpenEndMillis;
  }
}
