/**
 * The fake Groww live feed: {@link io.aitrader.groww.fake.nats.FakeFeedServer} runs Debian's {@code nats-server}
 * in operator mode (JWT + nkey auth) with a WebSocket listener on free loopback ports, issues the user JWTs the
 * socket-token endpoint hands out, and publishes bytes on the documented subjects
 * ({@link io.aitrader.groww.fake.nats.FeedSubjects}).
 */
@NullMarked
package io.aitrader.groww.fake.nats;

import org.jspecify.annotations.NullMarked;
