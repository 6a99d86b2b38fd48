/** JMH benchmarks: execution. Figures and commands in docs/benchmarks.md. */
@NullMarked
package io.aitrader.benchmarks.execution;

import org.jspecify.annotations.NullMarked;
