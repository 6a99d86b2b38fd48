package io.aitrader.core.ingest;

/**
 * What the first quote of an instrument on a trading day means. A quote carries the cumulative day volume, so the
 * normalizer can only derive a trade's quantity from the difference to the previous quote; the first quote of the
 * day has no previous one.
 */
public enum FirstQuotePolicy {
  /**
   * The first quote's whole day volume becomes that tick's quantity. Right when the feed started before the
   * session opened (replays and simulations of whole days): nothing traded is lost.
   */
  COUNT_AS_TRADE,
  /**
   * The first quote only sets the baseline: its tick has quantity 0, later quotes count from there. Right when
   * joining a session already under way (a live feed connecting at 11:00 must not put the morning's volume into
   * one bar). The default.
   */
  BASELINE
}
