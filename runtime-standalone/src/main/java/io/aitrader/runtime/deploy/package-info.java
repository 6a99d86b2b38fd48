/**
 * Deployment: a YAML configuration ({@code config/full.yaml}, {@code config/embedded.yaml}) naming the session, the
 * bus and the stores, and the wiring that starts the services of {@code io.aitrader.core.services} on them — one
 * per process ({@code ./aitrader service}) or all in one ({@code ./aitrader run}).
 */
@org.jspecify.annotations.NullMarked
package io.aitrader.runtime.deploy;
