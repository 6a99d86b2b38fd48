package io.aitrader.core.users;

import io.aitrader.api.time.TimeSource;
import io.aitrader.api.users.ConfigStore;
import io.aitrader.testing.users.ConfigStoreContract;

/** The embedded configuration store passes the kit. */
class InMemoryConfigStoreTest extends ConfigStoreContract {
  @Override
  protected ConfigStore newStore(TimeSource clock) {
    return new InMemoryConfigStore(clock);
  }

  @Override
  protected ConfigStore otherClient(ConfigStore first, TimeSource clock) {
    return first;
  }
}
