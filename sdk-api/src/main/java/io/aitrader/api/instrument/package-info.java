/**
 * Tradable instruments (stocks, indices, futures, options) and the repository that finds them.
 */
@NullMarked
package io.aitrader.api.instrument;

import org.jspecify.annotations.NullMarked;
