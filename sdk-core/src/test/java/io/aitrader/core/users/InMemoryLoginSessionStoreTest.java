package io.aitrader.core.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.users.LoginSession;
import io.aitrader.api.users.LoginSessionStore;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.testing.users.LoginSessionStoreContract;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded session store passes the kit on a manual clock, and forgets expired sessions. */
class InMemoryLoginSessionStoreTest extends LoginSessionStoreContract {
  private final ManualTimeSource clock = new ManualTimeSource(T0);

  @Override
  protected LoginSessionStore newStore() {
    return new InMemoryLoginSessionStore(clock);
  }

  @Override
  protected LoginSessionStore otherClient(LoginSessionStore first) {
    return first;
  }

  @Override
  protected void elapse(Duration duration) {
    clock.advance(duration);
  }

  @Test
  void timesComeFromTheInjectedClockAndExpiryIsExclusive() {
    InMemoryLoginSessionStore store = new InMemoryLoginSessionStore(clock);

    LoginSession s = store.create("user-1", Duration.ofMinutes(5), Map.of());

    assertThat(s.createdAtMillis()).isEqualTo(T0);
    assertThat(s.expiresAtMillis()).isEqualTo(T0 + 300_000);
    clock.set(T0 + 299_999);
    assertThat(store.find(s.id())).isPresent();
    clock.set(T0 + 300_000);
    assertThat(store.find(s.id())).isEmpty();
  }

  @Test
  void expiredSessionsAreSweptSoMemoryFollowsTheLiveOnes() {
    InMemoryLoginSessionStore store = new InMemoryLoginSessionStore(clock);
    for (int i = 0; i < InMemoryLoginSessionStore.SWEEP_EVERY - 1; i++) {
      store.create("user-" + i, Duration.ofSeconds(1), Map.of());
    }
    clock.advance(Duration.ofSeconds(1));

    LoginSession live = store.create("someone-else", Duration.ofMinutes(1), Map.of());

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.find(live.id())).isPresent();
  }

  @Test
  void aUsersExpiredSessionsAreDroppedWhenItLogsInAgain() {
    InMemoryLoginSessionStore store = new InMemoryLoginSessionStore(clock);
    store.create("user-1", Duration.ofSeconds(1), Map.of());
    store.create("user-1", Duration.ofSeconds(1), Map.of());
    clock.advance(Duration.ofSeconds(2));

    store.create("user-1", Duration.ofMinutes(1), Map.of());

    assertThat(store.size()).isEqualTo(1);
  }
}
