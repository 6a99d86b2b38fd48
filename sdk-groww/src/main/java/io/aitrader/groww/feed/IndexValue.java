package io.aitrader.groww.feed;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.instrument.Instrument;

/**
 * The value of an index from Groww's index subject ({@code /ld/indices/nse/price.NIFTY}). Immutable.
 *
 * @param index           the index instrument
 * @param timestampMillis exchange time, epoch milliseconds, &gt; 0
 * @param value           the index value in units of 0.0001 (the scale of {@link io.aitrader.api.money.Price}),
 *                        &gt; 0
 */
public record IndexValue(Instrument index, long timestampMillis, long value) {
  /** Validates every component. */
  public IndexValue {
    required(index, "IndexValue.index");
    check(timestampMillis > 0, "IndexValue.timestampMillis", "must be > 0", timestampMillis);
    check(value > 0, "IndexValue.value", "must be > 0 (0.0001 units)", value);
  }
}
