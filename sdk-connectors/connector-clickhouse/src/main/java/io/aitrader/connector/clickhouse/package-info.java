/** ClickHouse connector: market store (ticks, candles), audit store and immutable candle snapshots over the HTTP interface. */
@NullMarked
package io.aitrader.connector.clickhouse;

import org.jspecify.annotations.NullMarked;
