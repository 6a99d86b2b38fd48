package io.aitrader.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class OrderEnumsTest {

  @Test
  void constantNamesAreTheGrowwWireValues() {
    assertThat(Product.values()).extracting(Enum::name).containsExactly("CNC", "MIS", "NRML", "MTF", "ARB", "BO", "CO");
    assertThat(OrderType.values()).extracting(Enum::name).containsExactly("MARKET", "LIMIT", "SL", "SL_M");
    assertThat(Validity.values()).extracting(Enum::name).containsExactly("DAY", "IOC", "GTC", "GTD", "EOS");
    assertThat(Side.values()).extracting(Enum::name).containsExactly("BUY", "SELL");
    assertThat(OrderStatus.values()).extracting(Enum::name).containsExactly("NEW", "ACKED", "TRIGGER_PENDING",
        "APPROVED", "OPEN", "REJECTED", "FAILED", "EXECUTED", "DELIVERY_AWAITED", "CANCELLED",
        "CANCELLATION_REQUESTED", "MODIFICATION_REQUESTED", "COMPLETED");
  }

  @Test
  void parsesWireValuesCaseInsensitively() {
    assertThat(Product.parse("cnc")).isEqualTo(Product.CNC);
    assertThat(OrderType.parse("SL_M")).isEqualTo(OrderType.SL_M);
    assertThat(Validity.parse(" ioc ")).isEqualTo(Validity.IOC);
    assertThat(Side.parse("sell")).isEqualTo(Side.SELL);
    assertThat(OrderStatus.parse("TRIGGER_PENDING")).isEqualTo(OrderStatus.TRIGGER_PENDING);
  }

  @Test
  void rejectsUnknownWireValuesListingTheValidOnes() {
    assertThatThrownBy(() -> OrderType.parse("STOP"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("orderType must be one of MARKET, LIMIT, SL, SL_M, was 'STOP'");
    assertThatThrownBy(() -> Side.parse("")).hasMessageContaining("side must not be blank");
    assertThatThrownBy(() -> Product.parse("DELIVERY")).hasMessageContaining("was 'DELIVERY'");
  }

  @Test
  void terminalStatusesAreExactlyTheFinalOnes() {
    EnumSet<OrderStatus> terminal = EnumSet.noneOf(OrderStatus.class);
    for (OrderStatus s : OrderStatus.values()) {
      if (s.isTerminal()) {
        terminal.add(s);
      }
      assertThat(s.isActive()).as(s.name()).isEqualTo(!s.isTerminal());
    }

    assertThat(terminal).containsExactlyInAnyOrder(OrderStatus.REJECTED, OrderStatus.FAILED, OrderStatus.EXECUTED,
        OrderStatus.DELIVERY_AWAITED, OrderStatus.CANCELLED, OrderStatus.COMPLETED);
    assertThat(OrderStatus.CANCELLATION_REQUESTED.isActive()).isTrue();
    assertThat(OrderStatus.EXECUTED.isFilled()).isTrue();
    assertThat(OrderStatus.CANCELLED.isFilled()).isFalse();
  }

  @Test
  void orderTypesKnowWhichPricesTheyNeed() {
    assertThat(OrderType.MARKET.requiresLimitPrice()).isFalse();
    assertThat(OrderType.MARKET.requiresTriggerPrice()).isFalse();
    assertThat(OrderType.LIMIT.requiresLimitPrice()).isTrue();
    assertThat(OrderType.SL.requiresLimitPrice()).isTrue();
    assertThat(OrderType.SL.requiresTriggerPrice()).isTrue();
    assertThat(OrderType.SL_M.requiresLimitPrice()).isFalse();
    assertThat(OrderType.SL_M.requiresTriggerPrice()).isTrue();
  }

  @Test
  void sidesHaveSignsAndOpposites() {
    assertThat(Side.BUY.sign()).isEqualTo(1);
    assertThat(Side.SELL.sign()).isEqualTo(-1);
    assertThat(Side.BUY.opposite()).isEqualTo(Side.SELL);
    assertThat(Product.MIS.isIntraday()).isTrue();
    assertThat(Product.CNC.isIntraday()).isFalse();
  }
}
