package io.aitrader.connector.redis;

import io.aitrader.api.feature.FeatureCache;
import io.aitrader.testing.feature.FeatureCacheContract;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * The Redis feature cache passes the SDK's kit: the writer and the reader are two clients on one server. TTLs run on
 * the server's clock, so {@link #elapse(Duration)} does nothing and the kit waits for the short TTL to run out.
 */
class RedisFeatureCacheContractTest extends FeatureCacheContract {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private final String prefix = "features-kit-" + PREFIXES.incrementAndGet();
  private final RedisConnector writer = RedisServer.shared().connect(prefix);
  private final RedisConnector reader = RedisServer.shared().connect(prefix);

  @Override
  protected FeatureCache newCache(Duration ttl) {
    return writer.featureCache(ttl);
  }

  @Override
  protected FeatureCache otherClient(FeatureCache first) {
    return reader.featureCache(first.ttl());
  }

  @Override
  protected void elapse(Duration duration) {
    // the server's clock runs by itself
  }

  @AfterEach
  void closeClients() {
    writer.client().getKeys().deleteByPattern(prefix + ":*");
    writer.close();
    reader.close();
  }
}
