package io.aitrader.core.orders;

import static io.aitrader.core.testdata.TestInstruments.RELIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.BrokerException;
import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.RateLimitedException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.PriceBand;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderListener;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.OrderStore;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.time.ManualTimeSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultOrderServiceTest {
  private static final long T0 = 1_736_135_100_000L;
  private static final Instrument NIFTY_FUT = Instrument.builder().exchange(Exchange.NSE).segment(Segment.FNO)
      .type(InstrumentType.FUT).tradingSymbol("NIFTY25JANFUT").exchangeToken("35001").underlying("NIFTY")
      .expiry(LocalDate.of(2025, 1, 30)).lotSize(75).tickSize(Price.of("0.05")).freezeQuantity(1801).build();

  private final ScriptedBroker broker = new ScriptedBroker();
  private final ManualTimeSource clock = new ManualTimeSource(T0);
  private final InMemoryOrderStore store = new InMemoryOrderStore();

  private DefaultOrderService.Builder service() {
    broker.watch(store);
    return DefaultOrderService.builder().broker(broker).store(store).timeSource(clock);
  }

  private static OrderRequest.Builder buy(String ref) {
    return OrderRequest.builder().instrument(RELIANCE).side(Side.BUY).quantity(10).orderType(OrderType.LIMIT)
        .limitPrice(Price.of("2500.00")).product(Product.MIS).referenceId(ref).strategyId("spec");
  }

  @Test
  void theSameReferenceIdSubmittedTwiceIsSentOnceAndReturnsTheSameOrder() {
    DefaultOrderService orders = service().build();
    OrderRequest r = buy("spec-000001").build();

    Order first = orders.submit(r);
    Order again = orders.submit(r);

    assertThat(again).isEqualTo(first);
    assertThat(broker.placed).containsExactly("spec-000001");
  }

  @Test
  void aReferenceIdReusedForADifferentOrderIsRefused() {
    DefaultOrderService orders = service().build();
    orders.submit(buy("spec-000001").build());

    assertThatThrownBy(() -> orders.submit(buy("spec-000001").quantity(20).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("already names a different order");
    assertThat(broker.placed).hasSize(1);
  }

  @Test
  void theIntentIsDurableBeforeTheBrokerIsCalled() {
    DefaultOrderService orders = service().build();

    orders.submit(buy("spec-000001").build());

    assertThat(broker.intentStoredBeforePlace).containsExactly(true);
    assertThat(store.find("spec-000001").orElseThrow().state().orElseThrow().status()).isEqualTo(OrderStatus.OPEN);
  }

  @Test
  void afterACrashBetweenWriteAheadAndSendTheRestartAdoptsWhatTheBrokerKnowsAndSendsNothingTwice(@TempDir Path dir) {
    InMemoryInstrumentRepository repo = InMemoryInstrumentRepository.of(List.of(RELIANCE));
    Path journal = dir.resolve("orders.journal");
    OrderRequest reached = buy("spec-000001").build();
    OrderRequest lost = buy("spec-000002").build();
    try (OrderStore before = FileOrderStore.open(journal, repo)) {
      // the process recorded both intents, the first reached the broker, then it died before recording any answer
      before.recordIntent(reached, T0);
      before.recordIntent(lost, T0);
    }
    broker.known.put(reached.referenceId(), Order.accepted(reached, "GMK77", OrderStatus.OPEN, T0 + 1));

    OrderStore after = FileOrderStore.open(journal, repo);
    broker.watch(after);
    DefaultOrderService orders = DefaultOrderService.builder().broker(broker).store(after).timeSource(clock).build();

    assertThat(orders.find("spec-000001").orElseThrow().brokerOrderId()).isEqualTo("GMK77");
    assertThat(after.find("spec-000002").orElseThrow().failure().orElseThrow()).contains("not sent again");
    assertThat(broker.placed).isEmpty();
    assertThat(orders.submit(reached).brokerOrderId()).isEqualTo("GMK77");
    assertThatThrownBy(() -> orders.submit(lost)).isInstanceOf(OrderRejectedException.class)
        .hasMessageContaining("was not sent");
    assertThat(broker.placed).isEmpty();
  }

  @Test
  void aTimeoutAfterTheBrokerPlacedTheOrderIsResolvedByAskingTheBroker() {
    DefaultOrderService orders = service().build();
    broker.mode = ScriptedBroker.Mode.TIMEOUT_AFTER_PLACING;

    Order o = orders.submit(buy("spec-000001").build());

    assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(broker.placed).containsExactly("spec-000001");
  }

  @Test
  void aTimeoutBeforeTheBrokerPlacedTheOrderLeavesItUnresolvedUntilReconciled() {
    DefaultOrderService orders = service().build();
    broker.mode = ScriptedBroker.Mode.TIMEOUT_BEFORE_PLACING;
    OrderRequest r = buy("spec-000001").build();

    assertThatThrownBy(() -> orders.submit(r)).isInstanceOf(BrokerException.class)
        .hasMessageContaining("outcome of order spec-000001 is unknown");
    assertThatThrownBy(() -> orders.submit(r)).isInstanceOf(BrokerException.class)
        .hasMessageContaining("never sent twice");

    DefaultOrderService.ReconcileReport report = orders.reconcile();
    assertThat(report.failed()).containsExactly("spec-000001");
    assertThat(broker.placed).isEmpty();
  }

  @Test
  void aBrokerRefusalIsRecordedAsTheOrdersFailure() {
    DefaultOrderService orders = service().build();
    broker.mode = ScriptedBroker.Mode.REFUSE;

    assertThatThrownBy(() -> orders.submit(buy("spec-000001").build())).isInstanceOf(OrderRejectedException.class)
        .hasMessageContaining("insufficient margin");
    assertThat(store.find("spec-000001").orElseThrow().failure().orElseThrow()).contains("insufficient margin");
  }

  @Test
  void aProductNotAllowedForTheSegmentIsRejectedBeforeTheBroker() {
    DefaultOrderService orders = service().build();
    OrderRequest cncFuture = OrderRequest.builder().instrument(NIFTY_FUT).side(Side.BUY).quantity(75)
        .orderType(OrderType.MARKET).product(Product.CNC).referenceId("spec-000001").strategyId("spec").build();

    assertThatThrownBy(() -> orders.submit(cncFuture)).isInstanceOf(OrderRejectedException.class)
        .hasMessageContaining("product CNC is not allowed for NSE:NIFTY25JANFUT in segment FNO");
    assertThat(broker.placed).isEmpty();
    assertThat(store.orders()).isEmpty();
  }

  @Test
  void limitAndTriggerPricesOutsideTheDaysBandAreRejected() {
    PriceBand band = new PriceBand(Price.of("2250.00"), Price.of("2750.00"));
    DefaultOrderService orders = service().priceBands(i -> i.equals(RELIANCE) ? Optional.of(band) : Optional.empty()).build();

    assertThatThrownBy(() -> orders.submit(buy("spec-000001").limitPrice(Price.of("2750.05")).build()))
        .isInstanceOf(OrderRejectedException.class)
        .hasMessageContaining("limit price 2750.05 of NSE:RELIANCE is outside today's price band [2250.00, 2750.00]");
    assertThatThrownBy(() -> orders.submit(buy("spec-000002").orderType(OrderType.SL_M).noLimitPrice()
        .triggerPrice(Price.of("2249.95")).build()))
        .isInstanceOf(OrderRejectedException.class).hasMessageContaining("trigger price 2249.95");
    assertThat(orders.submit(buy("spec-000003").limitPrice(Price.of("2750.00")).build()).status())
        .isEqualTo(OrderStatus.OPEN);
    assertThat(broker.placed).containsExactly("spec-000003");
  }

  @Test
  void anOrderAboveTheFreezeQuantityIsSlicedIntoChildOrders() {
    DefaultOrderService orders = service().build();
    OrderRequest big = OrderRequest.builder().instrument(NIFTY_FUT).side(Side.SELL).quantity(75 * 50)
        .orderType(OrderType.MARKET).product(Product.NRML).referenceId("spec-000001").strategyId("spec").build();

    Order first = orders.submit(big);

    // freeze 1801 → at most 1800 per order (24 lots): 3750 = 1800 + 1800 + 150
    List<Order> slices = orders.slices("spec-000001");
    assertThat(slices).extracting(o -> o.request().quantity()).containsExactly(1800L, 1800L, 150L);
    assertThat(first).isEqualTo(slices.get(0));
    assertThat(slices.get(0).referenceId()).isEqualTo("spec-000001");
    assertThat(slices).allSatisfy(o -> assertThat(OrderRequest.isValidReferenceId(o.referenceId())).isTrue());
    assertThat(broker.placed).hasSize(3).doesNotHaveDuplicates();
    assertThat(orders.submit(big)).isEqualTo(first);
    assertThat(broker.placed).hasSize(3);

    orders.cancel("spec-000001");
    assertThat(orders.slices("spec-000001")).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED));
  }

  @Test
  void productsThatCannotBeSlicedAreRejectedAboveTheFreezeQuantity() {
    DefaultOrderService orders = service().build();
    OrderRequest big = OrderRequest.builder().instrument(NIFTY_FUT).side(Side.BUY).quantity(75 * 30)
        .orderType(OrderType.MARKET).product(Product.CO).referenceId("spec-000001").strategyId("spec").build();

    assertThatThrownBy(() -> orders.submit(big)).isInstanceOf(OrderRejectedException.class)
        .hasMessageContaining("above the freeze limit of 1800").hasMessageContaining("cannot be sliced");
  }

  @Test
  void aRiskRefusalRejectsWithItsReasonAndRecordsNothing() {
    DefaultOrderService orders = service()
        .preTradeCheck(r -> r.quantity() > 50 ? PreTradeCheck.Verdict.refuse("max position 50 exceeded")
            : r.quantity() == 20 ? PreTradeCheck.Verdict.throttle("10 orders/s", 400) : PreTradeCheck.Verdict.PASS)
        .build();

    assertThatThrownBy(() -> orders.submit(buy("spec-000001").quantity(60).build()))
        .isInstanceOf(OrderRejectedException.class).hasMessageContaining("max position 50 exceeded");
    assertThatThrownBy(() -> orders.submit(buy("spec-000002").quantity(20).build()))
        .isInstanceOf(RateLimitedException.class).hasMessageContaining("10 orders/s")
        .satisfies(e -> assertThat(((RateLimitedException) e).retryAfterMillis()).isEqualTo(400));
    assertThat(store.orders()).isEmpty();
    assertThat(broker.placed).isEmpty();
  }

  @Test
  void illegalBrokerUpdatesAreDroppedAndCounted() {
    DefaultOrderService orders = service().build();
    Order o = orders.submit(buy("spec-000001").build());
    Order partly = o.updated(OrderStatus.OPEN, 4, Optional.of(Price.of("2500.00")), Optional.empty(), T0 + 1);
    broker.emit(partly);

    broker.emit(o.updated(OrderStatus.OPEN, 2, Optional.of(Price.of("2500.00")), Optional.empty(), T0 + 2));
    broker.emit(partly.withStatus(OrderStatus.CANCELLED, T0 + 3));
    broker.emit(partly.withStatus(OrderStatus.OPEN, T0 + 4));

    assertThat(orders.find("spec-000001").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(orders.find("spec-000001").orElseThrow().filledQuantity()).isEqualTo(4);
    assertThat(orders.illegalUpdates()).isEqualTo(2);
    assertThat(store.find("spec-000001").orElseThrow().state().orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void updatesAndFillsReachListenersAndTheBus() {
    InProcessEventBus bus = InProcessEventBus.builder().build();
    List<Object> onBus = new ArrayList<>();
    bus.subscribe(Topics.orderUpdates(), onBus::add, SubscriptionOptions.SYNCHRONOUS);
    bus.subscribe(Topics.fills(), onBus::add, SubscriptionOptions.SYNCHRONOUS);
    DefaultOrderService orders = service().eventBus(bus).build();
    List<Object> heard = new ArrayList<>();
    orders.subscribe(new OrderListener() {
      @Override
      public void onOrderUpdate(Order order) {
        heard.add(order.status());
      }

      @Override
      public void onFill(Fill fill) {
        heard.add(fill.tradeId());
      }
    });

    Order o = orders.submit(buy("spec-000001").build());
    broker.emitFill(new Fill("T1", o.brokerOrderId(), o.referenceId(), RELIANCE, Side.BUY, 10, Price.of("2500.00"), T0 + 5,
        Product.MIS));
    broker.emit(o.updated(OrderStatus.EXECUTED, 10, Optional.of(Price.of("2500.00")), Optional.empty(), T0 + 5));

    assertThat(heard).containsExactly(OrderStatus.OPEN, "T1", OrderStatus.EXECUTED);
    assertThat(onBus).hasSize(3);
    assertThat(orders.openOrders()).isEmpty();
  }

  @Test
  void aModificationPassesTheSameChecksAsANewOrder() {
    PriceBand band = new PriceBand(Price.of("2250.00"), Price.of("2750.00"));
    DefaultOrderService orders = service().priceBands(i -> Optional.of(band)).build();
    Order o = orders.submit(buy("spec-000001").build());

    assertThatThrownBy(() -> orders.modify("spec-000001", OrderModification.of(o.request()).withLimitPrice(Price.of("2800.00"))))
        .isInstanceOf(OrderRejectedException.class).hasMessageContaining("outside today's price band");
    Order changed = orders.modify("spec-000001", OrderModification.of(o.request()).withLimitPrice(Price.of("2510.00")));

    assertThat(changed.request().limitPrice()).contains(Price.of("2510.00"));
  }

  @Test
  void cancellingATerminalOrderChangesNothing() {
    DefaultOrderService orders = service().build();
    Order o = orders.submit(buy("spec-000001").build());
    orders.cancel("spec-000001");

    Order again = orders.cancel("spec-000001");

    assertThat(again.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(broker.cancelled).containsExactly(o.referenceId());
    assertThatThrownBy(() -> orders.modify("spec-000001", OrderModification.of(o.request()).withQuantity(5)))
        .isInstanceOf(OrderRejectedException.class).hasMessageContaining("CANCELLED");
  }

  @Test
  void whenASliceFailsTheUnsentSlicesAreRecordedAndARetryIsNotTakenForSuccess() {
    DefaultOrderService orders = service().build();
    broker.refuseAfter = 1; // the first slice goes out, the second is refused
    OrderRequest big = OrderRequest.builder().instrument(NIFTY_FUT).side(Side.SELL).quantity(75 * 50)
        .orderType(OrderType.MARKET).product(Product.NRML).referenceId("spec-000001").strategyId("spec").build();

    assertThatThrownBy(() -> orders.submit(big)).isInstanceOf(OrderRejectedException.class);

    String third = Slicing.childId("spec-000001", 3);
    assertThat(store.find(third).orElseThrow().failure().orElseThrow()).contains("not sent: slice 2 of spec-000001");
    assertThatThrownBy(() -> orders.submit(big)).isInstanceOf(OrderRejectedException.class)
        .hasMessageContaining("went out only in part");
    assertThat(broker.placed).containsExactly("spec-000001");
  }

  @Test
  void aBrokerRateLimitSpendsTheReferenceIdAndSaysSo() {
    DefaultOrderService orders = service().build();
    broker.mode = ScriptedBroker.Mode.RATE_LIMITED;

    assertThatThrownBy(() -> orders.submit(buy("spec-000001").build())).isInstanceOf(OrderRejectedException.class)
        .hasMessageContaining("resubmit under a new id");
    assertThat(store.find("spec-000001").orElseThrow().failure().orElseThrow()).contains("rate limit");
  }

  @Test
  void aBrokerThatCannotBeAskedLeavesUnresolvedOrdersPendingNotFailed() {
    OrderRequest r = buy("spec-000001").build();
    store.recordIntent(r, T0);
    broker.unreachable = true;

    DefaultOrderService orders = service().reconcileOnStart(false).build();
    DefaultOrderService.ReconcileReport report = orders.reconcile();

    assertThat(report.pending()).containsExactly("spec-000001");
    assertThat(report.failed()).isEmpty();
    assertThat(store.find("spec-000001").orElseThrow().isUnresolved()).isTrue();
    broker.unreachable = false;
    assertThat(orders.reconcile().failed()).containsExactly("spec-000001");
  }

  @Test
  void anIntentThatOnlySharesADerivedIdIsNotTakenForASliceAfterARestart() {
    OrderRequest plain = buy("spec-000001").build();
    store.recordIntent(plain, T0);
    store.recordIntent(buy(Slicing.childId("spec-000001", 2)).build(), T0 + 5_000); // another order, later

    DefaultOrderService orders = service().reconcileOnStart(false).build();

    assertThat(orders.slices("spec-000001")).hasSizeLessThanOrEqualTo(1);
    assertThat(store.find("spec-000001").orElseThrow().request()).isEqualTo(plain);
    assertThatThrownBy(() -> orders.submit(plain)).isInstanceOf(BrokerException.class)
        .hasMessageContaining("outcome is still unknown"); // the plain order itself, not a sliced one
  }

  @Test
  void aSettlementStatusReportedStraightFromOpenIsApplied() {
    DefaultOrderService orders = service().build();
    Order o = orders.submit(buy("spec-000001").build());

    broker.emit(o.updated(OrderStatus.COMPLETED, 10, Optional.of(Price.of("2500.00")), Optional.empty(), T0 + 9));

    assertThat(orders.find("spec-000001").orElseThrow().status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(orders.illegalUpdates()).isZero();
  }
}
