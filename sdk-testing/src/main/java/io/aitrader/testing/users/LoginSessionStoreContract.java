package io.aitrader.testing.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.users.LoginSession;
import io.aitrader.api.users.LoginSessionStore;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link LoginSessionStore}: the embedded store in sdk-core and every connector (Redis)
 * extend this class and pass the same tests. It uses the SPI only.
 *
 * <pre>{@code
 * class InMemoryLoginSessionStoreTest extends LoginSessionStoreContract {
 *   private final ManualTimeSource clock = new ManualTimeSource(T0);
 *   protected LoginSessionStore newStore() { return new InMemoryLoginSessionStore(clock); }
 *   protected LoginSessionStore otherClient(LoginSessionStore first) { return first; }
 *   protected void elapse(Duration d) { clock.advance(d); }
 * }
 * }</pre>
 *
 * <p><b>Clients.</b> {@link #newStore()} is called once per test for a first client over fresh, empty data;
 * {@link #otherClient} for a second client over the same data, as another gateway process (an in-process store
 * returns {@code first}). Release clients and data in your own {@code @AfterEach}.
 *
 * <p><b>Time.</b> Expiry runs on the implementation's clock. {@link #elapse(Duration)} lets at least that much time
 * pass on it: an implementation on a manual clock advances it (no test waits in real time); one on a server clock
 * (Redis) does nothing, and the expiry cases use a short TTL ({@link #SHORT_TTL}) and then wait for the session to
 * go, with a deadline.
 */
public abstract class LoginSessionStoreContract {
  /** 2025-01-06 09:15 IST: a starting time for a manual clock. */
  protected static final long T0 = 1_736_135_100_000L;
  /** The TTL of the expiry cases: short, so a server clock passes it quickly. */
  protected static final Duration SHORT_TTL = Duration.ofMillis(300);
  private static final Duration TTL = Duration.ofMinutes(30);
  private static final Map<String, String> ATTRS = Map.of("client", "web", "ip", "203.0.113.7");

  /** A first client over fresh, empty data. */
  protected abstract LoginSessionStore newStore();

  /** A second client over the same data as {@code first}: another process. An in-process store returns it. */
  protected abstract LoginSessionStore otherClient(LoginSessionStore first);

  /** Lets at least {@code duration} pass on the implementation's expiry clock (see the type's notes). */
  protected abstract void elapse(Duration duration);

  private LoginSessionStore[] twoClients() {
    LoginSessionStore first = newStore();
    return new LoginSessionStore[] {first, otherClient(first)};
  }

  /** Waits (with a deadline) until {@code probe} is empty, for a clock that runs by itself. */
  private static <T> void awaitEmpty(Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (probe.get().isPresent() && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(5_000_000L);
    }
  }

  @Test
  void aCreatedSessionIsFoundByEveryClient() {
    LoginSessionStore[] c = twoClients();

    LoginSession s = c[0].create("user-1", TTL, ATTRS);

    assertThat(s.userId()).isEqualTo("user-1");
    assertThat(s.attributes()).isEqualTo(ATTRS);
    assertThat(s.expiresAtMillis() - s.createdAtMillis()).isEqualTo(TTL.toMillis());
    assertThat(c[1].find(s.id())).contains(s);
  }

  @Test
  void idsAreDistinctBase64UrlTokensOfAtLeast128Bits() {
    LoginSessionStore store = newStore();
    Set<String> ids = new HashSet<>();

    for (int i = 0; i < 200; i++) {
      ids.add(store.create("user-1", TTL, Map.of()).id());
    }

    assertThat(ids).hasSize(200);
    for (String id : ids) {
      assertThat(id).matches("[A-Za-z0-9_-]{22,}");
      assertThat(Base64.getUrlDecoder().decode(id).length).as("random bytes").isGreaterThanOrEqualTo(16);
    }
  }

  @Test
  void aSessionLivesUntilItsTtlHasRun() {
    LoginSessionStore[] c = twoClients();
    LoginSession s = c[0].create("user-1", TTL, Map.of());

    elapse(TTL.minusMinutes(1));

    assertThat(c[1].find(s.id())).contains(s);
  }

  @Test
  void aSessionExpiresAfterItsTtl() {
    LoginSessionStore[] c = twoClients();
    LoginSession s = c[0].create("user-1", SHORT_TTL, Map.of());
    LoginSession other = c[0].create("user-2", TTL, Map.of());
    assertThat(c[1].find(s.id())).isPresent();

    elapse(SHORT_TTL);
    awaitEmpty(() -> c[1].find(s.id()));

    assertThat(c[1].find(s.id())).as("expired").isEmpty();
    assertThat(c[1].touch(s.id(), TTL)).as("an expired session cannot be revived").isEmpty();
    assertThat(c[0].revoke(s.id())).isFalse();
    assertThat(c[0].find(other.id())).as("a longer session lives on").isPresent();
  }

  @Test
  void touchingSlidesTheExpiry() {
    LoginSessionStore[] c = twoClients();
    Duration ttl = Duration.ofMinutes(10);
    LoginSession s = c[0].create("user-1", ttl, ATTRS);
    elapse(Duration.ofMinutes(6));

    LoginSession touched = c[1].touch(s.id(), ttl).orElseThrow();
    elapse(Duration.ofMinutes(6));

    assertThat(touched.expiresAtMillis()).isGreaterThanOrEqualTo(s.expiresAtMillis());
    assertThat(touched.id()).isEqualTo(s.id());
    assertThat(touched.createdAtMillis()).isEqualTo(s.createdAtMillis());
    assertThat(touched.attributes()).isEqualTo(ATTRS);
    assertThat(c[0].find(s.id())).as("12 minutes after creation, 6 after the touch").contains(touched);
  }

  @Test
  void touchingWithAShortTtlShortensTheSession() {
    LoginSessionStore[] c = twoClients();
    LoginSession s = c[0].create("user-1", TTL, Map.of());

    LoginSession touched = c[1].touch(s.id(), SHORT_TTL).orElseThrow();
    elapse(SHORT_TTL);
    awaitEmpty(() -> c[0].find(s.id()));

    assertThat(touched.expiresAtMillis()).isLessThan(s.expiresAtMillis());
    assertThat(c[0].find(s.id())).isEmpty();
  }

  @Test
  void aRevokedSessionIsGoneForEveryClient() {
    LoginSessionStore[] c = twoClients();
    LoginSession s = c[0].create("user-1", TTL, Map.of());
    LoginSession kept = c[0].create("user-1", TTL, Map.of());

    assertThat(c[1].revoke(s.id())).isTrue();

    assertThat(c[0].find(s.id())).isEmpty();
    assertThat(c[0].touch(s.id(), TTL)).isEmpty();
    assertThat(c[0].revoke(s.id())).as("already revoked").isFalse();
    assertThat(c[0].find(kept.id())).isPresent();
  }

  @Test
  void revokeAllEndsEverySessionOfOneUserOnly() {
    LoginSessionStore[] c = twoClients();
    List<LoginSession> mine = List.of(c[0].create("user-1", TTL, Map.of()), c[1].create("user-1", TTL, Map.of()),
        c[0].create("user-1", Duration.ofHours(8), ATTRS));
    LoginSession theirs = c[0].create("user-2", TTL, Map.of());

    assertThat(c[1].revokeAll("user-1")).isEqualTo(3);

    for (LoginSession s : mine) {
      assertThat(c[0].find(s.id())).isEmpty();
    }
    assertThat(c[0].find(theirs.id())).isPresent();
    assertThat(c[0].revokeAll("user-1")).isZero();
    assertThat(c[0].revokeAll("nobody")).isZero();
    assertThat(c[0].create("user-1", TTL, Map.of()).userId()).as("the user can log in again").isEqualTo("user-1");
  }

  @Test
  void revokeAllCountsOnlyLiveSessions() {
    LoginSessionStore[] c = twoClients();
    LoginSession shortLived = c[0].create("user-1", SHORT_TTL, Map.of());
    c[0].create("user-1", TTL, Map.of());

    elapse(SHORT_TTL);
    awaitEmpty(() -> c[1].find(shortLived.id()));

    assertThat(c[1].revokeAll("user-1")).isEqualTo(1);
  }

  @Test
  void unknownAndMalformedIdsAreSimplyNotFound() {
    LoginSessionStore store = newStore();
    String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

    for (String id : List.of(unknown, "", "short", "not a token at all, with spaces and more than 22 chars",
        "x".repeat(10_000))) {
      assertThat(store.find(id)).as(id).isEmpty();
      assertThat(store.touch(id, TTL)).as(id).isEmpty();
      assertThat(store.revoke(id)).as(id).isFalse();
    }
  }

  @Test
  void attributesAreCopiedAndUnmodifiable() {
    LoginSessionStore[] c = twoClients();
    Map<String, String> given = new HashMap<>(ATTRS);
    LoginSession s = c[0].create("user-1", TTL, given);

    given.put("late", "change");

    assertThat(c[1].find(s.id()).orElseThrow().attributes()).isEqualTo(ATTRS);
    assertThatThrownBy(() -> s.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(c[1].find(c[0].create("user-1", TTL, Map.of()).id()).orElseThrow().attributes()).isEmpty();
  }

  @Test
  void refusesBadTtlsUserIdsAndAttributes() {
    LoginSessionStore store = newStore();

    assertThatThrownBy(() -> store.create("user-1", Duration.ZERO, Map.of())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("LoginSession.ttl");
    assertThatThrownBy(() -> store.create("user-1", Duration.ofDays(400), Map.of()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("LoginSession.ttl");
    assertThatThrownBy(() -> store.create("two words", TTL, Map.of())).isInstanceOf(ValidationException.class)
        .hasMessageContaining("LoginSession.userId");
    assertThatThrownBy(() -> store.create("user-1", TTL, Map.of("", "x"))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("attributes");
    LoginSession s = store.create("user-1", TTL, Map.of());
    assertThatThrownBy(() -> store.touch(s.id(), Duration.ofMillis(-5))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("LoginSession.ttl");
    assertThat(store.find(s.id())).as("the refused touch changed nothing").contains(s);
  }

  @Test
  void noSessionValueRevealsItsId() {
    LoginSession s = newStore().create("user-1", TTL, ATTRS);

    assertThat(s.toString()).doesNotContain(s.id()).contains("user-1");
    assertThatThrownBy(() -> new LoginSession(s.id() + "!", "user-1", T0, T0 + 1, Map.of()))
        .isInstanceOf(ValidationException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain(s.id()));
  }
}
