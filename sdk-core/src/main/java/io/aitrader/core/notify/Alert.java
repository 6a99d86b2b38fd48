package io.aitrader.core.notify;

import io.aitrader.api.notify.Severity;
import java.util.List;

/**
 * The kinds of alert the {@link AlertRules} raise from bus events, each with its default severity and the fields
 * its {@linkplain AlertTemplate template} may use.
 */
public enum Alert {
  /** A fill ({@code orders.fills}). */
  FILL(Severity.INFO, "referenceId", "tradeId", "instrument", "side", "quantity", "price", "value", "product", "time"),
  /** The broker rejected an order ({@code orders.updates} with status REJECTED). */
  ORDER_REJECTED(Severity.WARNING, "referenceId", "instrument", "side", "quantity", "reason", "time"),
  /** A pre-trade risk rule refused an order ({@code risk.checks}; throttling is not an alert). */
  RISK_LIMIT(Severity.WARNING, "referenceId", "strategy", "instrument", "rule", "reason", "time"),
  /** A kill switch tripped ({@code risk.kill-switch}). */
  KILL_SWITCH_TRIPPED(Severity.CRITICAL, "scope", "flatten", "reason", "time"),
  /** A kill switch was reset by hand. */
  KILL_SWITCH_RESET(Severity.WARNING, "scope", "reason", "time"),
  /** A market-data feed lost its connection ({@code market.feed-status}). */
  FEED_DISCONNECTED(Severity.WARNING, "feed", "detail", "time"),
  /** A market-data feed is connected again. */
  FEED_RECONNECTED(Severity.INFO, "feed", "detail", "time"),
  /** The account's day at the session's end ({@code execution.session-summary}). */
  SESSION_SUMMARY(Severity.INFO, "date", "dayPnl", "equity", "charges", "ordersSubmitted", "ordersRefused", "fills",
      "openPositions", "time");

  private final Severity severity;
  private final List<String> fields;

  Alert(Severity severity, String... fields) {
    this.severity = severity;
    this.fields = List.of(fields);
  }

  /** How urgent alerts of this kind are. */
  public Severity severity() {
    return severity;
  }

  /** The {@code {field}}s its template may use. */
  public List<String> fields() {
    return fields;
  }
}
