package io.aitrader.groww.rest;

import io.aitrader.api.money.Price;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One candle of Groww's candles call: {@code [ts, open, high, low, close, volume, open_interest|null]}. Prices in
 * rupees, exact.
 *
 * @param startMillis  the candle's start, epoch ms (Groww's zone-less time read as IST)
 * @param open         open
 * @param high         high
 * @param low          low
 * @param close        close
 * @param volume       volume
 * @param openInterest open interest (F&amp;O only)
 */
public record Candle(long startMillis, Price open, Price high, Price low, Price close, BigDecimal volume,
    Optional<BigDecimal> openInterest) {
}
