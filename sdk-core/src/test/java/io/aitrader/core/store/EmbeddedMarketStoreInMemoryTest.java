package io.aitrader.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.market.MarketStore;
import io.aitrader.testing.market.MarketStoreContract;
import org.junit.jupiter.api.Test;

class EmbeddedMarketStoreInMemoryTest extends MarketStoreContract {
  @Override
  protected MarketStore newStore() {
    return EmbeddedMarketStore.inMemory();
  }

  @Test
  void hasNoDirectory() {
    assertThat(EmbeddedMarketStore.inMemory().directory()).isEmpty();
    assertThat(store()).hasToString("EmbeddedMarketStore[in memory]");
  }
}
