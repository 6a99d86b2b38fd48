package io.aitrader.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.NotificationQueue;
import io.aitrader.testing.notify.NotificationQueueContract;
import org.junit.jupiter.api.Test;

class InMemoryNotificationQueueTest extends NotificationQueueContract {

  @Override
  protected NotificationQueue newQueue() {
    return new InMemoryNotificationQueue();
  }

  @Test
  void forgetsTheOldestAcknowledgedIdsAndDeadLettersBeyondItsLimits() {
    InMemoryNotificationQueue small = new InMemoryNotificationQueue(1_000, 1_000);
    Delivery first = delivery("slack", "first", T0);
    small.enqueue(first);
    small.ack(small.poll(T0).orElseThrow().id());
    Delivery firstDead = delivery("slack", "dead-0", T0);
    small.enqueue(firstDead);
    small.deadLetter(small.poll(T0).orElseThrow().id(), "gone");

    for (int i = 1; i <= 1_000; i++) {
      small.enqueue(delivery("slack", "k" + i, T0));
      small.ack(small.poll(T0).orElseThrow().id());
      small.enqueue(delivery("slack", "dead-" + i, T0));
      small.deadLetter(small.poll(T0).orElseThrow().id(), "gone");
    }

    assertThat(small.deadLetters()).hasSize(1_000).extracting(Delivery::id).doesNotContain(firstDead.id());
    assertThat(small.enqueue(first)).as("acknowledged 1001 ids ago").isTrue();
    assertThat(small.enqueue(firstDead)).as("dropped from the dead letters").isTrue();
  }

  @Test
  void refusesLimitsBelowWhatTheContractAsks() {
    assertThatThrownBy(() -> new InMemoryNotificationQueue(999, 1_000)).isInstanceOf(ValidationException.class)
        .hasMessage("InMemoryNotificationQueue.rememberAcknowledged must be >= 1000, was 999");
    assertThatThrownBy(() -> new InMemoryNotificationQueue(1_000, 0))
        .hasMessage("InMemoryNotificationQueue.maxDeadLetters must be >= 1000, was 0");
  }
}
