package io.aitrader.connector.redis;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.limits.RateBucket;
import io.aitrader.api.limits.RateLimiter;
import io.aitrader.api.time.TimeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RScript;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The Redis {@link RateLimiter}: rate limits shared by every process that uses the same Redis and key prefix — each
 * {@link RateBucket} is one budget, whichever client spends it. Made by {@link RedisConnector#rateLimiter(List)};
 * replaces the embedded {@code InMemoryRateLimiter} with the same buckets and passes the same kit
 * ({@code RateLimiterContract}).
 *
 * <pre>{@code
 * RateLimiter limits = redis.rateLimiter(RateBucket.groww());
 * long waitMillis = limits.tryAcquire("groww.orders");
 * if (waitMillis == 0) broker.place(order); else retryIn(waitMillis);
 * limits.acquireOrThrow("groww.orders");   // or: RateLimitedException carrying the wait
 * }</pre>
 *
 * <p><b>Algorithm.</b> Each window of a bucket is a sliding log: a sorted set {@code <prefix>:ratelimit:{<bucket>}:
 * <periodMillis>} of the grant times within the last period. One Lua script checks every window of the bucket and
 * either grants in all of them or in none, so "10 per second and 250 per minute" is never over-spent by a race
 * between clients, and no fixed window the broker may count in ever sees more than the limit.
 *
 * <p><b>Time.</b> By default the Redis server's clock ({@code TIME}) is used, one clock for all processes. A limiter
 * made with a {@link TimeSource} uses that instead (for replays and tests); all clients of a bucket must then share
 * it. Thread-safe; each call is one round trip.
 */
public final class RedisRateLimiter implements RateLimiter {
  private static final String ACQUIRE = ""
      + "local now\n"
      + "if ARGV[1] == '' then\n"
      + "  local t = redis.call('TIME')\n"
      + "  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"
      + "else now = tonumber(ARGV[1]) end\n"
      + "local permits = tonumber(ARGV[2])\n"
      + "local wait = 0\n"
      + "local longest = 0\n"
      + "for i = 2, #KEYS do\n"
      + "  local limit = tonumber(ARGV[2 * i - 1])\n"
      + "  local period = tonumber(ARGV[2 * i])\n"
      + "  if period > longest then longest = period end\n"
      + "  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - period)\n"
      + "  local count = redis.call('ZCARD', KEYS[i])\n"
      + "  if count + permits > limit then\n"
      + "    local rank = count + permits - limit - 1\n"
      + "    local e = redis.call('ZRANGE', KEYS[i], rank, rank, 'WITHSCORES')\n"
      + "    local w = tonumber(e[2]) + period - now\n"
      + "    if w > wait then wait = w end\n"
      + "  end\n"
      + "end\n"
      + "if wait > 0 then return wait end\n"
      + "for i = 2, #KEYS do\n"
      + "  for p = 1, permits do\n"
      + "    local seq = redis.call('INCR', KEYS[1])\n"
      + "    redis.call('ZADD', KEYS[i], now, string.format('%d:%d', now, seq))\n"
      + "  end\n"
      + "  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2 * i]))\n"
      + "end\n"
      + "redis.call('PEXPIRE', KEYS[1], longest)\n"
      + "return 0";

  private final RScript script;
  private final @Nullable TimeSource clock;
  private final Map<String, Compiled> buckets;
  private final List<RateBucket> configured;
  private final RedisConnector connector;

  RedisRateLimiter(RedisConnector connector, List<RateBucket> buckets, @Nullable TimeSource clock) {
    required(buckets, "RedisRateLimiter.buckets");
    check(!buckets.isEmpty(), "RedisRateLimiter.buckets", "must hold at least one bucket", buckets);
    this.connector = connector;
    this.script = connector.client().getScript(StringCodec.INSTANCE);
    this.clock = clock;
    Map<String, Compiled> byName = new LinkedHashMap<>();
    for (RateBucket b : buckets) {
      required(b, "RedisRateLimiter.bucket");
      check(byName.put(b.name(), new Compiled(connector, b)) == null, "RedisRateLimiter.buckets",
          "must not repeat a name", b.name());
    }
    this.buckets = Map.copyOf(byName);
    this.configured = List.copyOf(buckets);
  }

  @Override
  public List<RateBucket> buckets() {
    return configured;
  }

  @Override
  public Optional<RateBucket> bucket(String name) {
    Compiled c = buckets.get(name);
    return c == null ? Optional.empty() : Optional.of(c.bucket);
  }

  /**
   * {@inheritDoc}
   *
   * @throws RedisUnavailableException when Redis cannot be reached
   */
  @Override
  public long tryAcquire(String bucket, int permits) {
    Compiled c = compiled(bucket);
    c.bucket.checkPermits(permits);
    Object[] args = c.args.clone();
    args[0] = clock == null ? "" : Long.toString(clock.currentTimeMillis());
    args[1] = Integer.toString(permits);
    try {
      Long wait = script.eval(RScript.Mode.READ_WRITE, ACQUIRE, RScript.ReturnType.INTEGER, c.keys, args);
      return wait;
    } catch (RedisException e) {
      throw new RedisUnavailableException("Redis rate limiter: acquire in bucket '" + bucket + "' failed: "
          + e.getMessage(), e);
    }
  }

  @Override
  public void reset(String bucket) {
    Compiled c = compiled(bucket);
    try {
      connector.client().getKeys().delete(c.keys.stream().map(Object::toString).toArray(String[]::new));
    } catch (RedisException e) {
      throw new RedisUnavailableException("Redis rate limiter: reset of bucket '" + bucket + "' failed: "
          + e.getMessage(), e);
    }
  }

  private Compiled compiled(String bucket) {
    required(bucket, "RateLimiter.bucket");
    Compiled c = buckets.get(bucket);
    if (c == null) {
      throw new NotFoundException("Rate-limit bucket '" + bucket + "' is not configured; known: "
          + configured.stream().map(RateBucket::name).toList());
    }
    return c;
  }

  @Override
  public String toString() {
    return "RedisRateLimiter" + configured.stream().map(RateBucket::name).toList();
  }

  /** A bucket's keys and the constant part of its script arguments, built once. */
  private static final class Compiled {
    final RateBucket bucket;
    final List<Object> keys;
    final Object[] args;

    Compiled(RedisConnector connector, RateBucket bucket) {
      this.bucket = bucket;
      String base = connector.key("ratelimit", "{" + bucket.name() + "}");
      List<Object> k = new ArrayList<>();
      k.add(base + ":seq");
      args = new Object[2 + 2 * bucket.windows().size()];
      int i = 2;
      for (RateBucket.Window w : bucket.windows()) {
        k.add(base + ":" + w.period().toMillis());
        args[i++] = Integer.toString(w.permits());
        args[i++] = Long.toString(w.period().toMillis());
      }
      this.keys = List.copyOf(k);
    }
  }
}
