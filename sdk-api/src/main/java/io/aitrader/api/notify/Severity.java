package io.aitrader.api.notify;

/** How urgent a notification is; channels may be configured per severity. */
public enum Severity {
  /** For the record: a daily summary, a strategy started. */
  INFO,
  /** Needs attention soon: a rejected order, a feed reconnecting. */
  WARNING,
  /** Needs action now: the broker is unreachable, a loss limit was hit, the audit chain is broken. */
  CRITICAL
}
