package io.aitrader.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionsTest {

  @Test
  void validationHelpersNameFieldRuleAndValue() {
    assertThatThrownBy(() -> ValidationException.check(false, "Tick.lastPrice", "must be > 0", -5))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Tick.lastPrice must be > 0, was -5");
    assertThatThrownBy(() -> ValidationException.required(null, "Bar.instrument")).hasMessage("Bar.instrument is required, was null");
    assertThatThrownBy(() -> ValidationException.requireText("", "x")).hasMessage("x must not be blank, was ''");
    assertThat(ValidationException.requireText("ok", "x")).isEqualTo("ok");
  }

  @Test
  void configurationExceptionListsEveryProblem() {
    ConfigurationException one = new ConfigurationException("broker is required");
    ConfigurationException two = new ConfigurationException(List.of("a is bad", "b is bad"));

    assertThat(one).hasMessage("Invalid configuration: broker is required");
    assertThat(two.problems()).containsExactly("a is bad", "b is bad");
    assertThat(two).hasMessage("Invalid configuration (2 problems):\n  - a is bad\n  - b is bad");
  }

  @Test
  void brokerFamilyKnowsWhatIsRetryable() {
    RateLimitedException limited = new RateLimitedException("10 orders/s", 250);
    OrderRejectedException rejected = new OrderRejectedException("insufficient margin");

    assertThat(limited.isRetryable()).isTrue();
    assertThat(limited.retryAfterMillis()).isEqualTo(250);
    assertThat(limited.getStackTrace()).isEmpty();
    assertThat(rejected.isRetryable()).isFalse();
    assertThat(rejected.reason()).isEqualTo("insufficient margin");
    assertThat(rejected).hasMessage("Order rejected: insufficient margin").isInstanceOf(BrokerException.class);
    assertThat(new BrokerException("timeout", true).isRetryable()).isTrue();
  }

  @Test
  void strategyIdsFollowTheTopicWordSyntax() {
    assertThat(Identifiers.isStrategyId("momentum-5m")).isTrue();
    assertThat(Identifiers.isStrategyId("pairs_01")).isTrue();
    assertThat(Identifiers.isStrategyId("Momentum")).isFalse();
    assertThat(Identifiers.isStrategyId("-x")).isFalse();
    assertThat(Identifiers.isStrategyId("a".repeat(65))).isFalse();
    assertThatThrownBy(() -> Identifiers.requireStrategyId("my strategy", "Signal.strategyId"))
        .hasMessageStartingWith("Signal.strategyId must be 1-64 lower-case letters")
        .hasMessageEndingWith("was 'my strategy'");
  }
}
