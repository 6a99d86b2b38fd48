/**
 * Wire formats of the events on the Kafka bus: compact binary for the high-rate market data ({@link
 * io.aitrader.connector.kafka.codec.TickCodec}, {@link io.aitrader.connector.kafka.codec.BarCodec}) and JSON for
 * the low-rate events (orders, fills, signals, feed status). Every payload names its schema and version first so
 * an old consumer rejects a newer payload with a clear message instead of misreading it. Instruments travel as
 * their id and are resolved through an {@link io.aitrader.api.instrument.InstrumentRepository} on decode.
 */
@NullMarked
package io.aitrader.connector.kafka.codec;

import org.jspecify.annotations.NullMarked;
