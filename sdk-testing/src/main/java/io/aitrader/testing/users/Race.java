package io.aitrader.testing.users;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs several calls at once (released together by a latch) and collects their outcomes, for the kits' races. */
final class Race {
  private Race() {}

  /** The outcome of each of {@code n} calls made by {@code call.apply(i)} started together: a value or a throwable. */
  static List<Object> run(int n, IntFunction<Callable<?>> call) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<?> c = call.apply(i);
        futures.add(pool.submit(() -> {
          start.await();
          try {
            return c.call();
          } catch (RuntimeException e) {
            return e;
          }
        }));
      }
      start.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> f : futures) {
        try {
          outcomes.add(f.get(60, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          throw new AssertionError("a racing call did not finish: " + e, e);
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new AssertionError("race threads did not stop");
      }
    }
  }
}
