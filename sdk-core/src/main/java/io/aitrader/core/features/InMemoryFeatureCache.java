package io.aitrader.core.features;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.feature.FeatureCache;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.TimeSource;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The embedded {@link FeatureCache}: the latest {@link FeatureVector} per instrument and interval in this process,
 * each entry expiring {@code ttl} after it was written on the injected {@link TimeSource}. The Redis connector's
 * cache replaces it to share the vectors between processes.
 *
 * <pre>{@code
 * FeatureCache cache = new InMemoryFeatureCache(Duration.ofMinutes(10), clock);
 * features.subscribe(cache::put);
 * Optional<FeatureVector> v = cache.latest(reliance, BarInterval.M5);
 * }</pre>
 *
 * <p>Entries are keyed by {@link Instrument#id()} and interval and hold the vector itself (vectors are immutable).
 * Thread-safe: one monitor per instrument and interval. Once an instrument's slots exist, {@link #put} and
 * {@link #latest} allocate nothing; memory grows with the instruments seen, not with the vectors.
 */
public final class InMemoryFeatureCache implements FeatureCache {
  private static final BarInterval[] INTERVALS = BarInterval.values();

  private final Duration ttl;
  private final long ttlMillis;
  private final TimeSource clock;
  private final ConcurrentMap<String, Slot[]> slots = new ConcurrentHashMap<>();

  /**
   * A cache whose entries live {@code ttl} after they were written, on {@code clock}.
   *
   * @throws io.aitrader.api.ValidationException when {@code ttl} is below 1 ms
   */
  public InMemoryFeatureCache(Duration ttl, TimeSource clock) {
    required(ttl, "InMemoryFeatureCache.ttl");
    check(ttl.toMillis() >= 1, "InMemoryFeatureCache.ttl", "must be at least 1 ms", ttl);
    this.ttl = ttl;
    this.ttlMillis = ttl.toMillis();
    this.clock = required(clock, "InMemoryFeatureCache.clock");
  }

  @Override
  public Duration ttl() {
    return ttl;
  }

  @Override
  public boolean put(FeatureVector vector) {
    required(vector, "FeatureCache.vector");
    Slot slot = slotsOf(vector.instrument().id())[vector.interval().ordinal()];
    long now = clock.currentTimeMillis();
    synchronized (slot) {
      FeatureVector current = slot.live(now);
      if (current != null && current.timestampMillis() > vector.timestampMillis()) {
        return false;
      }
      slot.vector = vector;
      slot.expiresAtMillis = now > Long.MAX_VALUE - ttlMillis ? Long.MAX_VALUE : now + ttlMillis;
      return true;
    }
  }

  @Override
  public Optional<FeatureVector> latest(Instrument instrument, BarInterval interval) {
    Slot slot = existing(instrument, interval);
    if (slot == null) {
      return Optional.empty();
    }
    long now = clock.currentTimeMillis();
    synchronized (slot) {
      return Optional.ofNullable(slot.live(now));
    }
  }

  @Override
  public boolean evict(Instrument instrument, BarInterval interval) {
    Slot slot = existing(instrument, interval);
    if (slot == null) {
      return false;
    }
    long now = clock.currentTimeMillis();
    synchronized (slot) {
      boolean had = slot.live(now) != null;
      slot.vector = null;
      return had;
    }
  }

  private @Nullable Slot existing(Instrument instrument, BarInterval interval) {
    required(instrument, "FeatureCache.instrument");
    required(interval, "FeatureCache.interval");
    Slot[] s = slots.get(instrument.id());
    return s == null ? null : s[interval.ordinal()];
  }

  private Slot[] slotsOf(String instrumentId) {
    Slot[] s = slots.get(instrumentId);
    return s != null ? s : slots.computeIfAbsent(instrumentId, id -> newSlots());
  }

  private static Slot[] newSlots() {
    Slot[] s = new Slot[INTERVALS.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = new Slot();
    }
    return s;
  }

  @Override
  public String toString() {
    return "InMemoryFeatureCache[ttl=" + ttl + ", " + slots.size() + " instruments]";
  }

  /** The latest vector of one instrument and interval; guarded by its own monitor. */
  private static final class Slot {
    @Nullable FeatureVector vector;
    long expiresAtMillis;

    /** The vector if it has not expired at {@code now}; drops an expired one. */
    @Nullable FeatureVector live(long now) {
      if (vector != null && expiresAtMillis <= now) {
        vector = null;
      }
      return vector;
    }
  }
}
