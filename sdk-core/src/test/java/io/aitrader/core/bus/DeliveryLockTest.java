package io.aitrader.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeliveryLockTest {

  @Test
  void theOwnerMayTakeItAgainAndOnlyTheLastUnlockFreesIt() throws InterruptedException {
    DeliveryLock lock = new DeliveryLock();
    lock.lock();
    lock.lock();
    lock.unlock();
    assertThat(lock.isHeldByCurrentThread()).isTrue();
    assertThat(tryFromAnotherThread(lock)).isFalse();

    lock.unlock();

    assertThat(lock.isHeldByCurrentThread()).isFalse();
    assertThat(tryFromAnotherThread(lock)).isTrue();
  }

  @Test
  void tryLockGivesUpAtTheDeadlineWhileAnotherThreadHoldsIt() throws InterruptedException {
    DeliveryLock lock = new DeliveryLock();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      lock.lock();
      held.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        lock.unlock();
      }
    });
    holder.start();
    assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

    boolean taken = lock.tryLock(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5));

    release.countDown();
    holder.join(30_000);
    assertThat(taken).isFalse();
    assertThat(lock.tryLock(System.nanoTime() + TimeUnit.SECONDS.toNanos(30))).isTrue();
  }

  @Test
  void unlockingALockHeldByAnotherThreadFails() throws InterruptedException {
    DeliveryLock lock = new DeliveryLock();
    Thread other = new Thread(lock::lock);
    other.start();
    other.join(30_000);

    assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class)
        .hasMessageContaining("not held by");
  }

  @Test
  void threadsTakingItInTurnNeverOverlapAndLoseNoUpdate() throws InterruptedException {
    DeliveryLock lock = new DeliveryLock();
    int threads = 4;
    int rounds = 20_000;
    long[] counter = {0};
    AtomicBoolean inside = new AtomicBoolean();
    AtomicBoolean overlapped = new AtomicBoolean();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        for (int i = 0; i < rounds; i++) {
          lock.lock();
          try {
            if (!inside.compareAndSet(false, true)) {
              overlapped.set(true);
            }
            counter[0]++;
            inside.set(false);
          } finally {
            lock.unlock();
          }
        }
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join(60_000);
    }

    assertThat(overlapped).isFalse();
    lock.lock();
    try {
      assertThat(counter[0]).isEqualTo((long) threads * rounds);
    } finally {
      lock.unlock();
    }
  }

  private static boolean tryFromAnotherThread(DeliveryLock lock) throws InterruptedException {
    AtomicBoolean taken = new AtomicBoolean();
    Thread other = new Thread(() -> {
      try {
        boolean ok = lock.tryLock(System.nanoTime());
        taken.set(ok);
        if (ok) {
          lock.unlock();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    other.start();
    other.join(30_000);
    return taken.get();
  }
}
