package io.aitrader.connector.redis;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.users.LoginSession;
import io.aitrader.api.users.LoginSessionStore;
import io.aitrader.core.users.SessionIds;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The Redis {@link LoginSessionStore}: the API gateway's sessions shared by every gateway process on the same Redis
 * server and key prefix, surviving a restart of the gateway. Replaces the embedded {@code InMemoryLoginSessionStore}
 * and passes the same kit ({@code LoginSessionStoreContract}).
 *
 * <pre>{@code
 * LoginSessionStore sessions = RedisLoginSessionStore.on(redis);
 * LoginSession s = sessions.create(user.id(), Duration.ofHours(8), Map.of("client", "web"));
 * sessions.touch(cookieValue, Duration.ofHours(8));    // sliding expiry, on the server's clock
 * }</pre>
 *
 * <p><b>Storage.</b> One hash per session, {@code <prefix>:session:<fingerprint>} with fields {@code userId},
 * {@code createdAtMillis}, {@code expiresAtMillis} and {@code a:<attribute>}, whose key TTL is the expiry; one set per
 * user, {@code <prefix>:user-sessions:<userId>}, of the fingerprints of that user's sessions (for
 * {@link #revokeAll}), living as long as its longest session. The fingerprint is {@link SessionIds#fingerprint} (a
 * SHA-256 of the id): the id itself is never sent to Redis, so neither a key listing, {@code MONITOR} nor an error
 * message of Redis or Redisson can reveal a usable id.
 *
 * <p><b>Time</b> is the Redis server's: {@code createdAtMillis} and {@code expiresAtMillis} come from {@code TIME}
 * inside the scripts, and expiry is the key's TTL, so every gateway agrees whatever its own clock says. Every write
 * (create, touch, revoke, revokeAll) is one Lua script, atomic on the server; a find is one {@code HGETALL}. Expired
 * members of a user's set are pruned when that user gets a new session. Thread-safe. Failures to reach Redis throw
 * {@link RedisUnavailableException}. The scripts name the per-user set from data they read, so this store needs a
 * single Redis server (not a cluster), like the connector.
 */
public final class RedisLoginSessionStore implements LoginSessionStore {
  private static final String NOW = ""
      + "local t = redis.call('TIME')\n"
      + "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n";
  private static final String CREATE = NOW
      + "local ttl = tonumber(ARGV[1])\n"
      + "redis.call('HSET', KEYS[1], 'userId', ARGV[2], 'createdAtMillis', string.format('%.0f', now),"
      + " 'expiresAtMillis', string.format('%.0f', now + ttl))\n"
      + "for i = 5, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end\n"
      + "redis.call('PEXPIRE', KEYS[1], ttl)\n"
      + "for _, m in ipairs(redis.call('SMEMBERS', KEYS[2])) do\n"
      + "  if redis.call('EXISTS', ARGV[3] .. m) == 0 then redis.call('SREM', KEYS[2], m) end\n"
      + "end\n"
      + "redis.call('SADD', KEYS[2], ARGV[4])\n"
      + "if redis.call('PTTL', KEYS[2]) < ttl then redis.call('PEXPIRE', KEYS[2], ttl) end\n"
      + "return now";
  private static final String TOUCH = ""
      + "local uid = redis.call('HGET', KEYS[1], 'userId')\n"
      + "if not uid then return {} end\n"
      + NOW
      + "local ttl = tonumber(ARGV[1])\n"
      + "redis.call('HSET', KEYS[1], 'expiresAtMillis', string.format('%.0f', now + ttl))\n"
      + "redis.call('PEXPIRE', KEYS[1], ttl)\n"
      + "local set = ARGV[2] .. uid\n"
      + "if redis.call('PTTL', set) < ttl then redis.call('PEXPIRE', set, ttl) end\n"
      + "return redis.call('HGETALL', KEYS[1])";
  private static final String REVOKE = ""
      + "local uid = redis.call('HGET', KEYS[1], 'userId')\n"
      + "if not uid then return 0 end\n"
      + "redis.call('DEL', KEYS[1])\n"
      + "redis.call('SREM', ARGV[1] .. uid, ARGV[2])\n"
      + "return 1";
  private static final String REVOKE_ALL = ""
      + "local n = 0\n"
      + "for _, m in ipairs(redis.call('SMEMBERS', KEYS[1])) do n = n + redis.call('DEL', ARGV[1] .. m) end\n"
      + "redis.call('DEL', KEYS[1])\n"
      + "return n";
  private static final String ATTRIBUTE = "a:";

  private final RedisConnector connector;
  private final RScript script;
  private final String sessionPrefix;
  private final String userPrefix;

  private RedisLoginSessionStore(RedisConnector connector) {
    this.connector = connector;
    this.script = connector.client().getScript(StringCodec.INSTANCE);
    this.sessionPrefix = connector.key("session") + ":";
    this.userPrefix = connector.key("user-sessions") + ":";
  }

  /** The sessions on {@code connector}'s server under its key prefix. */
  public static RedisLoginSessionStore on(RedisConnector connector) {
    return new RedisLoginSessionStore(required(connector, "RedisLoginSessionStore.connector"));
  }

  @Override
  public LoginSession create(String userId, Duration ttl, Map<String, String> attributes) {
    LoginSession.checkUserId(userId);
    LoginSessionStore.checkTtl(ttl);
    Map<String, String> attrs = LoginSession.checkAttributes(attributes);
    String id = SessionIds.newId();
    String fingerprint = SessionIds.fingerprint(id);
    long ttlMillis = ttl.toMillis();
    Object[] args = new Object[4 + 2 * attrs.size()];
    args[0] = Long.toString(ttlMillis);
    args[1] = userId;
    args[2] = sessionPrefix;
    args[3] = fingerprint;
    int i = 4;
    for (Map.Entry<String, String> e : attrs.entrySet()) {
      args[i++] = ATTRIBUTE + e.getKey();
      args[i++] = e.getValue();
    }
    Long now = eval("create", CREATE, RScript.ReturnType.INTEGER,
        List.<Object>of(sessionPrefix + fingerprint, userPrefix + userId), args);
    return new LoginSession(id, userId, now, now + ttlMillis, attrs);
  }

  @Override
  public Optional<LoginSession> find(String id) {
    required(id, "LoginSession.id");
    if (!LoginSession.isWellFormedId(id)) {
      return Optional.empty();
    }
    Map<String, String> hash;
    try {
      hash = connector.client().<String, String>getMap(sessionPrefix + SessionIds.fingerprint(id),
          StringCodec.INSTANCE).readAllMap();
    } catch (RedisException e) {
      throw unavailable("find", e);
    }
    return decode(id, hash);
  }

  @Override
  public Optional<LoginSession> touch(String id, Duration ttl) {
    required(id, "LoginSession.id");
    LoginSessionStore.checkTtl(ttl);
    if (!LoginSession.isWellFormedId(id)) {
      return Optional.empty();
    }
    List<Object> fields = eval("touch", TOUCH, RScript.ReturnType.MULTI,
        List.<Object>of(sessionPrefix + SessionIds.fingerprint(id)), Long.toString(ttl.toMillis()), userPrefix);
    Map<String, String> hash = new HashMap<>();
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      hash.put(String.valueOf(fields.get(i)), String.valueOf(fields.get(i + 1)));
    }
    return decode(id, hash);
  }

  @Override
  public boolean revoke(String id) {
    required(id, "LoginSession.id");
    if (!LoginSession.isWellFormedId(id)) {
      return false;
    }
    String fingerprint = SessionIds.fingerprint(id);
    Long r = eval("revoke", REVOKE, RScript.ReturnType.INTEGER, List.<Object>of(sessionPrefix + fingerprint),
        userPrefix, fingerprint);
    return r == 1L;
  }

  @Override
  public int revokeAll(String userId) {
    LoginSession.checkUserId(userId);
    Long n = eval("revokeAll", REVOKE_ALL, RScript.ReturnType.INTEGER, List.<Object>of(userPrefix + userId),
        sessionPrefix);
    return n.intValue();
  }

  private static Optional<LoginSession> decode(String id, Map<String, String> hash) {
    String userId = hash.get("userId");
    String created = hash.get("createdAtMillis");
    String expires = hash.get("expiresAtMillis");
    if (userId == null || created == null || expires == null) {
      return Optional.empty();
    }
    Map<String, String> attrs = new HashMap<>();
    for (Map.Entry<String, String> e : hash.entrySet()) {
      if (e.getKey().startsWith(ATTRIBUTE)) {
        attrs.put(e.getKey().substring(ATTRIBUTE.length()), e.getValue());
      }
    }
    return Optional.of(new LoginSession(id, userId, Long.parseLong(created), Long.parseLong(expires), attrs));
  }

  private <R> R eval(String operation, String lua, RScript.ReturnType type, List<Object> keys, Object... args) {
    try {
      return script.eval(RScript.Mode.READ_WRITE, lua, type, keys, args);
    } catch (RedisException e) {
      throw unavailable(operation, e);
    }
  }

  /** The message names the operation; Redis never saw a session id (only fingerprints), so it cannot quote one. */
  private static RedisUnavailableException unavailable(String operation, RedisException e) {
    return new RedisUnavailableException("Redis session store: " + operation + " failed: " + e.getMessage(), e);
  }

  @Override
  public String toString() {
    return "RedisLoginSessionStore[" + sessionPrefix + "*]";
  }
}
