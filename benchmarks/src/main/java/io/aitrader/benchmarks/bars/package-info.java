/** JMH benchmarks: bars. Figures and commands in docs/benchmarks.md. */
@NullMarked
package io.aitrader.benchmarks.bars;

import org.jspecify.annotations.NullMarked;
