package io.aitrader.connector.redis;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.feature.FeatureCache;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The Redis {@link FeatureCache}: the latest {@link FeatureVector} of each instrument and interval, shared by every
 * process on the same Redis and key prefix (the feature service writes, model servers and dashboards read), each
 * entry expiring {@code ttl} after it was written (on the server's clock) so stale features disappear when the writer
 * stops. Made by {@link RedisConnector#featureCache(Duration)}; replaces the embedded {@code InMemoryFeatureCache}
 * and passes the same kit ({@code FeatureCacheContract}).
 *
 * <pre>{@code
 * FeatureCache cache = redis.featureCache(Duration.ofMinutes(10));
 * cache.put(vector);                                        // on each bar close
 * Optional<FeatureVector> v = cache.latest(reliance, BarInterval.M5);
 * }</pre>
 *
 * <p><b>Storage.</b> One hash per instrument and interval, {@code <prefix>:features:{<instrument id>}:<interval
 * label>} (e.g. {@code aitrader:features:{NSE:RELIANCE}:5m}) with fields {@code timestampMillis}, {@code names}
 * (the names in order, one per line) and {@code f:<name>} = the value as Java's shortest exact decimal
 * ({@link Double#toString(double)}), so values read back bit for bit. A vector older than the cached one is ignored,
 * so a late writer never replaces newer features. Feature names must not contain line breaks.
 *
 * <p>Thread-safe; each call is one round trip. Failures to reach Redis throw {@link RedisUnavailableException}.
 */
public final class RedisFeatureCache implements FeatureCache {
  private static final String PUT = ""
      + "local cur = redis.call('HGET', KEYS[1], 'timestampMillis')\n"
      + "if cur and tonumber(cur) > tonumber(ARGV[1]) then return 0 end\n"
      + "redis.call('DEL', KEYS[1])\n"
      + "redis.call('HSET', KEYS[1], 'timestampMillis', ARGV[1], 'names', ARGV[3])\n"
      + "for i = 4, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end\n"
      + "redis.call('PEXPIRE', KEYS[1], ARGV[2])\n"
      + "return 1";

  private final RedisConnector connector;
  private final RScript script;
  private final Duration ttl;

  RedisFeatureCache(RedisConnector connector, Duration ttl) {
    required(ttl, "RedisFeatureCache.ttl");
    check(ttl.toMillis() >= 1, "RedisFeatureCache.ttl", "must be at least 1 ms", ttl);
    this.connector = connector;
    this.script = connector.client().getScript(StringCodec.INSTANCE);
    this.ttl = ttl;
  }

  @Override
  public Duration ttl() {
    return ttl;
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.aitrader.api.ValidationException when a feature name contains a line break (names are stored one per
   *     line)
   */
  @Override
  public boolean put(FeatureVector vector) {
    required(vector, "RedisFeatureCache.vector");
    List<String> names = vector.names();
    Object[] args = new Object[3 + 2 * names.size()];
    args[0] = Long.toString(vector.timestampMillis());
    args[1] = Long.toString(ttl.toMillis());
    args[2] = String.join("\n", names);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      check(name.indexOf('\n') < 0 && name.indexOf('\r') < 0, "RedisFeatureCache.names[" + i + "]",
          "must not contain line breaks", name);
      args[3 + 2 * i] = "f:" + name;
      args[4 + 2 * i] = Double.toString(vector.value(i));
    }
    String key = key(vector.instrument(), vector.interval());
    try {
      Long r = script.eval(RScript.Mode.READ_WRITE, PUT, RScript.ReturnType.INTEGER, List.<Object>of(key), args);
      return r == 1L;
    } catch (RedisException e) {
      throw new RedisUnavailableException("Redis feature cache: put " + key + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<FeatureVector> latest(Instrument instrument, BarInterval interval) {
    required(instrument, "RedisFeatureCache.instrument");
    required(interval, "RedisFeatureCache.interval");
    String key = key(instrument, interval);
    Map<String, String> hash;
    try {
      hash = connector.client().<String, String>getMap(key, StringCodec.INSTANCE).readAllMap();
    } catch (RedisException e) {
      throw new RedisUnavailableException("Redis feature cache: read " + key + " failed: " + e.getMessage(), e);
    }
    String ts = hash.get("timestampMillis");
    String joined = hash.get("names");
    if (ts == null || joined == null) {
      return Optional.empty();
    }
    List<String> names = joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n", -1));
    double[] values = new double[names.size()];
    for (int i = 0; i < values.length; i++) {
      String v = hash.get("f:" + names.get(i));
      if (v == null) {
        throw new IllegalStateException("Redis feature cache: " + key + " lacks the value of " + names.get(i));
      }
      values[i] = Double.parseDouble(v);
    }
    return Optional.of(FeatureVector.of(instrument, interval, Long.parseLong(ts), new ArrayList<>(names), values));
  }

  @Override
  public boolean evict(Instrument instrument, BarInterval interval) {
    required(instrument, "FeatureCache.instrument");
    required(interval, "FeatureCache.interval");
    String key = key(instrument, interval);
    try {
      return connector.client().getKeys().delete(key) > 0;
    } catch (RedisException e) {
      throw new RedisUnavailableException("Redis feature cache: evict " + key + " failed: " + e.getMessage(), e);
    }
  }

  private String key(Instrument instrument, BarInterval interval) {
    return connector.key("features", "{" + instrument.id() + "}", interval.label());
  }

  @Override
  public String toString() {
    return "RedisFeatureCache[ttl=" + ttl + "]";
  }
}
