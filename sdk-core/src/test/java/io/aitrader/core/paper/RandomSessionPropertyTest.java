package io.aitrader.core.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Random sessions of orders, market events, modifications and cancellations: invariants of the paper broker. */
class RandomSessionPropertyTest {
  private static final long TICK = Price.of("0.05").units();

  /** The outcome of one scripted session. */
  private record Session(List<Object> events, List<String> violations, List<Order> orders, List<List<Fill>> trades) {}

  @Property(tries = 150)
  void everySessionIsLegalExactAndDeterministic(@ForAll long seed) {
    // when
    Session first = run(seed);
    Session second = run(seed);
    // then: the same input gives the same output
    assertThat(second.events()).isEqualTo(first.events());
    assertThat(first.violations()).isEmpty();
    for (int i = 0; i < first.orders().size(); i++) {
      Order order = first.orders().get(i);
      List<Fill> fills = first.trades().get(i);
      long quantity = 0;
      BigDecimal value = BigDecimal.ZERO;
      for (Fill fill : fills) {
        quantity += fill.quantity();
        value = value.add(fill.price().toBigDecimal().multiply(BigDecimal.valueOf(fill.quantity())));
        assertThat(fill.price().isMultipleOf(Price.ofUnits(TICK))).as("fill on the tick grid: %s", fill).isTrue();
      }
      assertThat(order.filledQuantity()).as("filled = Σ fills for %s", order).isEqualTo(quantity);
      if (quantity > 0) {
        Price reference = Price.of(value.divide(BigDecimal.valueOf(quantity), 4, RoundingMode.HALF_EVEN));
        assertThat(order.averageFillPrice()).as("exact average for %s", order).contains(reference);
      }
      if (order.request().validity() != Validity.GTC) {
        assertThat(order.isTerminal()).as("DAY/IOC orders are done after the end of day: %s", order).isTrue();
      }
    }
  }

  @Example
  void theGeneratedSessionsExerciseFillsPartialFillsTriggersAndCancellations() {
    // given
    long fills = 0;
    long partial = 0;
    long triggered = 0;
    long cancelled = 0;
    long modified = 0;
    for (long seed = 1; seed <= 30; seed++) {
      // when
      for (Object event : run(seed).events()) {
        if (event instanceof Fill) {
          fills++;
        } else if (event instanceof Order o) {
          partial += o.status() == OrderStatus.OPEN && o.filledQuantity() > 0 ? 1 : 0;
          triggered += o.request().orderType() == OrderType.SL_M && o.status() == OrderStatus.OPEN ? 1 : 0;
          cancelled += o.status() == OrderStatus.CANCELLED ? 1 : 0;
          modified += o.status() == OrderStatus.MODIFICATION_REQUESTED ? 1 : 0;
        }
      }
    }
    // then
    assertThat(List.of(fills, partial, triggered, cancelled, modified)).allMatch(n -> n > 0);
  }

  private static Session run(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PaperKit.Clock clock = new PaperKit.Clock();
    boolean bars = random.nextBoolean();
    Slippage slippage = switch (random.nextInt(3)) {
      case 0 -> Slippage.none();
      case 1 -> Slippage.fixedBps(3);
      default -> Slippage.halfSpread(3);
    };
    PaperBroker broker = PaperBroker.builder().timeSource(clock).fillMode(bars ? FillMode.BAR : FillMode.TICK)
        .slippage(slippage).maxVolumeShare(random.nextBoolean() ? 1.0 : 0.3)
        .limitFill(random.nextBoolean() ? LimitFill.THROUGH : LimitFill.TOUCH).build();
    EventRecorder recorder = new EventRecorder();
    broker.subscribe(recorder);
    long price = Price.of("100.00").units();
    long time = clock.now;
    for (int step = 0; step < 150; step++) {
      int action = random.nextInt(10);
      clock.now = time;
      if (action < 3) {
        place(broker, random, price, step);
      } else if (action == 3) {
        pick(broker, random).ifPresent(broker::cancel);
      } else if (action == 4) {
        long current = price;
        pick(broker, random).ifPresent(o -> modify(broker, random, o, current));
      } else {
        price = Math.max(20 * TICK, price + (random.nextInt(9) - 4) * TICK);
        time += 60_000;
        long quantity = random.nextInt(60);
        if (bars) {
          long high = price + random.nextInt(4) * TICK;
          long low = Math.max(TICK, price - random.nextInt(4) * TICK);
          broker.onBar(new Bar(PaperKit.RELIANCE, BarInterval.M1, time, time + 60_000, price, high, low, price,
              quantity, quantity * price, (int) quantity, true));
        } else {
          boolean quoted = random.nextBoolean();
          broker.onTick(new Tick(PaperKit.RELIANCE, time, price, quantity, quantity, quoted ? price - TICK : 0, 10,
              quoted ? price + TICK : 0, 10, 0));
        }
      }
    }
    broker.endOfDay(time + 60_000);
    List<Order> orders = broker.orders();
    return new Session(List.copyOf(recorder.events), List.copyOf(recorder.violations), orders,
        orders.stream().map(broker::trades).toList());
  }

  private static void place(PaperBroker broker, SplittableRandom random, long price, int step) {
    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
    OrderType type = OrderType.values()[random.nextInt(4)];
    Validity validity = List.of(Validity.DAY, Validity.IOC, Validity.GTC).get(random.nextInt(3));
    OrderRequest.Builder b = OrderRequest.builder().instrument(PaperKit.RELIANCE).side(side)
        .quantity(1 + random.nextInt(50)).orderType(type).product(io.aitrader.api.order.Product.MIS)
        .validity(validity).referenceId(String.format("prop-%06d", step)).strategyId("paper-prop");
    long trigger = Math.max(TICK, price + (1 + random.nextInt(6)) * TICK * side.sign());
    long limit = switch (type) {
      case LIMIT -> Math.max(TICK, price + (random.nextInt(7) - 3) * TICK);
      case SL -> Math.max(TICK, trigger + random.nextInt(4) * TICK * side.sign());
      default -> 0;
    };
    if (type.requiresLimitPrice()) {
      b.limitPrice(Price.ofUnits(limit));
    }
    if (type.requiresTriggerPrice()) {
      b.triggerPrice(Price.ofUnits(trigger));
    }
    broker.place(b.build());
  }

  private static void modify(PaperBroker broker, SplittableRandom random, Order order, long price) {
    try {
      OrderModification change = OrderModification.of(order.request()).withQuantity(order.request().quantity()
          + random.nextInt(3) - 1);
      if (order.request().orderType() == OrderType.LIMIT) {
        change = change.withLimitPrice(Price.ofUnits(Math.max(TICK, price + (random.nextInt(7) - 3) * TICK)));
      }
      broker.modify(order, change);
    } catch (OrderRejectedException expected) {
      assertThat(expected.reason()).isNotBlank();
    }
  }

  private static java.util.Optional<Order> pick(PaperBroker broker, SplittableRandom random) {
    List<Order> orders = broker.orders();
    return orders.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(orders.get(random.nextInt(orders.size())));
  }
}
