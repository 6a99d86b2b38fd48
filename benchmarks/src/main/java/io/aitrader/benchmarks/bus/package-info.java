/** JMH benchmarks of the in-process event bus ({@code io.aitrader.core.bus}). */
@NullMarked
package io.aitrader.benchmarks.bus;

import org.jspecify.annotations.NullMarked;
