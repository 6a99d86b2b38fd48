package io.aitrader.core.paper;

import static io.aitrader.core.paper.PaperKit.market;
import static io.aitrader.core.paper.PaperKit.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.Registration;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerTest extends PaperBrokerTestBase {

  @Test
  void aThrowingListenerDoesNotStopTheOthers() {
    // given: a listener that fails on everything, subscribed before the recorder
    PaperBroker b = PaperBroker.builder().timeSource(clock).build();
    List<Object> seenByThrower = new ArrayList<>();
    b.subscribe(new OrderListener() {
      @Override
      public void onOrderUpdate(Order order) {
        seenByThrower.add(order);
        throw new IllegalStateException("listener bug (expected by the test)");
      }

      @Override
      public void onFill(Fill fill) {
        seenByThrower.add(fill);
        throw new IllegalStateException("listener bug (expected by the test)");
      }
    });
    b.subscribe(events);
    b.onTick(trade("09:15:00", "2500.00", 1));
    // when
    Order placed = b.place(market(Side.BUY, 5));
    b.onTick(trade("09:15:01", "2500.00", 10));
    // then
    assertThat(events.events).hasSize(3);
    assertThat(seenByThrower).isEqualTo(events.events);
    assertThat(b.order(placed.referenceId()).orElseThrow().status()).isEqualTo(OrderStatus.EXECUTED);
  }

  @Test
  void closingTheRegistrationStopsCalls() {
    // given
    List<Order> seen = new ArrayList<>();
    Registration registration = broker.subscribe(seen::add);
    broker.onTick(trade("09:15:00", "2500.00", 1));
    broker.place(market(Side.BUY, 5));
    // when
    registration.close();
    registration.close();
    broker.onTick(trade("09:15:01", "2500.00", 10));
    // then
    assertThat(seen).hasSize(1);
    assertThat(events.updates()).hasSize(2);
  }

  @Test
  void anOrderPlacedFromAListenerDuringATickWaitsForTheNextTick() {
    // given: on each fill, the listener places the exit
    broker.onTick(trade("09:15:00", "2500.00", 1));
    List<Order> exits = new ArrayList<>();
    broker.subscribe(new OrderListener() {
      @Override
      public void onOrderUpdate(Order order) {}

      @Override
      public void onFill(Fill fill) {
        if (fill.side() == Side.BUY) {
          exits.add(broker.place(market(Side.SELL, fill.quantity())));
        }
      }
    });
    Order entry = broker.place(market(Side.BUY, 5));
    // when
    broker.onTick(trade("09:15:01", "2500.00", 10));
    Order exitAfterEntryTick = latest(exits.get(0));
    broker.onTick(trade("09:15:02", "2510.00", 10));
    // then: the entry's update is delivered before the exit's placement
    assertThat(exitAfterEntryTick.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(latest(exits.get(0)).averageFillPrice()).contains(PaperKit.price("2510.00"));
    List<Order> updates = events.updates();
    assertThat(updates.get(1).referenceId()).isEqualTo(entry.referenceId());
    assertThat(updates.get(1).status()).isEqualTo(OrderStatus.EXECUTED);
    assertThat(updates.get(2).referenceId()).isEqualTo(exits.get(0).referenceId());
  }
}
