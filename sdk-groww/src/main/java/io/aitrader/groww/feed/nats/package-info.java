/**
 * The Groww live-feed connection: NATS over WebSocket with JWT + nkey auth.
 * {@link io.aitrader.groww.feed.nats.GrowwFeedConnection} makes an Ed25519 user nkey, gets a socket JWT and
 * subscription id from a {@link io.aitrader.groww.feed.nats.SocketTokenSource}, signs the server's nonce,
 * subscribes by subject (at most 1000), hands (subject, bytes) to one
 * {@link io.aitrader.groww.feed.nats.FeedMessageHandler}, and reconnects on its own with exponential backoff and
 * full jitter ({@link io.aitrader.groww.feed.nats.ReconnectPolicy}), re-minting the token and resubscribing
 * everything; {@link io.aitrader.groww.feed.nats.FeedConnectionListener} hears about each outage so gaps can be
 * backfilled. Decoding the protobuf payloads is not this package's job.
 */
@NullMarked
package io.aitrader.groww.feed.nats;

import org.jspecify.annotations.NullMarked;
