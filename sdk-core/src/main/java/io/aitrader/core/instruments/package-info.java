/**
 * Instrument masters: reading and writing Groww's instrument CSV ({@link io.aitrader.core.instruments.GrowwInstrumentCsv}),
 * the embedded {@link io.aitrader.api.instrument.InstrumentRepository}
 * ({@link io.aitrader.core.instruments.InMemoryInstrumentRepository}) with a bundled sample NSE master, and
 * {@link io.aitrader.core.instruments.ReferencePrices} for demos and the synthetic market.
 */
@NullMarked
package io.aitrader.core.instruments;

import org.jspecify.annotations.NullMarked;
