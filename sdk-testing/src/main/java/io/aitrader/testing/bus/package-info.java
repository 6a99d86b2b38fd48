/**
 * The compatibility kit for {@link io.aitrader.api.bus.EventBus}: {@link io.aitrader.testing.bus.EventBusContract},
 * which the in-process bus of sdk-core and the Kafka connector's bus extend alike.
 */
@NullMarked
package io.aitrader.testing.bus;

import org.jspecify.annotations.NullMarked;
