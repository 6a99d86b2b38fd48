/** JMH benchmarks: indicators. Figures and commands in docs/benchmarks.md. */
@NullMarked
package io.aitrader.benchmarks.indicators;

import org.jspecify.annotations.NullMarked;
