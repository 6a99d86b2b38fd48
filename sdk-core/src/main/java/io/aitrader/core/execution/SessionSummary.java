package io.aitrader.core.execution;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Money;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trading day of an account, as it stood when the session ended: published by {@link ExecutionTier} on
 * {@link ExecutionTier#SESSION_SUMMARY_TOPIC} (the notification service turns it into the daily PnL summary; the
 * audit service records it).
 *
 * @param date            the trading day
 * @param timestampMillis the session's close, epoch milliseconds
 * @param dayPnl          equity now − equity at the start of the day: net of charges
 * @param equity          cash + cost basis + unrealized PnL
 * @param charges         the charges of the day's fills
 * @param ordersSubmitted orders strategies submitted that day
 * @param ordersRefused   of those, refused (by risk, by the order service or by the broker)
 * @param fills           fills (trades) that day
 * @param openPositions   positions not flat at the end of the day
 */
public record SessionSummary(
    LocalDate date,
    long timestampMillis,
    Money dayPnl,
    Money equity,
    Money charges,
    long ordersSubmitted,
    long ordersRefused,
    long fills,
    int openPositions) {

  /** Validates every component. */
  public SessionSummary {
    required(date, "SessionSummary.date");
    required(dayPnl, "SessionSummary.dayPnl");
    required(equity, "SessionSummary.equity");
    required(charges, "SessionSummary.charges");
    check(ordersSubmitted >= 0 && ordersRefused >= 0 && ordersRefused <= ordersSubmitted,
        "SessionSummary.ordersRefused", "must be within [0, ordersSubmitted]", ordersRefused);
    check(fills >= 0 && openPositions >= 0, "SessionSummary.fills", "and openPositions must be >= 0", fills);
  }

  /**
   * Every component as text, in declaration order and named as declared (money as exact rupees, e.g.
   * {@code 11.30}); the time is left out. What the audit packet records and the alert template fills in.
   */
  public Map<String, String> fields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("date", date.toString());
    m.put("dayPnl", dayPnl.toString());
    m.put("equity", equity.toString());
    m.put("charges", charges.toString());
    m.put("ordersSubmitted", Long.toString(ordersSubmitted));
    m.put("ordersRefused", Long.toString(ordersRefused));
    m.put("fills", Long.toString(fills));
    m.put("openPositions", Integer.toString(openPositions));
    return m;
  }
}
