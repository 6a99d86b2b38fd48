package io.aitrader.api.bus;

import static io.aitrader.api.ValidationException.check;

/**
 * Event-time progress of one shard of a topic: every event of that shard with an event time before
 * {@code millis} has been published ahead of this mark, so a consumer that has seen it on every shard of a topic
 * knows the topic is complete up to {@code millis} (exclusive). Event time is a tick's or signal's timestamp, a
 * bar's close time.
 *
 * <p>A topic is split into {@code shards} shards (Kafka partitions; one on the in-process bus); the events of one
 * key (instrument) always go to one shard, in order, so a mark never overtakes an event published before it on the
 * same shard. A service that derives one topic from another (bars from ticks) forwards each input shard's mark to
 * the same shard of its output with {@link EventBus#forwardWatermark} after it has published what the mark
 * completes; the two topics must then have as many shards.
 *
 * @param millis event time (epoch milliseconds) up to which the shard is complete, exclusive
 * @param shard  the shard, {@code 0 <= shard < shards}
 * @param shards how many shards the topic has, ≥ 1
 */
public record Watermark(long millis, int shard, int shards) {
  public Watermark {
    check(shards >= 1, "Watermark.shards", "must be >= 1", shards);
    check(shard >= 0 && shard < shards, "Watermark.shard", "must be in [0, " + shards + ")", shard);
  }
}
