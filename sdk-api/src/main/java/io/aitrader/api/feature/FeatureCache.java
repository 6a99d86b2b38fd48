package io.aitrader.api.feature;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import java.time.Duration;
import java.util.Optional;

/**
 * The online feature cache: the latest {@link FeatureVector} of each instrument and interval, for readers other than
 * the feature service that computed it (model servers, dashboards, other processes). Each entry expires
 * {@link #ttl()} after it was last written, so features disappear when their writer stops instead of going stale.
 *
 * <pre>{@code
 * FeatureCache cache = new InMemoryFeatureCache(Duration.ofMinutes(10), clock);   // or redis.featureCache(ttl)
 * features.subscribe(cache::put);                                                  // on each bar close
 * Optional<FeatureVector> v = cache.latest(reliance, BarInterval.M5);
 * }</pre>
 *
 * <p><b>Contract</b> (checked by the kit {@code io.aitrader.testing.feature.FeatureCacheContract}):
 * <ul>
 *   <li>{@link #latest} returns a vector equal to the one put: the same names in order and bit-exact values
 *       ({@code -0.0}, {@code 0.1 + 0.2} and subnormals included).
 *   <li>A put replaces the whole entry (a vector with fewer features leaves no stale ones), unless the cached vector
 *       has a later timestamp: then nothing changes and {@code put} returns {@code false}. An equal timestamp
 *       replaces.
 *   <li>An entry expires {@code ttl} after its last accepted put; expired entries are never returned.
 *   <li>Entries of other instruments or intervals are independent.
 * </ul>
 *
 * <p>TTL time is the implementation's clock: the injected {@code TimeSource} of the embedded cache, the server's
 * clock for Redis. Thread-safe. An implementation may refuse a vector it cannot store with a
 * {@link io.aitrader.api.ValidationException} (the Redis cache refuses feature names with line breaks); a remote
 * cache that cannot be reached throws an unchecked {@link io.aitrader.api.AitraderException}.
 */
public interface FeatureCache {

  /** How long an entry lives after it was written. */
  Duration ttl();

  /**
   * Caches {@code vector} as the latest of its instrument and interval, for {@link #ttl()}.
   *
   * @return true if stored; false if a vector with a later timestamp is already cached (nothing changes)
   */
  boolean put(FeatureVector vector);

  /** The latest cached vector of {@code instrument} and {@code interval}; empty when none or expired. */
  Optional<FeatureVector> latest(Instrument instrument, BarInterval interval);

  /** Removes the cached vector of {@code instrument} and {@code interval}; true if there was one (not expired). */
  boolean evict(Instrument instrument, BarInterval interval);
}
