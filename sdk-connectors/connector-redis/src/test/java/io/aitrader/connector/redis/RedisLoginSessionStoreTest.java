package io.aitrader.connector.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.users.LoginSession;
import io.aitrader.core.users.SessionIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RKeys;
import org.redisson.client.codec.StringCodec;

/** What is Redis's own: the key layout (no id in clear), key TTLs as the expiry, and the server's clock. */
class RedisLoginSessionStoreTest {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private final String prefix = "sessions-test-" + PREFIXES.incrementAndGet();
  private final RedisConnector redis = RedisServer.shared().connect(prefix);
  private final RedisLoginSessionStore sessions = RedisLoginSessionStore.on(redis);

  @AfterEach
  void close() {
    redis.client().getKeys().deleteByPattern(prefix + ":*");
    redis.close();
  }

  private long serverMillis() {
    return redis.client().getScript(StringCodec.INSTANCE).eval(org.redisson.api.RScript.Mode.READ_ONLY,
        "local t = redis.call('TIME') return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)",
        org.redisson.api.RScript.ReturnType.INTEGER);
  }

  @Test
  void keysAndValuesHoldTheFingerprintNeverTheId() {
    LoginSession s = sessions.create("user-7", Duration.ofMinutes(5), Map.of("client", "web"));
    String fingerprint = SessionIds.fingerprint(s.id());
    RKeys keys = redis.client().getKeys();

    List<String> all = keys.getKeysStreamByPattern(prefix + ":*").toList();

    assertThat(all).containsExactlyInAnyOrder(prefix + ":session:" + fingerprint, prefix + ":user-sessions:user-7");
    Map<String, String> hash = redis.client().<String, String>getMap(prefix + ":session:" + fingerprint,
        StringCodec.INSTANCE).readAllMap();
    assertThat(hash).containsEntry("userId", "user-7").containsEntry("a:client", "web")
        .containsEntry("createdAtMillis", Long.toString(s.createdAtMillis()))
        .containsEntry("expiresAtMillis", Long.toString(s.expiresAtMillis()));
    assertThat(hash.toString()).doesNotContain(s.id());
    assertThat(redis.client().<String>getSet(prefix + ":user-sessions:user-7", StringCodec.INSTANCE).readAll())
        .containsExactly(fingerprint);
  }

  @Test
  void theKeyTtlIsTheExpiryAndTouchResetsIt() {
    LoginSession s = sessions.create("user-7", Duration.ofMinutes(5), Map.of());
    String key = prefix + ":session:" + SessionIds.fingerprint(s.id());

    long ttl = redis.client().getKeys().remainTimeToLive(key);
    sessions.touch(s.id(), Duration.ofHours(2));
    long touched = redis.client().getKeys().remainTimeToLive(key);

    assertThat(ttl).isBetween(Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
    assertThat(touched).isBetween(Duration.ofMinutes(119).toMillis(), Duration.ofHours(2).toMillis());
    assertThat(redis.client().getKeys().remainTimeToLive(prefix + ":user-sessions:user-7"))
        .as("the user's set lives as long as its longest session").isGreaterThan(Duration.ofMinutes(119).toMillis());
  }

  @Test
  void timesComeFromTheServerClock() {
    long before = serverMillis();

    LoginSession s = sessions.create("user-7", Duration.ofSeconds(30), Map.of());

    long after = serverMillis();
    assertThat(s.createdAtMillis()).isBetween(before, after);
    assertThat(s.expiresAtMillis()).isEqualTo(s.createdAtMillis() + 30_000);
  }

  @Test
  void revokingRemovesTheSessionFromItsUsersSet() {
    LoginSession a = sessions.create("user-7", Duration.ofMinutes(5), Map.of());
    LoginSession b = sessions.create("user-7", Duration.ofMinutes(5), Map.of());

    sessions.revoke(a.id());

    assertThat(redis.client().<String>getSet(prefix + ":user-sessions:user-7", StringCodec.INSTANCE).readAll())
        .containsExactly(SessionIds.fingerprint(b.id()));
    assertThat(sessions.revokeAll("user-7")).isEqualTo(1);
    assertThat(redis.client().getKeys().countExists(prefix + ":user-sessions:user-7")).isZero();
  }
}
