/**
 * The Groww adapter seen through the SDK's interfaces: {@link io.aitrader.groww.broker.GrowwBroker} (the
 * {@link io.aitrader.api.order.Broker} SPI over the REST client, with safe order placement),
 * {@link io.aitrader.groww.broker.GrowwInstruments} (the instrument master, refreshed once per trading day) and
 * {@link io.aitrader.groww.broker.GrowwHistoricalBars} (backtest bars from Groww's candles).
 */
@NullMarked
package io.aitrader.groww.broker;

import org.jspecify.annotations.NullMarked;
