package io.aitrader.connector.redis;

import io.aitrader.api.users.LoginSessionStore;
import io.aitrader.testing.users.LoginSessionStoreContract;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * The Redis session store passes the SDK's kit, with two clients on one server as two gateway processes. Expiry runs
 * on the server's clock, so {@link #elapse(Duration)} does nothing and the kit waits for its short TTL to run out.
 */
class RedisLoginSessionStoreContractTest extends LoginSessionStoreContract {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private final String prefix = "sessions-kit-" + PREFIXES.incrementAndGet();
  private final RedisConnector first = RedisServer.shared().connect(prefix);
  private final RedisConnector second = RedisServer.shared().connect(prefix);

  @Override
  protected LoginSessionStore newStore() {
    return RedisLoginSessionStore.on(first);
  }

  @Override
  protected LoginSessionStore otherClient(LoginSessionStore firstStore) {
    return RedisLoginSessionStore.on(second);
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
