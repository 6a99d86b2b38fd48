package io.aitrader.connector.kafka.codec;

/**
 * Turns the events of one type into Kafka record values and back, and names the record key that decides the
 * partition (the instrument id for market data, so the events of one instrument stay in order).
 *
 * <p>Implementations are immutable and thread-safe: one instance serves every producer and consumer thread.
 * {@link #decode} throws {@link CodecException} for a payload it cannot read (wrong schema, newer version,
 * unknown instrument, truncated bytes), never returns null.
 *
 * @param <T> the event type
 */
public interface EventCodec<T> {

  /** The event type this codec handles. */
  Class<T> type();

  /** The record key of {@code event}: events with the same key go to the same partition, in order. */
  String key(T event);

  /** The record value of {@code event}. */
  byte[] encode(T event);

  /** The event in {@code bytes}; throws {@link CodecException} when they are not a payload of this codec. */
  T decode(byte[] bytes);
}
