package io.aitrader.connector.redis;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.NotificationQueue;
import io.aitrader.api.notify.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * A {@link NotificationQueue} kept in Redis: deliveries survive a restart of the process, and any number of
 * processes share one queue by name, each due delivery handed to exactly one {@link #poll} among all of them.
 *
 * <pre>{@code
 * NotificationQueue queue = redis.notificationQueue("alerts");
 * NotificationService service = NotificationService.builder().queue(queue).channel(slack).build();
 * }</pre>
 *
 * <p><b>Keys</b> (all under {@code <prefix>:notify:{<name>}}, one hash slot):
 * <ul>
 *   <li>{@code :queue} — sorted set of queued deliveries, score = notBeforeMillis, member =
 *       {@code <16-digit sequence>|<id>} so deliveries due at the same time come out in enqueue order;</li>
 *   <li>{@code :inflight} — set of the ids handed out and not yet settled;</li>
 *   <li>{@code :dead} — sorted set of dead-lettered ids in the order they died;</li>
 *   <li>{@code :acked} — sorted set of the last {@code rememberAcknowledged} acknowledged ids;</li>
 *   <li>{@code :seq} — the sequence counter;</li>
 *   <li>{@code :d:<id>} — hash of one delivery (queued, in flight or dead): {@code id channel severity title body
 *       timestampMillis dedupKey attempts notBeforeMillis lastError seq}, all readable text.</li>
 * </ul>
 * Each operation is one Lua script (or one read), so it is atomic against every other client.
 *
 * <p>It remembers the last {@code rememberAcknowledged} acknowledged ids (default
 * {@value #DEFAULT_REMEMBERED_ACKNOWLEDGED}) and keeps the last {@code maxDeadLetters} dead letters (default
 * {@value #DEFAULT_MAX_DEAD_LETTERS}); older ones are dropped and their ids may be queued again. Thread-safe.
 * Operations throw {@link RedisUnavailableException} when Redis cannot be reached. Each call is one round trip
 * (about 0.1–0.2 ms on loopback); {@link #requeueInFlight()} and {@link #deadLetters()} are O(n) on the server.
 */
public final class RedisNotificationQueue implements NotificationQueue {
  /** How many acknowledged ids are remembered by default. */
  public static final int DEFAULT_REMEMBERED_ACKNOWLEDGED = 10_000;
  /** How many dead letters are kept by default. */
  public static final int DEFAULT_MAX_DEAD_LETTERS = 10_000;

  private static final String FIELDS =
      "'id','channel','severity','title','body','timestampMillis','dedupKey','attempts','notBeforeMillis','lastError'";
  private static final int FIELD_COUNT = 10;

  private static final String ENQUEUE = ""
      + "if redis.call('EXISTS', KEYS[4]) == 1 or redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 0 end\n"
      + "local seq = redis.call('INCR', KEYS[3])\n"
      + "redis.call('HSET', KEYS[4], 'id', ARGV[1], 'channel', ARGV[2], 'severity', ARGV[3], 'title', ARGV[4],"
      + " 'body', ARGV[5], 'timestampMillis', ARGV[6], 'dedupKey', ARGV[7], 'attempts', ARGV[8],"
      + " 'notBeforeMillis', ARGV[9], 'lastError', ARGV[10], 'seq', seq)\n"
      + "redis.call('ZADD', KEYS[1], ARGV[9], string.format('%016d', seq) .. '|' .. ARGV[1])\n"
      + "return 1";

  private static final String POLL = ""
      + "local m = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1)\n"
      + "if #m == 0 then return {} end\n"
      + "redis.call('ZREM', KEYS[1], m[1])\n"
      + "local id = string.sub(m[1], 18)\n"
      + "redis.call('SADD', KEYS[2], id)\n"
      + "return redis.call('HMGET', ARGV[2] .. id, " + FIELDS + ")";

  private static final String ACK = ""
      + "if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end\n"
      + "redis.call('DEL', KEYS[4])\n"
      + "redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])\n"
      + "redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[2]) + 1))\n"
      + "return 1";

  private static final String RETRY = ""
      + "if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end\n"
      + "local seq = redis.call('INCR', KEYS[3])\n"
      + "redis.call('HINCRBY', KEYS[4], 'attempts', 1)\n"
      + "redis.call('HSET', KEYS[4], 'notBeforeMillis', ARGV[2], 'lastError', ARGV[3], 'seq', seq)\n"
      + "redis.call('ZADD', KEYS[2], ARGV[2], string.format('%016d', seq) .. '|' .. ARGV[1])\n"
      + "return 1";

  private static final String RELEASE = ""
      + "if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end\n"
      + "local f = redis.call('HMGET', KEYS[3], 'seq', 'notBeforeMillis')\n"
      + "redis.call('ZADD', KEYS[2], f[2], string.format('%016d', tonumber(f[1])) .. '|' .. ARGV[1])\n"
      + "return 1";

  private static final String DEAD_LETTER = ""
      + "if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end\n"
      + "redis.call('HINCRBY', KEYS[4], 'attempts', 1)\n"
      + "redis.call('HSET', KEYS[4], 'lastError', ARGV[2])\n"
      + "redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])\n"
      + "local n = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])\n"
      + "if n > 0 then\n"
      + "  for _, old in ipairs(redis.call('ZRANGE', KEYS[2], 0, n - 1)) do redis.call('DEL', ARGV[4] .. old) end\n"
      + "  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, n - 1)\n"
      + "end\n"
      + "return 1";

  private static final String DEAD_LETTERS = ""
      + "local out = {}\n"
      + "for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do\n"
      + "  for _, v in ipairs(redis.call('HMGET', ARGV[1] .. id, " + FIELDS + ")) do out[#out + 1] = v end\n"
      + "end\n"
      + "return out";

  private static final String REQUEUE = ""
      + "local ids = redis.call('SMEMBERS', KEYS[1])\n"
      + "for _, id in ipairs(ids) do\n"
      + "  local f = redis.call('HMGET', ARGV[1] .. id, 'seq', 'notBeforeMillis')\n"
      + "  redis.call('ZADD', KEYS[2], f[2], string.format('%016d', tonumber(f[1])) .. '|' .. id)\n"
      + "end\n"
      + "redis.call('DEL', KEYS[1])\n"
      + "return #ids";

  private final RedissonClient client;
  private final RScript script;
  private final String name;
  private final int rememberAcknowledged;
  private final int maxDeadLetters;
  private final String queueKey;
  private final String inFlightKey;
  private final String deadKey;
  private final String ackedKey;
  private final String seqKey;
  private final String dataPrefix;

  RedisNotificationQueue(RedisConnector connector, String name, int rememberAcknowledged, int maxDeadLetters) {
    check(rememberAcknowledged >= 1_000, "RedisNotificationQueue.rememberAcknowledged", "must be >= 1000",
        rememberAcknowledged);
    check(maxDeadLetters >= 1_000, "RedisNotificationQueue.maxDeadLetters", "must be >= 1000", maxDeadLetters);
    this.client = connector.client();
    this.script = client.getScript(StringCodec.INSTANCE);
    this.name = name;
    this.rememberAcknowledged = rememberAcknowledged;
    this.maxDeadLetters = maxDeadLetters;
    String base = connector.key("notify", "{" + name + "}");
    this.queueKey = base + ":queue";
    this.inFlightKey = base + ":inflight";
    this.deadKey = base + ":dead";
    this.ackedKey = base + ":acked";
    this.seqKey = base + ":seq";
    this.dataPrefix = base + ":d:";
  }

  /** The queue's name (shared by every client that asks for it). */
  public String name() {
    return name;
  }

  /** Every key of this queue: for operators and for tests that drop it. */
  public String keyPattern() {
    return queueKey.substring(0, queueKey.length() - "queue".length()) + "*";
  }

  @Override
  public boolean enqueue(Delivery delivery) {
    required(delivery, "NotificationQueue.delivery");
    Notification n = delivery.notification();
    Long r = eval("enqueue", ENQUEUE, RScript.ReturnType.INTEGER,
        List.<Object>of(queueKey, ackedKey, seqKey, dataPrefix + delivery.id()),
        delivery.id(), delivery.channel(), n.severity().name(), n.title(), n.body(),
        Long.toString(n.timestampMillis()), n.dedupKey(), Integer.toString(delivery.attempts()),
        Long.toString(delivery.notBeforeMillis()), delivery.lastError());
    return r == 1L;
  }

  @Override
  public Optional<Delivery> poll(long nowMillis) {
    List<Object> fields = eval("poll", POLL, RScript.ReturnType.MULTI, List.<Object>of(queueKey, inFlightKey),
        Long.toString(nowMillis), dataPrefix);
    return fields.isEmpty() ? Optional.empty() : Optional.of(decode(fields, 0));
  }

  @Override
  public OptionalLong nextDueMillis() {
    try {
      Double first = client.<String>getScoredSortedSet(queueKey, StringCodec.INSTANCE).firstScore();
      return first == null ? OptionalLong.empty() : OptionalLong.of(first.longValue());
    } catch (RedisException e) {
      throw unavailable("nextDueMillis", e);
    }
  }

  @Override
  public boolean ack(String id) {
    requireText(id, "NotificationQueue.id");
    Long r = eval("ack", ACK, RScript.ReturnType.INTEGER, List.<Object>of(inFlightKey, ackedKey, seqKey, dataPrefix + id),
        id, Integer.toString(rememberAcknowledged));
    return r == 1L;
  }

  @Override
  public boolean retry(String id, long notBeforeMillis, String error) {
    requireText(id, "NotificationQueue.id");
    check(notBeforeMillis >= 0, "NotificationQueue.notBeforeMillis", "must be >= 0", notBeforeMillis);
    required(error, "NotificationQueue.error");
    Long r = eval("retry", RETRY, RScript.ReturnType.INTEGER, List.<Object>of(inFlightKey, queueKey, seqKey, dataPrefix + id),
        id, Long.toString(notBeforeMillis), error);
    return r == 1L;
  }

  @Override
  public boolean release(String id) {
    requireText(id, "NotificationQueue.id");
    Long r = eval("release", RELEASE, RScript.ReturnType.INTEGER, List.<Object>of(inFlightKey, queueKey, dataPrefix + id),
        id);
    return r == 1L;
  }

  @Override
  public boolean deadLetter(String id, String error) {
    requireText(id, "NotificationQueue.id");
    required(error, "NotificationQueue.error");
    Long r = eval("deadLetter", DEAD_LETTER, RScript.ReturnType.INTEGER,
        List.<Object>of(inFlightKey, deadKey, seqKey, dataPrefix + id), id, error, Integer.toString(maxDeadLetters),
        dataPrefix);
    return r == 1L;
  }

  @Override
  public List<Delivery> deadLetters() {
    List<Object> fields = eval("deadLetters", DEAD_LETTERS, RScript.ReturnType.MULTI, List.<Object>of(deadKey), dataPrefix);
    List<Delivery> out = new ArrayList<>(fields.size() / FIELD_COUNT);
    for (int i = 0; i + FIELD_COUNT <= fields.size(); i += FIELD_COUNT) {
      out.add(decode(fields, i));
    }
    return List.copyOf(out);
  }

  @Override
  public int size() {
    try {
      return client.getScoredSortedSet(queueKey, StringCodec.INSTANCE).size();
    } catch (RedisException e) {
      throw unavailable("size", e);
    }
  }

  @Override
  public int inFlight() {
    try {
      return client.getSet(inFlightKey, StringCodec.INSTANCE).size();
    } catch (RedisException e) {
      throw unavailable("inFlight", e);
    }
  }

  @Override
  public int requeueInFlight() {
    Long r = eval("requeueInFlight", REQUEUE, RScript.ReturnType.INTEGER, List.<Object>of(inFlightKey, queueKey),
        dataPrefix);
    return r.intValue();
  }

  @Override
  public String toString() {
    return "RedisNotificationQueue[" + name + "]";
  }

  private <R> R eval(String operation, String lua, RScript.ReturnType type, List<Object> keys, Object... args) {
    try {
      return script.eval(RScript.Mode.READ_WRITE, lua, type, keys, args);
    } catch (RedisException e) {
      throw unavailable(operation, e);
    }
  }

  private RedisUnavailableException unavailable(String operation, RedisException e) {
    return new RedisUnavailableException("Redis notification queue '" + name + "': " + operation + " failed: "
        + e.getMessage(), e);
  }

  private static Delivery decode(List<Object> f, int at) {
    Notification n = new Notification(Severity.valueOf(text(f, at + 2)), text(f, at + 3), text(f, at + 4),
        Long.parseLong(text(f, at + 5)), text(f, at + 6));
    return new Delivery(text(f, at), text(f, at + 1), n, Integer.parseInt(text(f, at + 7)),
        Long.parseLong(text(f, at + 8)), text(f, at + 9));
  }

  private static String text(List<Object> fields, int index) {
    Object v = fields.get(index);
    if (v == null) {
      throw new IllegalStateException("Redis notification queue: a stored delivery lacks field #" + (index % FIELD_COUNT)
          + " (written by another version?)");
    }
    return v.toString();
  }
}
