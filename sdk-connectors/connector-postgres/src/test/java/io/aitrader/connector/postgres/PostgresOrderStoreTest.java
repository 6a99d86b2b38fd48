package io.aitrader.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.StoredOrder;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.orders.DefaultOrderService;
import io.aitrader.testing.orders.OrderStoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the kit does not cover: concurrent writers of one reference id, modified requests, unknown instruments. */
class PostgresOrderStoreTest {
  private static final long T0 = 1_736_135_100_000L;
  private static final InstrumentRepository INSTRUMENTS =
      InMemoryInstrumentRepository.of(List.of(OrderStoreContract.INSTRUMENT));
  private static PostgresConnector connector;

  @BeforeAll
  static void connect() {
    connector = TestDatabases.connector("order_store");
  }

  @AfterAll
  static void disconnect() {
    connector.close();
  }

  @BeforeEach
  void empty() throws SQLException {
    try (Connection c = connector.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("TRUNCATE orders");
    }
  }

  private static OrderRequest request(String referenceId, long quantity) {
    return OrderRequest.builder().instrument(OrderStoreContract.INSTRUMENT).side(Side.SELL).quantity(quantity)
        .orderType(OrderType.SL).limitPrice(Price.of("100.00")).triggerPrice(Price.of("100.50")).product(Product.CNC)
        .referenceId(referenceId).strategyId("pg-test").algoId("ALGO-7").build();
  }

  @Test
  void ofManyThreadsRecordingOneReferenceIdExactlyOneWins() throws Exception {
    PostgresOrderStore store = connector.orderStore(INSTRUMENTS);
    int threads = 16;
    List<Callable<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      long quantity = 10L + i;
      calls.add(() -> {
        try {
          store.recordIntent(request("race-000001", quantity), T0);
          return true;
        } catch (ValidationException e) {
          assertThat(e).hasMessageContaining("race-000001");
          return false;
        }
      });
    }

    List<Boolean> outcomes = runTogether(calls);

    assertThat(outcomes).containsOnlyOnce(true);
    assertThat(store.orders()).hasSize(1);
  }

  @Test
  void ofServicesInSeveralProcessesSubmittingOneReferenceIdTheBrokerSeesExactlyOne() throws Exception {
    int processes = 6;
    CountingBroker broker = new CountingBroker(T0 + 1);
    List<PostgresConnector> pools = new ArrayList<>();
    List<DefaultOrderService> services = new ArrayList<>();
    for (int i = 0; i < processes; i++) { // each "process" has its own pool and its own service
      PostgresConnector pool = PostgresConnector.open(connector.config());
      pools.add(pool);
      services.add(DefaultOrderService.builder().broker(broker).store(pool.orderStore(INSTRUMENTS))
          .timeSource(() -> T0).reconcileOnStart(false).build());
    }
    OrderRequest order = request("race-000002", 25);
    List<Callable<Boolean>> calls = new ArrayList<>();
    for (DefaultOrderService service : services) {
      calls.add(() -> {
        try {
          return service.submit(order).status() == OrderStatus.OPEN;
        } catch (RuntimeException e) { // the losers: the id is taken (validation) or its outcome unknown to them
          assertThat(e).hasMessageContaining("race-000002");
          return false;
        }
      });
    }
    try {
      List<Boolean> outcomes = runTogether(calls);

      assertThat(outcomes).containsOnlyOnce(true);
      assertThat(broker.placed()).isEqualTo(1);
      StoredOrder stored = connector.orderStore(INSTRUMENTS).find("race-000002").orElseThrow();
      assertThat(stored.state()).map(Order::brokerOrderId).contains("CB1");
    } finally {
      services.forEach(DefaultOrderService::close);
      pools.forEach(PostgresConnector::close);
    }
  }

  @Test
  void aModifiedRequestInTheLatestStateComesBackAsStored() {
    PostgresOrderStore store = connector.orderStore(INSTRUMENTS);
    OrderRequest asked = request("mod-0000001", 10);
    store.recordIntent(asked, T0);
    OrderRequest modified = asked.toBuilder().quantity(40).orderType(OrderType.LIMIT).noTriggerPrice()
        .limitPrice(Price.of("101.05")).build();
    Order state = Order.accepted(asked, "GMK42", OrderStatus.OPEN, T0 + 1)
        .withRequest(modified, OrderStatus.MODIFICATION_REQUESTED, T0 + 2)
        .updated(OrderStatus.OPEN, 5, Optional.of(Price.of("101.05")), Optional.of(""), T0 + 3);

    store.recordState(state);

    StoredOrder stored = connector.orderStore(INSTRUMENTS).find("mod-0000001").orElseThrow();
    assertThat(stored.request()).isEqualTo(asked);
    assertThat(stored.state()).contains(state);
  }

  @Test
  void aStateAfterAFailureReplacesIt() {
    PostgresOrderStore store = connector.orderStore(INSTRUMENTS);
    OrderRequest asked = request("fail-000001", 10);
    store.recordIntent(asked, T0);
    store.recordFailure("fail-000001", "unknown at restart", T0 + 1);

    Order adopted = Order.accepted(asked, "GMK43", OrderStatus.OPEN, T0 + 2);
    store.recordState(adopted);

    StoredOrder stored = store.find("fail-000001").orElseThrow();
    assertThat(stored.failure()).isEmpty();
    assertThat(stored.state()).contains(adopted);
  }

  @Test
  void anInstrumentTheRepositoryDoesNotKnowFailsTheReadNamingIt() {
    connector.orderStore(INSTRUMENTS).recordIntent(request("lost-000001", 10), T0);
    PostgresOrderStore blind = connector.orderStore(InMemoryInstrumentRepository.of(List.of()));

    assertThatThrownBy(blind::orders).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("NSE:KITSTOCK").hasMessageContaining("lost-000001");
  }

  @Test
  void aClosedStoreRefusesWrites() {
    PostgresOrderStore store = connector.orderStore(INSTRUMENTS);
    store.close();

    assertThatThrownBy(() -> store.recordIntent(request("late-000001", 10), T0))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(connector.orderStore(INSTRUMENTS).find("late-000001")).isEmpty();
  }

  /** Runs the calls on their own threads, released together, and returns their results in order. */
  private static <T> List<T> runTogether(List<Callable<T>> calls) throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch ready = new CountDownLatch(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return call.call();
        }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("a racing call did not finish", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
