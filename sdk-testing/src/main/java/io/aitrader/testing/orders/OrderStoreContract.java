package io.aitrader.testing.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderStore;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.StoredOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link OrderStore}: every implementation — the in-memory and file stores in sdk-core, the
 * PostgreSQL connector — extends this class and passes the same tests.
 *
 * <pre>{@code
 * class FileOrderStoreTest extends OrderStoreContract {
 *   protected OrderStore openStore() { return FileOrderStore.open(dir.resolve("orders.journal"), instruments); }
 *   protected boolean isDurable() { return true; }
 * }
 * }</pre>
 *
 * <p>{@link #openStore()} is called once per test for a fresh, empty store; a durable store is then reopened with
 * {@link #reopenStore()} to check that what was written survives a restart.
 */
public abstract class OrderStoreContract {
  /** The instrument the kit's orders trade; implementations that resolve instruments must know it. */
  public static final Instrument INSTRUMENT = Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH)
      .type(InstrumentType.EQ).tradingSymbol("KITSTOCK").exchangeToken("99001").tickSize(Price.of("0.05")).build();

  private static final long T0 = 1_736_135_100_000L; // 2025-01-06 09:15 IST

  private OrderStore store;

  /** A fresh, empty store. */
  protected abstract OrderStore openStore();

  /**
   * The same store opened again after {@link OrderStore#close()} — a restart. Called only when {@link #isDurable()};
   * a store that keeps nothing across a restart may return a fresh one.
   */
  protected abstract OrderStore reopenStore();

  /** Whether what is written survives {@link #reopenStore()}. */
  protected abstract boolean isDurable();

  @BeforeEach
  void open() {
    store = openStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  protected static OrderRequest request(String referenceId, long quantity) {
    return OrderRequest.builder().instrument(INSTRUMENT).side(Side.BUY).quantity(quantity).orderType(OrderType.LIMIT)
        .limitPrice(Price.of("2534.05")).product(Product.MIS).referenceId(referenceId).strategyId("kit-strategy")
        .tag("kit").build();
  }

  @Test
  void anIntentIsStoredUnresolvedUntilTheBrokerAnswers() {
    OrderRequest r = request("kit-000001", 10);

    store.recordIntent(r, T0);

    StoredOrder stored = store.find("kit-000001").orElseThrow();
    assertThat(stored.request()).isEqualTo(r);
    assertThat(stored.recordedAtMillis()).isEqualTo(T0);
    assertThat(stored.isUnresolved()).isTrue();
    assertThat(store.find("kit-000002")).isEmpty();
  }

  @Test
  void theLatestBrokerStateReplacesTheEarlierOne() {
    OrderRequest r = request("kit-000001", 10);
    store.recordIntent(r, T0);
    Order open = Order.accepted(r, "GMK0001", OrderStatus.OPEN, T0 + 5);
    Order partly = open.updated(OrderStatus.OPEN, 4, Optional.of(Price.of("2534.05")), Optional.empty(), T0 + 9);

    store.recordState(open);
    store.recordState(partly);

    StoredOrder stored = store.find("kit-000001").orElseThrow();
    assertThat(stored.state()).contains(partly);
    assertThat(stored.isUnresolved()).isFalse();
    assertThat(stored.isActive()).isTrue();
  }

  @Test
  void aFailureResolvesTheIntentWithItsReason() {
    store.recordIntent(request("kit-000001", 10), T0);

    store.recordFailure("kit-000001", "unresolved at restart and unknown to the broker; not sent again", T0 + 60_000);

    StoredOrder stored = store.find("kit-000001").orElseThrow();
    assertThat(stored.failure()).contains("unresolved at restart and unknown to the broker; not sent again");
    assertThat(stored.isUnresolved()).isFalse();
    assertThat(stored.isActive()).isFalse();
  }

  @Test
  void aReferenceIdIsRecordedOnlyOnce() {
    store.recordIntent(request("kit-000001", 10), T0);

    assertThatThrownBy(() -> store.recordIntent(request("kit-000001", 20), T0 + 1))
        .isInstanceOf(ValidationException.class).hasMessageContaining("kit-000001");
    assertThat(store.find("kit-000001").orElseThrow().request().quantity()).isEqualTo(10);
  }

  @Test
  void statesAndFailuresNeedARecordedIntent() {
    Order stray = Order.accepted(request("kit-000009", 10), "GMK0009", OrderStatus.OPEN, T0);

    assertThatThrownBy(() -> store.recordState(stray)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("kit-000009");
    assertThatThrownBy(() -> store.recordFailure("kit-000009", "x", T0)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("kit-000009");
  }

  @Test
  void ordersComeBackInTheOrderTheirIntentsWereRecorded() {
    for (int i = 3; i >= 1; i--) {
      store.recordIntent(request("kit-00000" + i, 10L * i), T0 + (3 - i));
    }
    store.recordState(Order.accepted(request("kit-000003", 30), "GMK0003", OrderStatus.OPEN, T0 + 10));

    List<StoredOrder> all = store.orders();

    assertThat(all).extracting(StoredOrder::referenceId).containsExactly("kit-000003", "kit-000002", "kit-000001");
    assertThat(all.get(0).state()).isPresent();
  }

  @Test
  void everythingWrittenSurvivesARestart() {
    assumeTrue(isDurable(), "this store keeps nothing across a restart");
    OrderRequest a = request("kit-000001", 10);
    OrderRequest b = request("kit-000002", 20);
    OrderRequest c = request("kit-000003", 30);
    store.recordIntent(a, T0);
    store.recordIntent(b, T0 + 1);
    store.recordIntent(c, T0 + 2);
    Order filled = Order.accepted(a, "GMK0001", OrderStatus.OPEN, T0 + 3)
        .updated(OrderStatus.EXECUTED, 10, Optional.of(Price.of("2534.05")), Optional.of("done, at last"), T0 + 4);
    store.recordState(filled);
    store.recordFailure("kit-000002", "refused: GA007 reference id reused\ttab and\nnewline", T0 + 5);
    store.close();

    store = reopenStore();

    assertThat(store.find("kit-000001").orElseThrow().state()).contains(filled);
    assertThat(store.find("kit-000002").orElseThrow().failure())
        .contains("refused: GA007 reference id reused\ttab and\nnewline");
    assertThat(store.find("kit-000003").orElseThrow().isUnresolved()).isTrue();
    assertThat(store.find("kit-000003").orElseThrow().request()).isEqualTo(c);
    assertThat(store.orders()).extracting(StoredOrder::referenceId)
        .containsExactly("kit-000001", "kit-000002", "kit-000003");
    assertThatThrownBy(() -> store.recordIntent(a, T0 + 9)).isInstanceOf(ValidationException.class);
  }

  @Test
  void hasTheNameConfigurationSelectsItBy() {
    assertThat(store.name()).isNotBlank();
  }

  @Test
  void closeIsIdempotent() {
    store.close();
    store.close();
    store = openStore();
    assertThat(store.orders()).isEmpty();
  }
}
