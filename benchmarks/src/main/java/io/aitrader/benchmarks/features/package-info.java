/** JMH benchmarks: features. Figures and commands in docs/benchmarks.md. */
@NullMarked
package io.aitrader.benchmarks.features;

import org.jspecify.annotations.NullMarked;
