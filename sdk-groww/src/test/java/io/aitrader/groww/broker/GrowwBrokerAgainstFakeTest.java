package io.aitrader.groww.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.BrokerException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.groww.fake.RecordedRequest;
import io.aitrader.groww.rest.FakeGrowwFixture;
import io.aitrader.groww.rest.GrowwClient;
import io.aitrader.groww.rest.OrderPlacement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GrowwBroker} (the SDK's broker SPI) against the fake Groww: safe placement (timeout, 5xx, GA007), fills as
 * the fake's market moves, trades with exact prices, polling, modify and cancel, and the order list.
 */
class GrowwBrokerAgainstFakeTest {
  private static final String CREATE = "/v1/order/create";
  private static final AtomicInteger REFS = new AtomicInteger();

  static FakeGrowwFixture groww;
  static GrowwClient client;
  static InstrumentRepository instruments;

  GrowwBroker broker;

  @BeforeAll
  static void start() {
    groww = FakeGrowwFixture.start(b -> b.rateLimits(false));
    client = GrowwClient.create(groww.config(FakeGrowwFixture.totp()).rateLimiter(groww.generousLimiter(100)).build());
    instruments = GrowwInstruments.load(client);
  }

  @AfterAll
  static void stop() {
    groww.close();
  }

  @BeforeEach
  void reset() {
    groww.reset();
    broker = new GrowwBroker(client, instruments);
  }

  private static OrderRequest.Builder request(String symbol) {
    Instrument i = instruments.find(Exchange.NSE, symbol).orElseThrow();
    return OrderRequest.builder().instrument(i).side(Side.BUY).quantity(2).orderType(OrderType.MARKET)
        .product(Product.MIS).referenceId(String.format("brk-%08d", REFS.incrementAndGet())).strategyId("it");
  }

  private static OrderRequest farLimit(String symbol) {
    return request(symbol).orderType(OrderType.LIMIT).limitPrice(Price.of("10")).build();
  }

  private static long creates() {
    return groww.fake.requests(CREATE).size();
  }

  @Test
  void aMarketOrderFillsAsTheFakeAdvancesWithExactPricesAndPollingNotifiesTheFill() {
    List<Order> updates = new CopyOnWriteArrayList<>();
    List<Fill> notifiedFills = new CopyOnWriteArrayList<>();
    broker.subscribe(new OrderListener() {
      @Override
      public void onOrderUpdate(Order order) {
        updates.add(order);
      }

      @Override
      public void onFill(Fill fill) {
        notifiedFills.add(fill);
      }
    });
    Order placed = broker.place(request("RELIANCE").build());

    groww.fake.advanceBy(Duration.ofMinutes(1));
    List<Order> changed = broker.pollOpenOrders();
    Order now = broker.order(placed.referenceId()).orElseThrow();
    List<Fill> fills = broker.trades(now);

    Order fake = groww.fake.order(placed.brokerOrderId()).orElseThrow();
    assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(changed).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.EXECUTED));
    assertThat(updates).extracting(Order::status).containsExactly(OrderStatus.EXECUTED);
    assertThat(now.filledQuantity()).isEqualTo(2);
    assertThat(now.averageFillPrice()).isEqualTo(fake.averageFillPrice());
    assertThat(fills).isNotEmpty().allSatisfy(f -> {
      assertThat(f.referenceId()).isEqualTo(placed.referenceId());
      assertThat(f.brokerOrderId()).isEqualTo(placed.brokerOrderId());
      assertThat(f.side()).isEqualTo(Side.BUY);
    });
    assertThat(fills.stream().mapToLong(Fill::quantity).sum()).isEqualTo(2);
    assertThat(fills.get(0).price()).isEqualTo(fake.averageFillPrice().orElseThrow());
    assertThat(notifiedFills).as("polling reported the order's trades as fills, once each")
        .containsExactlyElementsOf(fills);
    assertThat(broker.pollOpenOrders()).isEmpty();
    assertThat(notifiedFills).hasSameSizeAs(fills);
  }

  @Test
  void aPlacementThatTimesOutIsLookedUpByReferenceAndNotSentAgain() {
    groww.fake.faults().delayNext(CREATE, FakeGrowwFixture.BEYOND_TIMEOUT);
    OrderRequest r = farLimit("TCS");

    Order o = broker.place(r);

    assertThat(creates()).isEqualTo(1);
    assertThat(groww.fake.requests("/v1/order/status/reference/" + r.referenceId())).isNotEmpty();
    assertThat(groww.fake.order(o.brokerOrderId())).isPresent();
    assertThat(o.referenceId()).isEqualTo(r.referenceId());
    assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
  }

  @Test
  void aPlacementThatGets5xxAndIsNotFoundIsSentOnceMoreWithTheSameReference() {
    groww.fake.faults().failNextWithError(CREATE, 500, "GA000", "internal error");
    OrderRequest r = farLimit("INFY");

    Order o = broker.place(r);

    List<RecordedRequest> sent = groww.fake.requests(CREATE);
    assertThat(sent).hasSize(2).allSatisfy(x -> assertThat(x.body())
        .contains("\"order_reference_id\":\"" + r.referenceId() + "\""));
    assertThat(groww.fake.requests("/v1/order/status/reference/")).hasSize(1);
    assertThat(groww.fake.order(o.brokerOrderId())).isPresent();
    assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
  }

  @Test
  void aReusedReferenceFetchesTheExistingOrderInsteadOfResending() {
    OrderRequest r = farLimit("SBIN");
    String existing = client.orders().place(OrderPlacement.of(r)).growwOrderId();
    groww.fake.clearRequests();

    Order o = broker.place(r);

    assertThat(o.brokerOrderId()).isEqualTo(existing);
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void whenTheLookupFailsTooTheOutcomeIsReportedUnknownAndRetryable() {
    groww.fake.faults().failNextWithError(CREATE, 503, "GA003", "busy");
    for (int i = 0; i <= client.config().maxRetries(); i++) {
      groww.fake.faults().failNextWithError("/v1/order/status/reference/", 503, "GA003", "busy");
    }
    OrderRequest r = farLimit("ITC");

    assertThatThrownBy(() -> broker.place(r)).isInstanceOf(BrokerException.class)
        .hasMessageContaining("outcome of order " + r.referenceId() + " is unknown")
        .matches(e -> ((BrokerException) e).isRetryable());
    assertThat(creates()).isEqualTo(1);
    assertThat(broker.order(r.referenceId())).isEmpty();
  }

  @Test
  void modifiesAndCancelsThroughTheFake() {
    Order placed = broker.place(farLimit("HDFCBANK"));

    Order modified = broker.modify(placed, OrderModification.of(placed.request()).withQuantity(5)
        .withLimitPrice(Price.of("11")));
    Order cancelling = broker.cancel(modified);
    Order after = broker.order(placed.referenceId()).orElseThrow();

    assertThat(modified.status()).isEqualTo(OrderStatus.MODIFICATION_REQUESTED);
    assertThat(modified.request().quantity()).isEqualTo(5);
    assertThat(groww.fake.order(placed.brokerOrderId()).orElseThrow().request().limitPrice())
        .contains(Price.of("11"));
    assertThat(cancelling.status()).isEqualTo(OrderStatus.CANCELLATION_REQUESTED);
    assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(broker.cancel(after)).isSameAs(after);
  }

  @Test
  void listsTheDaysOrdersIncludingOnesPlacedElsewhereAndSkipsUnknownInstruments() {
    Order mine = broker.place(farLimit("LT"));
    String elsewhere = client.orders().place(OrderPlacement.of(farLimit("AXISBANK"))).growwOrderId();
    InstrumentRepository withoutAxis = InMemoryInstrumentRepository.of(instruments.all().stream()
        .filter(i -> !i.tradingSymbol().equals("AXISBANK")).toList());

    List<Order> all = broker.orders();
    List<Order> known = new GrowwBroker(client, withoutAxis).orders();

    assertThat(all).extracting(Order::brokerOrderId).contains(mine.brokerOrderId(), elsewhere);
    assertThat(all).filteredOn(o -> o.brokerOrderId().equals(elsewhere)).singleElement()
        .satisfies(o -> assertThat(o.request().strategyId()).isEqualTo(OrderMapping.EXTERNAL_STRATEGY));
    assertThat(known).extracting(Order::brokerOrderId).contains(mine.brokerOrderId()).doesNotContain(elsewhere);
    assertThat(all).extracting(Order::createdAtMillis).isSorted();
  }

  @Test
  void listenersHearTheFillOfAnOrderPlacedBeforeThey() {
    Order placed = broker.place(request("BHARTIARTL").side(Side.BUY).build());
    List<Order> seen = new CopyOnWriteArrayList<>();
    broker.subscribe(new OrderListener() {
      @Override
      public void onOrderUpdate(Order order) {
        seen.add(order);
      }
    });

    groww.fake.advanceBy(Duration.ofMinutes(1));
    broker.pollOpenOrders();

    assertThat(seen).singleElement().satisfies(o -> {
      assertThat(o.referenceId()).isEqualTo(placed.referenceId());
      assertThat(o.status()).isEqualTo(OrderStatus.EXECUTED);
      assertThat(o.averageFillPrice()).isPresent();
    });
  }
}
