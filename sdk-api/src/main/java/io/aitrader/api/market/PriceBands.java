package io.aitrader.api.market;

import io.aitrader.api.instrument.Instrument;
import java.util.Optional;

/**
 * Where the day's price bands come from: a live adapter reads the exchange's circuit limits, the embedded default
 * derives them from the previous close. An instrument without a band (e.g. F&O with dynamic bands not yet known)
 * is not band-checked.
 *
 * <p>Implementations are thread-safe; {@link #band} is called once per order and allocates nothing when the
 * band is cached.
 */
@FunctionalInterface
public interface PriceBands {
  /** No bands at all: nothing is band-checked. */
  PriceBands NONE = instrument -> Optional.empty();

  /** Today's band for {@code instrument}, if known. */
  Optional<PriceBand> band(Instrument instrument);
}
