package io.aitrader.core.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.lock.LeaseLock;
import io.aitrader.api.lock.LockRegistry;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.testing.lock.LeaseLockContract;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryLockRegistryTest extends LeaseLockContract {
  private final ManualTimeSource clock = new ManualTimeSource(T0);

  @Override
  protected LockRegistry newRegistry() {
    return new InMemoryLockRegistry(clock);
  }

  @Override
  protected LockRegistry otherClient(LockRegistry first) {
    return ((InMemoryLockRegistry) first).newClient();
  }

  @Override
  protected void elapse(Duration duration) {
    clock.advance(duration);
  }

  @Test
  void aWaiterSeesALeaseEndWhenTheClockPassesIt() throws Exception {
    InMemoryLockRegistry mine = new InMemoryLockRegistry(clock);
    LeaseLock other = mine.newClient().lock("svc");
    assertThat(mine.lock("svc").tryAcquire(Duration.ZERO, Duration.ofMillis(1))).isTrue();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      // the waiter re-checks the clock each time the lease would have ended in real time
      Future<Boolean> waiter = pool.submit(() -> other.tryAcquire(Duration.ofSeconds(30)) && other.release());

      clock.advance(Duration.ofMillis(1));

      assertThat(waiter.get(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void registriesMadeApartShareNothing() {
    assertThat(new InMemoryLockRegistry(clock).lock("svc").tryAcquire(Duration.ZERO)).isTrue();

    assertThat(new InMemoryLockRegistry(clock).lock("svc").isLocked()).isFalse();
  }
}
