package io.aitrader.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Fixtures;
import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Money;
import io.aitrader.api.money.Price;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OrderRequestTest {

  /** A valid LIMIT buy of RELIANCE to derive variants from. */
  static OrderRequest.Builder limitBuy() {
    return OrderRequest.builder()
        .instrument(Fixtures.reliance()).side(Side.BUY).quantity(10)
        .orderType(OrderType.LIMIT).limitPrice(Price.of("2534.05"))
        .product(Product.MIS).referenceId("mom5m-000042").strategyId("momentum-5m");
  }

  @Test
  void buildsAValidRequestWithDefaultsAndEmptyOptionals() {
    OrderRequest r = limitBuy().build();

    assertThat(r.validity()).isEqualTo(Validity.DAY);
    assertThat(r.limitPrice()).contains(Price.of("2534.05"));
    assertThat(r.triggerPrice()).isEmpty();
    assertThat(r.algoId()).isEmpty();
    assertThat(r.tag()).isEmpty();
    assertThat(r.signedQuantity()).isEqualTo(10);
    assertThat(r.limitValue()).contains(Money.of("25340.50"));
    assertThat(r.toBuilder().build()).isEqualTo(r);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcd1234", "ABCDEFGHIJ0123456789", "mom5m-000042", "a-b-c12345", "12345678"})
  void acceptsGrowwReferenceIds(String id) {
    assertThat(OrderRequest.isValidReferenceId(id)).isTrue();
    assertThat(limitBuy().referenceId(id).build().referenceId()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc1234", "ABCDEFGHIJ01234567890", "a-b-c-d1234", "mom5m_000042", "mom5m 00042", "ref.12345", "réf12345", "--------"})
  void rejectsReferenceIdsBreakingGrowwRules(String id) {
    assertThat(OrderRequest.isValidReferenceId(id)).isFalse();
    assertThatThrownBy(() -> limitBuy().referenceId(id).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("OrderRequest.referenceId must be 8-20 letters or digits with at most two '-', was '" + id + "'");
  }

  @Test
  void quantityMustBeAPositiveMultipleOfTheLotSize() {
    OrderRequest.Builder nifty = limitBuy().instrument(Fixtures.niftyFuture()).limitPrice(Price.of("24510.00"));

    assertThat(nifty.quantity(100).build().quantity()).isEqualTo(100);
    assertThatThrownBy(() -> nifty.quantity(75).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("OrderRequest.quantity must be a positive multiple of lot size 50, was 75");
    assertThatThrownBy(() -> nifty.quantity(0).build()).hasMessageContaining("lot size 50, was 0");
    assertThatThrownBy(() -> limitBuy().quantity(-10).build()).hasMessageContaining("lot size 1, was -10");
  }

  @Test
  void limitPriceIsRequiredForLimitAndSl() {
    assertThatThrownBy(() -> limitBuy().noLimitPrice().build())
        .hasMessage("OrderRequest.limitPrice is required for a LIMIT order, was empty");
    assertThatThrownBy(() -> limitBuy().orderType(OrderType.SL).noLimitPrice().triggerPrice(Price.of("2530.00")).build())
        .hasMessage("OrderRequest.limitPrice is required for a SL order, was empty");
  }

  @Test
  void limitPriceIsForbiddenForMarketAndSlM() {
    assertThatThrownBy(() -> limitBuy().orderType(OrderType.MARKET).build())
        .hasMessage("OrderRequest.limitPrice must be empty for a MARKET order, was 2534.05");
    assertThatThrownBy(() -> limitBuy().orderType(OrderType.SL_M).triggerPrice(Price.of("2530.00")).build())
        .hasMessage("OrderRequest.limitPrice must be empty for a SL_M order, was 2534.05");
    assertThat(limitBuy().orderType(OrderType.MARKET).noLimitPrice().build().limitPrice()).isEmpty();
  }

  @Test
  void triggerPriceIsRequiredExactlyForStopOrders() {
    assertThatThrownBy(() -> limitBuy().orderType(OrderType.SL).build())
        .hasMessage("OrderRequest.triggerPrice is required for a SL order, was empty");
    assertThatThrownBy(() -> limitBuy().orderType(OrderType.SL_M).noLimitPrice().build())
        .hasMessage("OrderRequest.triggerPrice is required for a SL_M order, was empty");
    assertThatThrownBy(() -> limitBuy().triggerPrice(Price.of("2530.00")).build())
        .hasMessage("OrderRequest.triggerPrice must be empty for a LIMIT order, was 2530.00");
    OrderRequest slm = limitBuy().orderType(OrderType.SL_M).noLimitPrice().triggerPrice(Price.of("2530.00")).build();
    assertThat(slm.triggerPrice()).contains(Price.of("2530.00"));
  }

  @Test
  void stopLimitTriggerMustBeOnTheRightSideOfTheLimit() {
    OrderRequest.Builder sl = limitBuy().orderType(OrderType.SL).limitPrice(Price.of("2540.00"));

    assertThat(sl.triggerPrice(Price.of("2535.00")).build().orderType()).isEqualTo(OrderType.SL);
    assertThatThrownBy(() -> sl.triggerPrice(Price.of("2545.00")).build())
        .hasMessage("OrderRequest.triggerPrice must be <= limitPrice 2540.00 for a BUY SL order, was 2545.00");
    assertThatThrownBy(() -> sl.side(Side.SELL).triggerPrice(Price.of("2535.00")).build())
        .hasMessage("OrderRequest.triggerPrice must be >= limitPrice 2540.00 for a SELL SL order, was 2535.00");
  }

  @Test
  void pricesMustBePositiveMultiplesOfTheTickSize() {
    assertThatThrownBy(() -> limitBuy().limitPrice(Price.of("2534.03")).build())
        .hasMessage("OrderRequest.limitPrice must be a multiple of tick size 0.05 (instrument NSE:RELIANCE), was 2534.03");
    assertThatThrownBy(() -> limitBuy().limitPrice(Price.ZERO).build())
        .hasMessage("OrderRequest.limitPrice must be > 0, was 0.00");
  }

  @Test
  void anIndexCannotBeOrdered() {
    assertThatThrownBy(() -> limitBuy().instrument(Fixtures.niftyIndex()).build())
        .hasMessage("OrderRequest.instrument must be tradable (an index is not), was NSE:NIFTY");
  }

  @Test
  void requiredFieldsAreNamed() {
    assertThatThrownBy(() -> limitBuy().instrument(null).build()).hasMessage("OrderRequest.instrument is required, was null");
    assertThatThrownBy(() -> limitBuy().side(null).build()).hasMessage("OrderRequest.side is required, was null");
    assertThatThrownBy(() -> limitBuy().orderType(null).build()).hasMessage("OrderRequest.orderType is required, was null");
    assertThatThrownBy(() -> limitBuy().product(null).build()).hasMessage("OrderRequest.product is required, was null");
    assertThatThrownBy(() -> limitBuy().referenceId(null).build()).hasMessage("OrderRequest.referenceId is required, was null");
    assertThatThrownBy(() -> limitBuy().strategyId(null).build()).hasMessage("OrderRequest.strategyId is required, was null");
  }

  @Test
  void strategyIdAlgoIdAndTagAreChecked() {
    assertThatThrownBy(() -> limitBuy().strategyId("Momentum 5m").build()).hasMessageStartingWith("OrderRequest.strategyId must be");
    assertThatThrownBy(() -> limitBuy().algoId(" ").build()).hasMessageStartingWith("OrderRequest.algoId must be non-blank");
    assertThatThrownBy(() -> limitBuy().tag("x".repeat(65)).build()).hasMessageStartingWith("OrderRequest.tag must be non-blank and at most 64");
    OrderRequest r = limitBuy().algoId("ALGO-123").tag("entry").build();
    assertThat(r.algoId()).contains("ALGO-123");
    assertThat(r.tag()).contains("entry");
  }

  @Test
  void sellHasANegativeSignedQuantity() {
    assertThat(limitBuy().side(Side.SELL).build().signedQuantity()).isEqualTo(-10);
  }
}
