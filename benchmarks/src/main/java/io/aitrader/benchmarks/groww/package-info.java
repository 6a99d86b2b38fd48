/** JMH benchmarks: the Groww feed decoder. Figures and commands in docs/benchmarks.md. */
@NullMarked
package io.aitrader.benchmarks.groww;

import org.jspecify.annotations.NullMarked;
