package io.aitrader.core.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.order.Order;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/** A broker on a settable clock with an {@link EventRecorder}; after each test, every emitted sequence must be legal. */
abstract class PaperBrokerTestBase {
  final PaperKit.Clock clock = new PaperKit.Clock();
  final EventRecorder events = new EventRecorder();
  PaperBroker broker = broker(b -> b);

  /** A broker with the test's clock and recorder, configured further by {@code config}. */
  PaperBroker broker(UnaryOperator<PaperBroker.Builder> config) {
    PaperBroker b = config.apply(PaperBroker.builder().timeSource(clock)).build();
    b.subscribe(events);
    return b;
  }

  /** The broker's latest state of {@code order}. */
  Order latest(Order order) {
    return broker.order(order.referenceId()).orElseThrow();
  }

  @AfterEach
  void everyEmittedSequenceIsLegal() {
    assertThat(events.violations).isEmpty();
  }
}
