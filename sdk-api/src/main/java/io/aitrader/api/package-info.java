/**
 * The public contract of Indian AI Trader: the root exception hierarchy and {@link io.aitrader.api.SdkVersion}.
 *
 * <p>Sub-packages are organised by feature: {@code money} (exact prices and amounts), {@code instrument},
 * {@code market} (ticks, bars, feeds, stores), {@code time} (clock and market calendar), {@code bus} (event bus),
 * and the later tiers (features, signals, orders, portfolio, audit, notifications, strategy).
 *
 * <p>Nothing in this package tree is {@code null} unless annotated {@code @Nullable}.
 */
@NullMarked
package io.aitrader.api;

import org.jspecify.annotations.NullMarked;
