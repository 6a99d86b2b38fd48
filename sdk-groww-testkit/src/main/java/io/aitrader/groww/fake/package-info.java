/**
 * An embeddable fake of the Groww Trading API's REST side, for tests and demos: {@link
 * io.aitrader.groww.fake.FakeGroww} serves every documented endpoint (orders, smart orders, portfolio, margins,
 * live data, historical candles, option chain, user, token mint, socket token, the instrument CSV) on a loopback
 * port with Groww's envelopes, error codes, auth checks and rate limits; orders fill through a paper broker from a
 * deterministic synthetic market driven by the fake's clock; {@link io.aitrader.groww.fake.Faults} injects
 * failures, delays and malformed bodies for client error-path tests. Start at {@link
 * io.aitrader.groww.fake.FakeGroww}.
 */
@NullMarked
package io.aitrader.groww.fake;

import org.jspecify.annotations.NullMarked;
