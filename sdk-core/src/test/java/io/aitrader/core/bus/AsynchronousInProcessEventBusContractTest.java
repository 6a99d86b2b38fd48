package io.aitrader.core.bus;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.OverflowPolicy;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.testing.bus.EventBusContract;

/** The event bus kit on the in-process bus whose subscriptions default to asynchronous delivery (own thread). */
class AsynchronousInProcessEventBusContractTest extends EventBusContract {
  @Override
  protected EventBus newBus() {
    return InProcessEventBus.builder()
        .defaultOptions(SubscriptionOptions.asynchronous(4096, OverflowPolicy.BLOCK))
        .threadNamePrefix("kit-bus-")
        .build();
  }
}
