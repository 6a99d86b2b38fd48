/** The Order service. For now the intent recorder that stands in until the execution tier (risk, broker) exists. */
@NullMarked
package io.aitrader.core.orders;

import org.jspecify.annotations.NullMarked;
