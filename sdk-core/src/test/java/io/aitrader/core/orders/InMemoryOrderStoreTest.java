package io.aitrader.core.orders;

import io.aitrader.api.order.OrderStore;
import io.aitrader.testing.orders.OrderStoreContract;

class InMemoryOrderStoreTest extends OrderStoreContract {
  @Override
  protected OrderStore openStore() {
    return new InMemoryOrderStore();
  }

  @Override
  protected OrderStore reopenStore() {
    return new InMemoryOrderStore();
  }

  @Override
  protected boolean isDurable() {
    return false;
  }
}
