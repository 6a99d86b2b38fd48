package io.aitrader.core.users;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.time.TimeSource;
import io.aitrader.api.users.LoginSession;
import io.aitrader.api.users.LoginSessionStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The embedded {@link LoginSessionStore}: sessions in this process's memory, for a single gateway process (they are
 * gone when it stops, so users log in again). The Redis connector's store replaces it to share sessions between
 * gateway instances and keep them across restarts.
 *
 * <pre>{@code
 * LoginSessionStore sessions = new InMemoryLoginSessionStore(clock);
 * LoginSession s = sessions.create(user.id(), Duration.ofHours(8), Map.of());
 * }</pre>
 *
 * <p><b>Time</b> is the injected {@link TimeSource}: a session is live while {@code clock} is before its expiry.
 * Expired sessions are dropped when looked up, when their user gets a new session, and in a sweep every
 * {@value #SWEEP_EVERY} creations, so memory follows the live sessions. Ids come from {@link SessionIds#newId()}.
 * Thread-safe: every operation holds this store's monitor (each is a few map operations).
 */
public final class InMemoryLoginSessionStore implements LoginSessionStore {
  /** How many creations between two sweeps of every expired session. */
  public static final int SWEEP_EVERY = 1024;

  private final TimeSource clock;
  private final Map<String, LoginSession> byId = new HashMap<>();
  private final Map<String, Set<String>> idsByUser = new HashMap<>();
  private int createdSinceSweep;

  /** An empty store timed by {@code clock}. */
  public InMemoryLoginSessionStore(TimeSource clock) {
    this.clock = required(clock, "InMemoryLoginSessionStore.clock");
  }

  @Override
  public LoginSession create(String userId, Duration ttl, Map<String, String> attributes) {
    LoginSession.checkUserId(userId);
    LoginSessionStore.checkTtl(ttl);
    Map<String, String> attrs = LoginSession.checkAttributes(attributes);
    synchronized (this) {
      long now = clock.currentTimeMillis();
      if (++createdSinceSweep >= SWEEP_EVERY) {
        createdSinceSweep = 0;
        sweep(now);
      }
      Set<String> ids = idsByUser.computeIfAbsent(userId, u -> new HashSet<>());
      for (Iterator<String> it = ids.iterator(); it.hasNext(); ) {
        String id = it.next();
        LoginSession old = byId.get(id);
        if (old == null || !old.isLiveAt(now)) {
          byId.remove(id);
          it.remove();
        }
      }
      LoginSession session = new LoginSession(SessionIds.newId(), userId, now, expiry(now, ttl), attrs);
      byId.put(session.id(), session);
      ids.add(session.id());
      return session;
    }
  }

  private static long expiry(long now, Duration ttl) {
    long ttlMillis = ttl.toMillis();
    return now > Long.MAX_VALUE - ttlMillis ? Long.MAX_VALUE : now + ttlMillis;
  }

  @Override
  public synchronized Optional<LoginSession> find(String id) {
    return Optional.ofNullable(live(id, clock.currentTimeMillis()));
  }

  /** The live session of {@code id}, or null; drops it if expired. */
  private @Nullable LoginSession live(String id, long now) {
    required(id, "LoginSession.id");
    LoginSession s = LoginSession.isWellFormedId(id) ? byId.get(id) : null;
    if (s != null && !s.isLiveAt(now)) {
      drop(s);
      return null;
    }
    return s;
  }

  @Override
  public synchronized Optional<LoginSession> touch(String id, Duration ttl) {
    LoginSessionStore.checkTtl(ttl);
    long now = clock.currentTimeMillis();
    LoginSession s = live(id, now);
    if (s == null) {
      return Optional.empty();
    }
    LoginSession touched = s.withExpiresAtMillis(Math.max(expiry(now, ttl), s.createdAtMillis() + 1));
    byId.put(id, touched);
    return Optional.of(touched);
  }

  @Override
  public synchronized boolean revoke(String id) {
    LoginSession s = live(id, clock.currentTimeMillis());
    if (s == null) {
      return false;
    }
    drop(s);
    return true;
  }

  @Override
  public synchronized int revokeAll(String userId) {
    LoginSession.checkUserId(userId);
    Set<String> ids = idsByUser.remove(userId);
    if (ids == null) {
      return 0;
    }
    long now = clock.currentTimeMillis();
    int live = 0;
    for (String id : ids) {
      LoginSession s = byId.remove(id);
      if (s != null && s.isLiveAt(now)) {
        live++;
      }
    }
    return live;
  }

  private void drop(LoginSession s) {
    byId.remove(s.id());
    Set<String> ids = idsByUser.get(s.userId());
    if (ids != null && ids.remove(s.id()) && ids.isEmpty()) {
      idsByUser.remove(s.userId());
    }
  }

  private void sweep(long now) {
    for (Iterator<LoginSession> it = byId.values().iterator(); it.hasNext(); ) {
      LoginSession s = it.next();
      if (!s.isLiveAt(now)) {
        it.remove();
        Set<String> ids = idsByUser.get(s.userId());
        if (ids != null && ids.remove(s.id()) && ids.isEmpty()) {
          idsByUser.remove(s.userId());
        }
      }
    }
  }

  /** How many sessions are held (live or not yet dropped). */
  public synchronized int size() {
    return byId.size();
  }

  @Override
  public synchronized String toString() {
    return "InMemoryLoginSessionStore[" + byId.size() + " sessions]";
  }
}
