/**
 * Recorded market data: the quote CSV format ({@link io.aitrader.core.market.replay.QuoteCsvWriter} records any
 * feed, {@link io.aitrader.core.market.replay.ReplayFeed} plays it back as a
 * {@link io.aitrader.api.market.MarketDataFeed}) and Groww-style candle CSVs
 * ({@link io.aitrader.core.market.replay.CandleCsv}).
 *
 * <h2>Quote CSV format</h2>
 * UTF-8 text, one header line {@value io.aitrader.core.market.replay.QuoteCsvWriter#HEADER}, then one quote per
 * line, LF or CRLF line ends, blank lines ignored:
 * <ul>
 *   <li>{@code timestamp_ms}: exchange time, epoch milliseconds;</li>
 *   <li>{@code instrument_id}: {@link io.aitrader.api.instrument.Instrument#id()}, e.g. {@code NSE:RELIANCE},
 *       resolved through an {@link io.aitrader.api.instrument.InstrumentRepository};</li>
 *   <li>{@code last_price}, {@code bid}, {@code ask}: rupees as plain decimals with at most 4 decimal places,
 *       e.g. {@code 2534.05} ({@code 0} for an absent bid or ask);</li>
 *   <li>{@code day_volume} (cumulative for the day), {@code bid_qty}, {@code ask_qty}, {@code oi}: whole numbers.</li>
 * </ul>
 * Example: {@code 1736135100000,NSE:RELIANCE,1400.1,12345,1400.00,20,1400.2,35,0}.
 */
@NullMarked
package io.aitrader.core.market.replay;

import org.jspecify.annotations.NullMarked;
