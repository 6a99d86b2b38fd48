package io.aitrader.connector.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisLockTest {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private final String prefix = "lock-test-" + PREFIXES.incrementAndGet();
  /** Two clients, as if two instances of the order service. */
  private final RedisConnector first = RedisServer.shared().connect(prefix);
  private final RedisConnector second = RedisServer.shared().connect(prefix);

  @AfterEach
  void closeClients() {
    first.client().getKeys().deleteByPattern(prefix + ":*");
    first.close();
    second.close();
  }

  @Test
  void aSecondClientCannotAcquireWhileTheFirstHoldsIt() {
    RedisLock mine = first.lock("orders:ACC-1");
    RedisLock theirs = second.lock("orders:ACC-1");

    // given
    assertThat(mine.tryAcquire(Duration.ZERO)).isTrue();

    // then
    assertThat(theirs.tryAcquire(Duration.ofMillis(50))).isFalse();
    assertThat(theirs.isLocked()).isTrue();
    assertThat(theirs.isHeldByCurrentThread()).isFalse();
    assertThat(theirs.release()).as("not theirs to release").isFalse();

    // when released, the other instance takes over
    assertThat(mine.release()).isTrue();
    assertThat(theirs.tryAcquire(Duration.ZERO)).isTrue();
    assertThat(mine.tryAcquire(Duration.ZERO)).isFalse();
    assertThat(theirs.release()).isTrue();
    assertThat(mine.isLocked()).isFalse();
  }

  @Test
  void locksWithOtherNamesAreIndependent() {
    assertThat(first.lock("orders:ACC-1").tryAcquire(Duration.ZERO)).isTrue();

    assertThat(second.lock("orders:ACC-2").tryAcquire(Duration.ZERO)).isTrue();
  }

  @Test
  void aWaitingClientGetsTheLockWhenTheLeaseRunsOut() {
    // given: the first instance takes a short lease and never releases it (it died)
    assertThat(first.lock("svc").tryAcquire(Duration.ZERO, Duration.ofMillis(300))).isTrue();

    // when / then: the second one waits and gets it once the lease expires
    assertThat(second.lock("svc").tryAcquire(Duration.ofSeconds(20))).isTrue();
    assertThat(first.lock("svc").release()).isFalse();
  }

  @Test
  void onlyTheAcquiringThreadOwnsIt() throws Exception {
    RedisLock lock = first.lock("svc");
    assertThat(lock.tryAcquire(Duration.ZERO)).isTrue();

    boolean otherThreadReleased = CompletableFuture.supplyAsync(lock::release).get(10, TimeUnit.SECONDS);
    boolean otherThreadAcquired = CompletableFuture.supplyAsync(() -> lock.tryAcquire(Duration.ZERO))
        .get(10, TimeUnit.SECONDS);

    assertThat(otherThreadReleased).isFalse();
    assertThat(otherThreadAcquired).isFalse();
    assertThat(lock.release()).isTrue();
  }
}
