package io.aitrader.api.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketDepth;
import io.aitrader.api.market.Tick;
import org.junit.jupiter.api.Test;

class TopicTest {

  @Test
  void acceptsDotSeparatedLowerCaseWords() {
    assertThat(Topic.of("market.ticks.nse", Tick.class).name()).isEqualTo("market.ticks.nse");
    assertThat(Topic.of("signals.momentum-5m", String.class)).hasToString("signals.momentum-5m");
    assertThat(Topic.of("audit", String.class).type()).isEqualTo(String.class);
  }

  @Test
  void rejectsBadNamesQuotingThem() {
    for (String bad : new String[] {"Market.ticks", "market..ticks", ".market", "market.", "market ticks", ""}) {
      assertThatThrownBy(() -> Topic.of(bad, String.class))
          .as(bad)
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Topic.name must be dot-separated lower-case words")
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void standardTopicsHaveTheSeedNamesAndAreShared() {
    assertThat(Topics.ticks(Exchange.NSE).name()).isEqualTo("market.ticks.nse");
    assertThat(Topics.ticks(Exchange.NSE).type()).isEqualTo(Tick.class);
    assertThat(Topics.bars(BarInterval.M5).name()).isEqualTo("market.candles.5m");
    assertThat(Topics.bars(BarInterval.M5).type()).isEqualTo(Bar.class);
    assertThat(Topics.ticks(Exchange.BSE)).isSameAs(Topics.ticks(Exchange.BSE));
    assertThat(Topics.signals("momentum-5m").name()).isEqualTo("signals.momentum-5m");
  }

  @Test
  void depthTopicsArePerExchangeAndShared() {
    assertThat(Topics.depth(Exchange.NSE).name()).isEqualTo("market.depth.nse");
    assertThat(Topics.depth(Exchange.BSE).name()).isEqualTo("market.depth.bse");
    assertThat(Topics.depth(Exchange.NSE).type()).isEqualTo(MarketDepth.class);
    assertThat(Topics.depth(Exchange.NSE)).isSameAs(Topics.depth(Exchange.NSE));
  }

  @Test
  void equalTopicsHaveEqualNameAndType() {
    assertThat(Topic.of("a.b", String.class)).isEqualTo(Topic.of("a.b", String.class));
    assertThat(Topic.of("a.b", String.class)).isNotEqualTo(Topic.of("a.b", Integer.class));
  }

  @Test
  void subscriptionOptionsNeedAPowerOfTwoQueue() {
    assertThat(SubscriptionOptions.asynchronous(1024, OverflowPolicy.DROP_OLDEST).queueCapacity()).isEqualTo(1024);
    assertThat(SubscriptionOptions.SYNCHRONOUS.delivery()).isEqualTo(SubscriptionOptions.Delivery.SYNCHRONOUS);
    assertThatThrownBy(() -> SubscriptionOptions.asynchronous(1000, OverflowPolicy.BLOCK))
        .hasMessage("SubscriptionOptions.queueCapacity must be a power of two >= 2, was 1000");
    assertThatThrownBy(() -> SubscriptionOptions.asynchronous(1, OverflowPolicy.BLOCK)).hasMessageContaining("was 1");
  }
}
