package io.aitrader.connector.kafka;

import io.aitrader.api.bus.Watermark;
import java.nio.ByteBuffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * How a {@link Watermark} travels on a Kafka partition: a record without key or value whose header
 * {@value #HEADER} holds the event time (8 bytes) and the topic's partition count (4 bytes), sent to the partition
 * it completes; the record's timestamp is the event time. Consumers of this bus hand it to
 * {@code EventHandler.onWatermark} instead of decoding it; other Kafka clients see an empty record they can skip.
 */
final class Watermarks {
  static final String HEADER = "aitrader-watermark";

  private Watermarks() {}

  static ProducerRecord<byte[], byte[]> record(String topic, Watermark watermark) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(HEADER, ByteBuffer.allocate(12).putLong(watermark.millis()).putInt(watermark.shards()).array());
    return new ProducerRecord<>(topic, watermark.shard(), Math.max(0, watermark.millis()), null, new byte[0], headers);
  }

  static boolean isWatermark(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null && record.headers().lastHeader(HEADER) != null;
  }

  static Watermark decode(ConsumerRecord<byte[], byte[]> record) {
    Header header = record.headers().lastHeader(HEADER);
    byte[] value = header.value();
    if (value == null || value.length != 12) {
      throw new IllegalArgumentException("watermark header of " + record.topic() + "-" + record.partition() + "@"
          + record.offset() + " has " + (value == null ? "no value" : value.length + " bytes") + ", expected 12");
    }
    ByteBuffer b = ByteBuffer.wrap(value);
    return new Watermark(b.getLong(), record.partition(), b.getInt());
  }
}
