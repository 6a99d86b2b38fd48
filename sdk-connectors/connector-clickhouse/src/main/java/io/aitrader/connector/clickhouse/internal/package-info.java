/**
 * Internals of the ClickHouse connector: the RowBinary encoder and decoder. Not API; may change without notice.
 */
@NullMarked
package io.aitrader.connector.clickhouse.internal;

import org.jspecify.annotations.NullMarked;
