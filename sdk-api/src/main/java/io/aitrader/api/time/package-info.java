/**
 * Time: the injected {@link io.aitrader.api.time.TimeSource} (logic never reads the wall clock), the one
 * definition of Indian Standard Time ({@link io.aitrader.api.time.Ist}), and the exchange
 * {@link io.aitrader.api.time.MarketCalendar}.
 */
@NullMarked
package io.aitrader.api.time;

import org.jspecify.annotations.NullMarked;
