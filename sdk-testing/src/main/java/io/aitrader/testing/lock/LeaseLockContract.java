package io.aitrader.testing.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.lock.LeaseLock;
import io.aitrader.api.lock.LockRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link LockRegistry} and {@link LeaseLock}: the embedded registry in sdk-core and every
 * connector (Redis) extend this class and pass the same tests. It uses the SPI only.
 *
 * <pre>{@code
 * class InMemoryLockRegistryTest extends LeaseLockContract {
 *   private final ManualTimeSource clock = new ManualTimeSource(T0);
 *   protected LockRegistry newRegistry() { return new InMemoryLockRegistry(clock); }
 *   protected LockRegistry otherClient(LockRegistry first) { return ((InMemoryLockRegistry) first).newClient(); }
 *   protected void elapse(Duration d) { clock.advance(d); }
 * }
 * }</pre>
 *
 * <p><b>Clients.</b> {@link #newRegistry()} is called once per test for a first client over fresh lock state (no lock
 * held); {@link #otherClient(LockRegistry)} for a second client over the same state, as another process. The holder
 * of a lock is a thread of a client, so the two clients' locks on the test thread are different holders.
 *
 * <p><b>Time.</b> Leases run on the implementation's clock. {@link #elapse(Duration)} lets at least that much time
 * pass on it: an implementation on a manual clock advances it (no test then waits in real time); one on a server
 * clock (Redis) does nothing, and the kit's leases are short (300 ms) with blocking acquires of a long timeout, so
 * it waits only as long as the lease really runs.
 */
public abstract class LeaseLockContract {
  /** 2025-01-06 09:15 IST: a starting time for a manual clock. */
  protected static final long T0 = 1_736_135_100_000L;
  /** The lease of the lease-expiry cases: short, so a server clock passes it quickly. */
  protected static final Duration SHORT_LEASE = Duration.ofMillis(300);
  private static final Duration LONG_WAIT = Duration.ofSeconds(20);

  private LockRegistry mine;
  private LockRegistry theirs;
  private ExecutorService threads;

  /** A first client over fresh lock state. */
  protected abstract LockRegistry newRegistry();

  /** A second client over the same lock state as {@code first}: another process. */
  protected abstract LockRegistry otherClient(LockRegistry first);

  /** Lets at least {@code duration} pass on the implementation's lease clock (see the type's notes). */
  protected abstract void elapse(Duration duration);

  @BeforeEach
  void openClients() {
    mine = newRegistry();
    theirs = otherClient(mine);
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).as("kit threads stopped").isTrue();
  }

  private <T> T onAnotherThread(Callable<T> action) throws Exception {
    return threads.submit(action).get(60, TimeUnit.SECONDS);
  }

  @Test
  void aSecondClientCannotAcquireOrReleaseWhileTheFirstHoldsIt() {
    LeaseLock lock = mine.lock("orders:ACC-1");
    LeaseLock other = theirs.lock("orders:ACC-1");

    assertThat(lock.tryAcquire(Duration.ZERO)).isTrue();

    assertThat(other.tryAcquire(Duration.ofMillis(50))).isFalse();
    assertThat(other.isLocked()).isTrue();
    assertThat(other.isHeldByCurrentThread()).isFalse();
    assertThat(other.release()).as("not theirs to release").isFalse();
    assertThat(lock.isHeldByCurrentThread()).as("a refused release changes nothing").isTrue();
    assertThat(lock.name()).isEqualTo("orders:ACC-1");
  }

  @Test
  void onceReleasedTheOtherClientTakesOver() {
    LeaseLock lock = mine.lock("orders:ACC-1");
    LeaseLock other = theirs.lock("orders:ACC-1");
    assertThat(lock.tryAcquire(Duration.ZERO)).isTrue();

    assertThat(lock.release()).isTrue();

    assertThat(lock.isLocked()).isFalse();
    assertThat(other.tryAcquire(Duration.ZERO)).isTrue();
    assertThat(lock.tryAcquire(Duration.ZERO)).isFalse();
    assertThat(other.release()).isTrue();
    assertThat(lock.release()).as("released already").isFalse();
    assertThat(other.isLocked()).isFalse();
  }

  @Test
  void aWaitingClientGetsTheLockWhenTheHolderReleasesIt() throws Exception {
    LeaseLock lock = mine.lock("svc");
    assertThat(lock.tryAcquire(Duration.ZERO)).isTrue();
    LeaseLock other = theirs.lock("svc");
    Future<Boolean> waiter = threads.submit(() -> {
      boolean got = other.tryAcquire(LONG_WAIT);
      return got && other.isHeldByCurrentThread() && other.release();
    });

    assertThat(lock.release()).isTrue();

    assertThat(waiter.get(60, TimeUnit.SECONDS)).as("acquired, held, released by the waiter").isTrue();
  }

  @Test
  void locksWithOtherNamesAreIndependent() {
    assertThat(mine.lock("orders:ACC-1").tryAcquire(Duration.ZERO)).isTrue();

    assertThat(theirs.lock("orders:ACC-2").tryAcquire(Duration.ZERO)).isTrue();
    assertThat(theirs.lock("orders:ACC-1").isLocked()).isTrue();
  }

  @Test
  void twoHandlesOfOneClientOnOneThreadAreOneHolder() {
    assertThat(mine.lock("svc").tryAcquire(Duration.ZERO)).isTrue();

    assertThat(mine.lock("svc").isHeldByCurrentThread()).isTrue();
    assertThat(mine.lock("svc").release()).isTrue();
    assertThat(theirs.lock("svc").isLocked()).isFalse();
  }

  @Test
  void theLeaseFreesTheLockOfAHolderThatNeverReleasesIt() {
    // given: the first instance takes a short lease and never releases it (it died)
    assertThat(mine.lock("svc").tryAcquire(Duration.ZERO, SHORT_LEASE)).isTrue();
    assertThat(theirs.lock("svc").tryAcquire(Duration.ZERO)).isFalse();

    // when the lease has run
    elapse(SHORT_LEASE);

    // then the other instance gets it, and the first holds nothing any more
    assertThat(theirs.lock("svc").tryAcquire(LONG_WAIT)).isTrue();
    assertThat(mine.lock("svc").isHeldByCurrentThread()).isFalse();
    assertThat(mine.lock("svc").release()).isFalse();
    assertThat(theirs.lock("svc").isHeldByCurrentThread()).isTrue();
  }

  @Test
  void withinItsLeaseTheHoldStaysExclusive() {
    assertThat(mine.lock("svc").tryAcquire(Duration.ZERO, Duration.ofMinutes(10))).isTrue();

    elapse(Duration.ofMinutes(9));

    assertThat(theirs.lock("svc").tryAcquire(Duration.ZERO)).isFalse();
    assertThat(mine.lock("svc").isHeldByCurrentThread()).isTrue();
  }

  @Test
  void aLockWithoutLeaseIsHeldUntilReleased() {
    assertThat(mine.lock("svc").tryAcquire(Duration.ZERO)).isTrue();

    elapse(Duration.ofMinutes(5));

    assertThat(theirs.lock("svc").tryAcquire(Duration.ZERO)).isFalse();
    assertThat(mine.lock("svc").release()).isTrue();
    assertThat(theirs.lock("svc").tryAcquire(Duration.ZERO)).isTrue();
  }

  @Test
  void onlyTheAcquiringThreadHoldsIt() throws Exception {
    LeaseLock lock = mine.lock("svc");
    assertThat(lock.tryAcquire(Duration.ZERO)).isTrue();

    boolean otherThreadHolds = onAnotherThread(lock::isHeldByCurrentThread);
    boolean otherThreadReleased = onAnotherThread(lock::release);
    boolean otherThreadAcquired = onAnotherThread(() -> lock.tryAcquire(Duration.ZERO));

    assertThat(otherThreadHolds).isFalse();
    assertThat(otherThreadReleased).isFalse();
    assertThat(otherThreadAcquired).isFalse();
    assertThat(lock.release()).isTrue();
  }

  @Test
  void itIsReentrantAndReleasedOncePerAcquire() {
    LeaseLock lock = mine.lock("svc");
    assertThat(lock.tryAcquire(Duration.ZERO)).isTrue();
    assertThat(lock.tryAcquire(Duration.ZERO)).as("again, by the holder").isTrue();

    assertThat(lock.release()).isTrue();
    assertThat(theirs.lock("svc").tryAcquire(Duration.ZERO)).as("still held once").isFalse();
    assertThat(lock.release()).isTrue();

    assertThat(lock.isLocked()).isFalse();
    assertThat(lock.release()).isFalse();
  }

  @Test
  void anInterruptedWaiterGivesUpAndKeepsItsInterruptFlag() throws Exception {
    assertThat(mine.lock("svc").tryAcquire(Duration.ZERO)).isTrue();
    LeaseLock other = theirs.lock("svc");

    boolean[] result = onAnotherThread(() -> {
      Thread.currentThread().interrupt();
      boolean got = other.tryAcquire(LONG_WAIT);
      return new boolean[] {got, Thread.interrupted()};
    });

    assertThat(result[0]).as("acquired").isFalse();
    assertThat(result[1]).as("interrupt flag kept").isTrue();
    assertThat(mine.lock("svc").isHeldByCurrentThread()).isTrue();
  }

  @Test
  void refusesNegativeWaitsShortLeasesAndBadNames() {
    LeaseLock lock = mine.lock("svc");

    assertThatThrownBy(() -> lock.tryAcquire(Duration.ofMillis(-1))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("wait");
    assertThatThrownBy(() -> lock.tryAcquire(Duration.ZERO, Duration.ZERO)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("lease");
    assertThatThrownBy(() -> mine.lock("")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> mine.lock("two words")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("two words");
    assertThat(lock.isLocked()).as("nothing was acquired").isFalse();
  }

  @Test
  void aHolderOnAnotherThreadIsSeenAsLockedByEveryone() throws Exception {
    LeaseLock lock = mine.lock("svc");
    CompletableFuture<Void> release = new CompletableFuture<>();
    Future<Boolean> holder = threads.submit(() -> {
      boolean got = lock.tryAcquire(Duration.ZERO);
      release.get(60, TimeUnit.SECONDS);
      return got && lock.release();
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!lock.isLocked() && !holder.isDone() && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(1_000_000L);
    }

    try {
      assertThat(lock.isLocked()).isTrue();
      assertThat(lock.isHeldByCurrentThread()).isFalse();
      assertThat(theirs.lock("svc").tryAcquire(Duration.ZERO)).isFalse();
    } finally {
      release.complete(null);
    }
    assertThat(holder.get(60, TimeUnit.SECONDS)).isTrue();
    assertThat(lock.isLocked()).isFalse();
  }
}
