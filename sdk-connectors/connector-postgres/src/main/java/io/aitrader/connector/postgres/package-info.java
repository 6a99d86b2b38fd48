/** PostgreSQL connector: instruments, order journal, portfolio snapshots (HikariCP + JDBC). */
@NullMarked
package io.aitrader.connector.postgres;

import org.jspecify.annotations.NullMarked;
