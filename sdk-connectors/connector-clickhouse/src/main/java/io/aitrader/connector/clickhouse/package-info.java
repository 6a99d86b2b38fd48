/** ClickHouse connector: market store (ticks, candles) and audit store over the HTTP interface. */
@NullMarked
package io.aitrader.connector.clickhouse;

import org.jspecify.annotations.NullMarked;
