/**
 * Exchange calendars: {@link io.aitrader.core.calendar.ExchangeCalendar}, the embedded
 * {@link io.aitrader.api.time.MarketCalendar} for NSE/BSE cash markets, built from a dated holiday list (bundled
 * or user supplied) and optional special sessions such as Muhurat trading.
 */
@NullMarked
package io.aitrader.core.calendar;

import org.jspecify.annotations.NullMarked;
