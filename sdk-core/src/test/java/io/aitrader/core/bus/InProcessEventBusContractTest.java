package io.aitrader.core.bus;

import io.aitrader.api.bus.EventBus;
import io.aitrader.testing.bus.EventBusContract;

/** The event bus kit on the in-process bus with its default, synchronous delivery. */
class InProcessEventBusContractTest extends EventBusContract {
  @Override
  protected EventBus newBus() {
    return InProcessEventBus.create();
  }

  /** Synchronous delivery: the kit checks right after publish returns instead of waiting. */
  @Override
  protected boolean deliversBeforePublishReturns() {
    return true;
  }
}
