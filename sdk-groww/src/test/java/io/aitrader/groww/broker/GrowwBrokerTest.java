package io.aitrader.groww.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.BrokerException;
import io.aitrader.api.Secret;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.time.ManualTimeSource;
import io.aitrader.groww.auth.GrowwCredentials;
import io.aitrader.groww.rest.GrowwClient;
import io.aitrader.groww.rest.GrowwClientConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrowwBrokerTest {
  private static final InMemoryInstrumentRepository REPO = InMemoryInstrumentRepository.bundledNse();
  private static final String ACK = "{\"groww_order_id\":\"GMK1\",\"order_status\":\"OPEN\","
      + "\"order_reference_id\":\"ref-00000001\",\"remark\":\"Order placed\"}";
  private static final String STATUS = "{\"groww_order_id\":\"GMK1\",\"order_status\":\"ACKED\","
      + "\"filled_quantity\":0,\"order_reference_id\":\"ref-00000001\"}";

  private StubServer server;
  private final ManualTimeSource clock = new ManualTimeSource(1_736_140_000_000L);

  @BeforeEach
  void start() throws Exception {
    server = new StubServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GrowwBroker broker() {
    GrowwClient client = GrowwClient.create(GrowwClientConfig.builder()
        .credentials(new GrowwCredentials.AccessToken(Secret.of("tok"))).baseUrl(server.baseUrl()).clock(clock)
        .sleeper(ms -> clock.advance(Duration.ofMillis(ms))).requestTimeout(Duration.ofMillis(300)).build());
    return new GrowwBroker(client, REPO);
  }

  private static OrderRequest request() {
    Instrument i = REPO.all().stream().filter(x -> x.type().isTradable()).findFirst().orElseThrow();
    return OrderRequest.builder().instrument(i).side(Side.BUY).quantity(i.lotSize()).orderType(OrderType.MARKET)
        .product(Product.CNC).referenceId("ref-00000001").strategyId("test").build();
  }

  private long creates() {
    return server.requests.stream().filter(r -> r.path().equals("/v1/order/create")).count();
  }

  @Test
  void placesAnOrderAndMapsOpen() {
    server.thenSuccess(ACK);
    Order o = broker().place(request());
    assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(o.brokerOrderId()).isEqualTo("GMK1");
    assertThat(o.remark()).contains("Order placed");
    assertThat(server.requests.get(0).body()).contains("\"order_reference_id\":\"ref-00000001\"")
        .contains("\"order_type\":\"MARKET\"").contains("\"trigger_price\":null");
  }

  @Test
  void aTimedOutPlacementIsLookedUpByReferenceAndNotResent() {
    server.thenHang().thenSuccess(STATUS);
    Order o = broker().place(request());
    assertThat(o.brokerOrderId()).isEqualTo("GMK1");
    assertThat(o.status()).isEqualTo(OrderStatus.ACKED);
    assertThat(creates()).isEqualTo(1);
    assertThat(server.requests.get(1).path()).isEqualTo("/v1/order/status/reference/ref-00000001");
  }

  @Test
  void aPlacementThatFailedWithA5xxAndIsNotFoundIsResentOnceWithTheSameReference() {
    server.thenFailure(500, "GA000", "internal").thenFailure(404, "GA004", "not found").thenSuccess(ACK);
    Order o = broker().place(request());
    assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(creates()).isEqualTo(2);
    assertThat(server.requests).filteredOn(r -> r.path().equals("/v1/order/create"))
        .allMatch(r -> r.body().contains("\"order_reference_id\":\"ref-00000001\""));
  }

  @Test
  void aReusedReferenceFetchesTheExistingOrder() {
    server.thenFailure(400, "GA007", "duplicate").thenSuccess(STATUS);
    Order o = broker().place(request());
    assertThat(o.brokerOrderId()).isEqualTo("GMK1");
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void whenEvenTheLookupFailsTheOutcomeIsReportedUnknownAndRetryable() {
    server.thenFailure(500, "GA000", "internal").then(503, "");
    assertThatThrownBy(() -> broker().place(request())).isInstanceOf(BrokerException.class)
        .hasMessageContaining("outcome of order ref-00000001 is unknown")
        .matches(e -> ((BrokerException) e).isRetryable());
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void cancelReturnsTheRequestedStateAndTerminalOrdersUnchanged() {
    server.thenSuccess(ACK).thenSuccess("{\"groww_order_id\":\"GMK1\",\"order_status\":\"CANCELLATION_REQUESTED\"}");
    GrowwBroker b = broker();
    Order placed = b.place(request());
    Order cancelling = b.cancel(placed);
    assertThat(cancelling.status()).isEqualTo(OrderStatus.CANCELLATION_REQUESTED);
    Order done = cancelling.withStatus(OrderStatus.CANCELLED, cancelling.updatedAtMillis());
    assertThat(b.cancel(done)).isSameAs(done);
  }

  @Test
  void pollingReportsAStatusChangeToListeners() {
    server.thenSuccess(ACK).thenSuccess("{\"groww_order_id\":\"GMK1\",\"order_status\":\"CANCELLED\","
        + "\"filled_quantity\":0}");
    GrowwBroker b = broker();
    List<Order> seen = new ArrayList<>();
    b.subscribe(new OrderListener() {
      @Override
      public void onOrderUpdate(Order order) {
        seen.add(order);
      }
    });
    b.place(request());
    assertThat(b.pollOpenOrders()).hasSize(1);
    assertThat(seen).extracting(Order::status).containsExactly(OrderStatus.CANCELLED);
  }

  @Test
  void listsOrdersOfKnownInstruments() {
    Instrument i = request().instrument();
    server.thenSuccess("{\"order_list\":[{\"groww_order_id\":\"GMK9\",\"trading_symbol\":\"" + i.tradingSymbol()
        + "\",\"order_status\":\"EXECUTED\",\"quantity\":" + i.lotSize() + ",\"price\":0,\"filled_quantity\":"
        + i.lotSize() + ",\"average_fill_price\":101.5,\"validity\":\"DAY\",\"exchange\":\"NSE\","
        + "\"order_type\":\"MARKET\",\"transaction_type\":\"SELL\",\"segment\":\"CASH\",\"product\":\"MIS\","
        + "\"created_at\":\"2025-01-06T10:15:30\",\"order_reference_id\":\"app-order-77\"},"
        + "{\"groww_order_id\":\"GMK8\",\"trading_symbol\":\"NOSUCHSYMBOL\",\"order_status\":\"OPEN\","
        + "\"quantity\":1,\"exchange\":\"NSE\",\"order_type\":\"MARKET\",\"transaction_type\":\"BUY\","
        + "\"segment\":\"CASH\",\"product\":\"CNC\"}]}");
    List<Order> orders = broker().orders();
    assertThat(orders).hasSize(1);
    Order o = orders.get(0);
    assertThat(o.referenceId()).isEqualTo("app-order-77");
    assertThat(o.status()).isEqualTo(OrderStatus.EXECUTED);
    assertThat(o.averageFillPrice()).map(p -> p.toString()).contains("101.50");
    assertThat(o.instrument().exchange()).isEqualTo(Exchange.NSE);
  }
}
