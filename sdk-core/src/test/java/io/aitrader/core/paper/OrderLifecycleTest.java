package io.aitrader.core.paper;

import static io.aitrader.core.paper.PaperKit.at;
import static io.aitrader.core.paper.PaperKit.limit;
import static io.aitrader.core.paper.PaperKit.market;
import static io.aitrader.core.paper.PaperKit.price;
import static io.aitrader.core.paper.PaperKit.stopLimit;
import static io.aitrader.core.paper.PaperKit.stopMarket;
import static io.aitrader.core.paper.PaperKit.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.OrderRejectedException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.market.PriceBand;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderModification;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderLifecycleTest extends PaperBrokerTestBase {

  @Test
  void iocCancelsWhatDidNotFillOnTheFirstTick() {
    // given
    broker = broker(b -> b.maxVolumeShare(0.5));
    Order ioc = broker.place(limit(Side.BUY, 10, "2530.00", Validity.IOC));
    // when: 10 traded through the limit, half may fill
    broker.onTick(trade("09:15:01", "2529.00", 10));
    broker.onTick(trade("09:15:02", "2529.00", 100));
    // then
    Order done = latest(ioc);
    assertThat(done.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(done.filledQuantity()).isEqualTo(5);
    assertThat(done.remark()).hasValueSatisfying(r -> assertThat(r).startsWith("IOC"));
    assertThat(events.updatesOf(ioc.referenceId())).extracting(Order::status)
        .containsExactly(OrderStatus.OPEN, OrderStatus.OPEN, OrderStatus.CANCELLED);
    assertThat(broker.trades(ioc)).hasSize(1);
  }

  @Test
  void iocThatCannotFillIsCancelledWholeOnTheFirstTick() {
    // given
    Order ioc = broker.place(limit(Side.BUY, 10, "2530.00", Validity.IOC));
    // when
    broker.onTick(trade("09:15:01", "2531.00", 100));
    // then
    assertThat(latest(ioc).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(latest(ioc).filledQuantity()).isZero();
  }

  @Test
  void iocStopOrderCountsFromTheTickThatTriggersIt() {
    // given: SL IOC whose limit leg cannot fill at the triggering print
    Order ioc = broker.place(PaperKit.request(PaperKit.RELIANCE, Side.SELL, 10)
        .orderType(io.aitrader.api.order.OrderType.SL).triggerPrice(price("2500.00")).limitPrice(price("2495.00"))
        .validity(Validity.IOC).build());
    // when
    broker.onTick(trade("09:15:01", "2510.00", 100));
    Order beforeTrigger = latest(ioc);
    broker.onTick(trade("09:15:02", "2490.00", 100));
    // then
    assertThat(beforeTrigger.status()).isEqualTo(OrderStatus.TRIGGER_PENDING);
    assertThat(latest(ioc).status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void dayOrdersExpireAtEndOfDayAndGtcOrdersStay() {
    // given
    Order day = broker.place(limit(Side.BUY, 10, "2500.00"));
    Order gtc = broker.place(limit(Side.BUY, 10, "2500.00", Validity.GTC));
    Order stop = broker.place(stopMarket(Side.SELL, 10, "2400.00"));
    broker.onTick(trade("09:15:01", "2530.00", 100));
    // when
    broker.endOfDay(at("15:30:00"));
    broker.onTick(trade("15:30:01", "2390.00", 100));
    // then
    assertThat(latest(day).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(latest(day).remark()).contains(PaperBroker.EXPIRED_REMARK);
    assertThat(latest(day).updatedAtMillis()).isEqualTo(at("15:30:00"));
    assertThat(latest(stop).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(latest(gtc).status()).isEqualTo(OrderStatus.EXECUTED);
    assertThat(broker.trades(day)).isEmpty();
  }

  @Test
  void ordersPricedOutsideTheBandAreRejectedWithARemark() {
    // given
    broker = broker(b -> b.priceBands(i -> i.equals(PaperKit.RELIANCE)
        ? Optional.of(new PriceBand(price("2250.00"), price("2750.00"))) : Optional.empty()));
    // when
    Order tooHigh = broker.place(limit(Side.BUY, 10, "2750.05"));
    Order badTrigger = broker.place(stopLimit(Side.SELL, 10, "2249.95", "2249.90"));
    Order atEdge = broker.place(limit(Side.BUY, 10, "2750.00"));
    Order unbanded = broker.place(PaperKit.request(PaperKit.TCS, Side.BUY, 1)
        .orderType(io.aitrader.api.order.OrderType.LIMIT).limitPrice(price("9999.00")).build());
    // then
    assertThat(tooHigh.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(tooHigh.remark()).contains("limit price 2750.05 is outside the price band [2250.00, 2750.00] of NSE:RELIANCE");
    assertThat(badTrigger.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(atEdge.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(unbanded.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(events.updates()).containsExactly(tooHigh, badTrigger, atEdge, unbanded);
  }

  @Test
  void ordersTheFundsCheckRefusesAreRejectedWithItsReason() {
    // given: ₹1 lakh available
    List<Long> estimates = new ArrayList<>();
    broker = broker(b -> b.fundsCheck((request, priceUnits) -> {
      estimates.add(priceUnits);
      return priceUnits * request.quantity() > price("100000").units()
          ? Optional.of("insufficient funds: available 100000.00") : Optional.empty();
    }));
    broker.onTick(trade("09:15:00", "2500.00", 1));
    // when
    Order tooBig = broker.place(market(Side.BUY, 41));
    Order fits = broker.place(market(Side.BUY, 40));
    Order limitTooBig = broker.place(limit(Side.BUY, 40, "2500.05"));
    Order stop = broker.place(stopMarket(Side.BUY, 1, "2600.00"));
    // then
    assertThat(tooBig.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(tooBig.remark()).contains("insufficient funds: available 100000.00");
    assertThat(fits.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(limitTooBig.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(stop.status()).isEqualTo(OrderStatus.TRIGGER_PENDING);
    assertThat(estimates).containsExactly(price("2500.00").units(), price("2500.00").units(),
        price("2500.05").units(), price("2600.00").units());
  }

  @Test
  void modifyReportsTheRequestThenTheNewStateAndFillsAtTheNewPrice() {
    // given
    Order buy = broker.place(limit(Side.BUY, 10, "2530.00"));
    broker.onTick(trade("09:15:01", "2536.00", 100));
    clock.set("09:15:02");
    // when
    Order modified = broker.modify(buy, OrderModification.of(buy.request()).withLimitPrice(price("2535.00")));
    broker.onTick(trade("09:15:03", "2536.00", 100));
    broker.onTick(trade("09:15:04", "2534.95", 100));
    // then
    assertThat(modified.status()).isEqualTo(OrderStatus.OPEN);
    assertThat(modified.request().limitPrice()).contains(price("2535.00"));
    assertThat(modified.updatedAtMillis()).isEqualTo(at("09:15:02"));
    assertThat(events.updatesOf(buy.referenceId())).extracting(Order::status).containsExactly(OrderStatus.OPEN,
        OrderStatus.MODIFICATION_REQUESTED, OrderStatus.OPEN, OrderStatus.EXECUTED);
    assertThat(latest(buy).averageFillPrice()).contains(price("2535.00"));
  }

  @Test
  void modifyOfAStopOrderGoesBackToTriggerPending() {
    // given
    Order stop = broker.place(stopMarket(Side.SELL, 10, "2500.00"));
    // when
    Order modified = broker.modify(stop, OrderModification.of(stop.request()).withTriggerPrice(price("2510.00")));
    broker.onTick(trade("09:15:01", "2509.00", 100));
    // then
    assertThat(modified.status()).isEqualTo(OrderStatus.TRIGGER_PENDING);
    assertThat(latest(stop).averageFillPrice()).contains(price("2509.00"));
  }

  @Test
  void modifyIsRefusedForTerminalOrdersInvalidChangesAndQuantitiesNotAboveTheFilled() {
    // given
    broker = broker(b -> b.maxVolumeShare(0.5));
    broker.onTick(trade("09:15:00", "2500.00", 1));
    Order done = broker.place(market(Side.BUY, 1));
    broker.onTick(trade("09:15:01", "2500.00", 2));
    Order partly = broker.place(limit(Side.BUY, 10, "2501.00"));
    broker.onTick(trade("09:15:02", "2500.00", 8));
    int before = events.events.size();
    // when / then
    assertThat(latest(done).status()).isEqualTo(OrderStatus.EXECUTED);
    assertThatThrownBy(() -> broker.modify(done, OrderModification.of(done.request()).withQuantity(2)))
        .isInstanceOf(OrderRejectedException.class).hasMessageContaining("EXECUTED");
    assertThat(latest(partly).filledQuantity()).isEqualTo(4);
    assertThatThrownBy(() -> broker.modify(partly, OrderModification.of(partly.request()).withQuantity(4)))
        .isInstanceOf(OrderRejectedException.class).hasMessageContaining("above the filled quantity 4");
    assertThatThrownBy(() -> broker.modify(partly, OrderModification.of(partly.request())
        .withLimitPrice(price("2501.03"))))
        .isInstanceOf(OrderRejectedException.class).hasMessageContaining("tick size");
    assertThat(events.events).hasSize(before);
    assertThat(latest(partly).status()).isEqualTo(OrderStatus.OPEN);
  }

  @Test
  void cancelReportsTheRequestThenCancelledAndNothingFillsAfterwards() {
    // given
    Order buy = broker.place(limit(Side.BUY, 10, "2530.00"));
    broker.onTick(trade("09:15:01", "2535.00", 100));
    clock.set("09:15:02");
    // when
    Order cancelled = broker.cancel(buy);
    broker.onTick(trade("09:15:03", "2520.00", 100));
    // then
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.remark()).contains(PaperBroker.CANCELLED_REMARK);
    assertThat(events.updatesOf(buy.referenceId())).extracting(Order::status)
        .containsExactly(OrderStatus.OPEN, OrderStatus.CANCELLATION_REQUESTED, OrderStatus.CANCELLED);
    assertThat(broker.trades(buy)).isEmpty();
    assertThat(events.fills()).isEmpty();
  }

  @Test
  void cancelOfATerminalOrderReturnsItUnchanged() {
    // given
    Order buy = broker.place(limit(Side.BUY, 10, "2530.00"));
    Order cancelled = broker.cancel(buy);
    int before = events.events.size();
    // when
    Order again = broker.cancel(buy);
    // then
    assertThat(again).isEqualTo(cancelled);
    assertThat(events.events).hasSize(before);
  }

  @Test
  void aReferenceIdUsedBeforeIsRefusedWithAnException() {
    // given
    OrderRequest request = limit(Side.BUY, 10, "2530.00");
    Order first = broker.place(request);
    Order rejected = broker.place(market(Side.BUY, 1));
    // when / then
    assertThatThrownBy(() -> broker.place(request)).isInstanceOf(OrderRejectedException.class)
        .hasMessageContaining(request.referenceId()).hasMessageContaining(first.brokerOrderId());
    assertThatThrownBy(() -> broker.place(rejected.request())).isInstanceOf(OrderRejectedException.class);
    assertThat(broker.orders()).containsExactly(first, rejected);
  }

  @Test
  void orderIdsFollowCreationOrderIncludingRejections() {
    // when
    Order a = broker.place(market(Side.BUY, 1));
    Order b = broker.place(limit(Side.BUY, 1, "2500.00"));
    Order c = broker.place(limit(Side.SELL, 1, "2600.00"));
    // then
    assertThat(List.of(a, b, c)).extracting(Order::brokerOrderId).containsExactly("PAPER-000001", "PAPER-000002",
        "PAPER-000003");
    assertThat(broker.order(b.referenceId())).contains(b);
    assertThat(broker.order("ref-unknown1")).isEmpty();
  }

  @Test
  void unknownOrdersCannotBeModifiedOrCancelled() {
    // given
    PaperBroker other = broker(b -> b.name("other"));
    Order elsewhere = other.place(limit(Side.BUY, 1, "2500.00"));
    // when / then
    assertThatThrownBy(() -> broker.cancel(elsewhere)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> broker.modify(elsewhere, OrderModification.of(elsewhere.request())))
        .isInstanceOf(NotFoundException.class);
    assertThat(broker.trades(elsewhere)).isEmpty();
  }

  @Test
  void aClosedBrokerRefusesOrdersAndIgnoresTicks() {
    // given
    broker.onTick(trade("09:15:00", "2500.00", 1));
    Order open = broker.place(market(Side.BUY, 1));
    // when
    broker.close();
    broker.close();
    broker.onTick(trade("09:15:01", "2500.00", 1));
    // then
    assertThatThrownBy(() -> broker.place(market(Side.BUY, 1))).isInstanceOf(OrderRejectedException.class);
    assertThat(latest(open).filledQuantity()).isZero();
  }

  @Test
  void theBuilderNeedsATimeSourceAndAValidVolumeShare() {
    assertThatThrownBy(() -> PaperBroker.builder().build()).isInstanceOf(ValidationException.class)
        .hasMessageContaining("timeSource");
    assertThatThrownBy(() -> PaperBroker.builder().maxVolumeShare(0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxVolumeShare");
    assertThatThrownBy(() -> PaperBroker.builder().maxVolumeShare(1.5)).isInstanceOf(ValidationException.class);
    assertThat(PaperBroker.builder().timeSource(clock).build().name()).isEqualTo("paper");
  }
}
