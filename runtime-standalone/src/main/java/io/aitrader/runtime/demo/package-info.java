/** The demo: one synthetic NSE session through ingest → bus → bars, with a readable report. */
@NullMarked
package io.aitrader.runtime.demo;

import org.jspecify.annotations.NullMarked;
