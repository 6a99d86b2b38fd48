/**
 * The execution tier assembled: {@link io.aitrader.core.execution.ExecutionTier} wires risk, the order service, a
 * broker (the paper broker by default), charges and the portfolio, and summarizes a run
 * ({@link io.aitrader.core.execution.ExecutionSummary}).
 */
@NullMarked
package io.aitrader.core.execution;

import org.jspecify.annotations.NullMarked;
