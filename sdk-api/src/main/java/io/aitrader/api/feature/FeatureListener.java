package io.aitrader.api.feature;

/**
 * Receives each new {@link FeatureVector} from a {@link FeatureService}, on the service's (bar) thread, in bar
 * order per instrument and interval. Must return quickly; an exception is logged and does not stop later calls.
 */
@FunctionalInterface
public interface FeatureListener {
  void onFeatures(FeatureVector features);
}
