/**
 * Groww's live-feed protobuf messages written by hand ({@link io.aitrader.groww.fake.wire.FeedWire}) from the
 * documented field numbers, for the fake's NATS publisher and for tests. This package deliberately has no
 * generated protobuf code: the adapter in {@code sdk-groww} is checked against a second, independent reading of
 * the protocol.
 */
@NullMarked
package io.aitrader.groww.fake.wire;

import org.jspecify.annotations.NullMarked;
