package io.aitrader.connector.redis;

import io.aitrader.api.lock.LockRegistry;
import io.aitrader.testing.lock.LeaseLockContract;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * The Redis locks pass the SDK's kit, with two clients on one server as two processes. Leases run on the server's
 * clock, so {@link #elapse(Duration)} does nothing and the kit waits for the short leases to run out.
 */
class RedisLockContractTest extends LeaseLockContract {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private final String prefix = "lock-kit-" + PREFIXES.incrementAndGet();
  private final RedisConnector first = RedisServer.shared().connect(prefix);
  private final RedisConnector second = RedisServer.shared().connect(prefix);

  @Override
  protected LockRegistry newRegistry() {
    return first.locks();
  }

  @Override
  protected LockRegistry otherClient(LockRegistry firstRegistry) {
    return second.locks();
  }

  @Override
  protected void elapse(Duration duration) {
    // the server's clock runs by itself
  }

  @AfterEach
  void closeClients() {
    first.client().getKeys().deleteByPattern(prefix + ":*");
    first.close();
    second.close();
  }
}
