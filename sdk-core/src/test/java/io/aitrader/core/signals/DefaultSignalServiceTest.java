package io.aitrader.core.signals;

import static io.aitrader.core.signals.Vectors.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.NotFoundException;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.signal.Direction;
import io.aitrader.api.signal.Signal;
import io.aitrader.api.signal.SignalModel;
import io.aitrader.api.signal.SignalPolicy;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.signals.LinearSignalModel.Squashing;
import io.aitrader.core.testdata.TestInstruments;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultSignalServiceTest {
  /** score = clip(-0.5 + 0.01 * rsi + 0.5 * ema(20)/ema(50)). */
  private static final LinearSignalModel RSI_MODEL = LinearSignalModel.builder("lin", "v1")
      .intercept(-0.5).weight("rsi(14)", 0.01).weight("ema(20)/ema(50)", 0.5).squashing(Squashing.CLIP).build();

  private final DefaultSignalService service = DefaultSignalService.builder().featureNames(Vectors.NAMES).build();
  private final List<Signal> received = new ArrayList<>();

  DefaultSignalServiceTest() {
    service.subscribe(received::add);
  }

  @Test
  void ruleOnlySetEmitsItsDirectionOnceOnTheCrossingBarWithTheReason() {
    service.register(RuleSet.builder("ema-cross").direction(Direction.LONG).rulesVersion("r1")
        .entryWhen(Rules.all(Rules.crossesAbove("ema(20)", "ema(50)"), Rules.threshold("rsi(14)", Comparison.LT, 70)))
        .build());

    service.onFeatures(at("10:00", 55, 99, 100));
    service.onFeatures(at("10:05", 58, 100.5, 100));
    service.onFeatures(at("10:10", 60, 101, 100));

    assertThat(received).hasSize(1);
    Signal s = received.get(0);
    assertThat(s.strategyId()).isEqualTo("ema-cross");
    assertThat(s.instrument()).isEqualTo(TestInstruments.RELIANCE);
    assertThat(s.timestampMillis()).isEqualTo(TestInstruments.at("10:05"));
    assertThat(s.direction()).isEqualTo(Direction.LONG);
    assertThat(s.strength()).isEqualTo(1.0);
    assertThat(s.modelId()).isEqualTo("rules");
    assertThat(s.modelVersion()).isEqualTo("r1");
    assertThat(s.reason()).isEqualTo(
        "LONG: ema(20) crosses above ema(50): 100.5 > 100, was 99 <= 100 ✓; rsi(14)=58 < 70 ✓");
    assertThat(s.features().value("rsi(14)")).hasValue(58);
  }

  @Test
  void modelScoreSetsDirectionAndStrengthAndTheReasonListsEveryRule() {
    LinearSignalModel model = LinearSignalModel.builder("lin", "v1").intercept(0.3).weight("rsi(14)", 0.01)
        .squashing(Squashing.NONE).build();
    service.register(RuleSet.builder("momentum-5m").model(model).longThreshold(0.5).shortThreshold(-0.5)
        .entryWhen(Rules.all(Rules.threshold("rsi(14)", Comparison.LT, 33),
            Rules.threshold("ema(20)/ema(50)", Comparison.GT, 1),
            Rules.timeBetween(LocalTime.of(9, 20), LocalTime.of(15, 0))))
        .build());

    service.onFeatures(at("10:15", 32, 101.23, 100));

    assertThat(received).singleElement().satisfies(s -> {
      assertThat(s.direction()).isEqualTo(Direction.LONG);
      assertThat(s.strength()).isCloseTo(0.62, offset(1e-12));
      assertThat(s.modelId()).isEqualTo("lin");
      assertThat(s.modelVersion()).isEqualTo("v1");
      assertThat(s.reason()).isEqualTo("LONG: model lin@v1 score 0.62 >= 0.5 ✓; rsi(14)=32 < 33 ✓; "
          + "ema(20)/ema(50)=1.0123 > 1 ✓; time 10:15 IST in [09:20, 15:00) ✓");
    });
  }

  @Test
  void negativeScoreGivesShortAndNeutralScoreGivesNothing() {
    service.register(RuleSet.builder("both-ways").model(RSI_MODEL).longThreshold(0.3).shortThreshold(-0.3).build());

    service.onFeatures(at("10:00", 10, 100, 100));   // -0.5 + 0.1 + 0.5 = 0.1: neutral
    service.onFeatures(at("10:05", 10, 10, 100));    // -0.5 + 0.1 + 0.05 = -0.35: SHORT

    assertThat(received).singleElement().satisfies(s -> {
      assertThat(s.direction()).isEqualTo(Direction.SHORT);
      assertThat(s.strength()).isCloseTo(-0.35, offset(1e-12));
      assertThat(s.reason()).isEqualTo("SHORT: model lin@v1 score -0.35 <= -0.3 ✓");
    });
  }

  @Test
  void exitRuleEmitsFlatOnlyWhileInAPosition() {
    service.register(RuleSet.builder("ema-cross").direction(Direction.LONG)
        .entryWhen(Rules.crossesAbove("ema(20)", "ema(50)"))
        .exitWhen(Rules.crossesBelow("ema(20)", "ema(50)"))
        .build());

    service.onFeatures(at("10:00", 50, 101, 100));
    service.onFeatures(at("10:05", 50, 99, 100));     // crosses below, but no position: nothing
    service.onFeatures(at("10:10", 50, 101, 100));    // crosses above: LONG
    service.onFeatures(at("10:15", 50, 99, 100));     // crosses below: FLAT

    assertThat(received).extracting(Signal::direction).containsExactly(Direction.LONG, Direction.FLAT);
    assertThat(received.get(1).strength()).isZero();
    assertThat(received.get(1).reason())
        .isEqualTo("FLAT (exit LONG): ema(20) crosses below ema(50): 99 < 100, was 101 >= 100 ✓");
  }

  @Test
  void cooldownAndDailyLimitGateEntriesPerInstrumentAndResetOnTheNextIstDay() {
    service.register(RuleSet.builder("every-bar").direction(Direction.LONG)
        .entryWhen(Rules.all(Rules.cooldown(Duration.ofMinutes(10)), Rules.maxPerDay(2))).build());

    for (String time : List.of("10:00", "10:05", "10:10", "10:15", "10:20", "10:25")) {
      service.onFeatures(at(time, 50, 1, 1));
      service.onFeatures(Vectors.of(TestInstruments.TCS, TestInstruments.at(time), 50, 1, 1));
    }
    long nextDay = TestInstruments.at(TestInstruments.MONDAY.plusDays(1), "09:20");
    service.onFeatures(Vectors.of(TestInstruments.RELIANCE, nextDay, 50, 1, 1));

    assertThat(received).filteredOn(s -> s.instrument().equals(TestInstruments.RELIANCE))
        .extracting(Signal::timestampMillis)
        .containsExactly(TestInstruments.at("10:00"), TestInstruments.at("10:10"), nextDay);
    assertThat(received).filteredOn(s -> s.instrument().equals(TestInstruments.TCS)).hasSize(2);
  }

  @Test
  void signalsArePublishedOnTheStrategyTopicOfTheBus() {
    try (InProcessEventBus bus = InProcessEventBus.create()) {
      List<Signal> onTopic = new ArrayList<>();
      List<Signal> onOtherTopic = new ArrayList<>();
      bus.subscribe(Topics.signals("rsi-revert"), onTopic::add, SubscriptionOptions.SYNCHRONOUS);
      bus.subscribe(Topics.signals("other"), onOtherTopic::add, SubscriptionOptions.SYNCHRONOUS);
      DefaultSignalService withBus = DefaultSignalService.builder().featureNames(Vectors.NAMES).eventBus(bus).build();
      withBus.register(RuleSet.builder("rsi-revert").direction(Direction.LONG)
          .entryWhen(Rules.crossesAbove("rsi(14)", 30)).build());

      withBus.onFeatures(at("10:00", 25, 1, 1));
      withBus.onFeatures(at("10:05", 31, 1, 1));

      assertThat(onTopic).singleElement().satisfies(s -> {
        assertThat(s.strategyId()).isEqualTo("rsi-revert");
        assertThat(s.reason()).isEqualTo("LONG: rsi(14) crosses above 30: 31 > 30, was 25 <= 30 ✓");
      });
      assertThat(onOtherTopic).isEmpty();
    }
  }

  @Test
  void registeringAnUnknownFeatureFailsNamingItAndTheDefinedOnes() {
    RuleSet rules = RuleSet.builder("typo").direction(Direction.LONG)
        .entryWhen(Rules.all(Rules.threshold("rsi(7)", Comparison.LT, 30), Rules.crossesAbove("ema(20)", "ema(200)")))
        .build();

    assertThatThrownBy(() -> service.register(rules))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
            "strategy typo: rule 'all(rsi(7) < 30, ema(20) crosses above ema(200))' reads feature 'rsi(7)', which is "
                + "not defined; defined: [rsi(14), ema(20), ema(50), ema(20)/ema(50)]",
            "strategy typo: rule 'all(rsi(7) < 30, ema(20) crosses above ema(200))' reads feature 'ema(200)', which is "
                + "not defined; defined: [rsi(14), ema(20), ema(50), ema(20)/ema(50)]"));
    assertThat(service.strategyIds()).isEmpty();
  }

  @Test
  void registeringAModelWithAnUnknownFeatureFailsNamingIt() {
    LinearSignalModel model = LinearSignalModel.builder("lin", "v2").weight("adx(14)", 1).build();

    assertThatThrownBy(() -> service.register(SignalPolicy.builder("trend").build(), model))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration: strategy trend: model lin@v2 reads feature 'adx(14)', which is not "
            + "defined; defined: [rsi(14), ema(20), ema(50), ema(20)/ema(50)]");
  }

  @Test
  void policyConditionsCooldownAndEmitFlatMapOntoRules() {
    service.register(SignalPolicy.builder("policy").longThreshold(0.3).shortThreshold(-0.3)
        .condition("ema(20) > ema(50)").condition("rsi(14) >= 20").cooldownMillis(600_000).emitFlat(true).build(),
        RSI_MODEL);

    service.onFeatures(at("10:00", 30, 101, 100));   // -0.5 + 0.3 + 0.505 = 0.305: LONG
    service.onFeatures(at("10:05", 35, 102, 100));   // LONG again, but within the cool-down
    service.onFeatures(at("10:10", 10, 101, 100));   // 0.105: neutral while LONG: FLAT

    assertThat(received).extracting(Signal::direction).containsExactly(Direction.LONG, Direction.FLAT);
    assertThat(received.get(0).reason()).isEqualTo(
        "LONG: model lin@v1 score 0.305 >= 0.3 ✓; ema(20)=101 > ema(50)=100 ✓; rsi(14)=30 >= 20 ✓; cooldown 10m: no earlier signal ✓");
    assertThat(received.get(1).reason()).isEqualTo("FLAT (exit LONG): model lin@v1 score 0.105 in (-0.3, 0.3) ✓");
  }

  @Test
  void policyConditionsThatCannotBeParsedAreAllReported() {
    SignalPolicy policy = SignalPolicy.builder("bad").condition("rsi(14) == 30").condition("vwap > 1")
        .condition("rsi(14) < oversold").build();

    assertThatThrownBy(() -> service.register(policy, RSI_MODEL))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
            "strategy bad: condition 'rsi(14) == 30' must be '<feature> <op> <feature or number>' with op one of >, >=, <, <=",
            "strategy bad: condition 'vwap > 1' reads feature 'vwap', which is not defined; "
                + "defined: [rsi(14), ema(20), ema(50), ema(20)/ema(50)]",
            "strategy bad: condition 'rsi(14) < oversold' compares with 'oversold', which is neither a defined "
                + "feature nor a number; defined: [rsi(14), ema(20), ema(50), ema(20)/ema(50)]"));
  }

  @Test
  void vectorsWithAnotherLayoutOrNotAfterThePreviousOneAreSkippedAndCounted() {
    service.register(RuleSet.builder("always").direction(Direction.LONG).build());
    FeatureVector otherLayout = FeatureVector.of(TestInstruments.RELIANCE, BarInterval.M5, TestInstruments.at("10:00"),
        List.of("rsi(14)"), new double[] {30});

    service.onFeatures(otherLayout);
    service.onFeatures(at("10:05", 50, 1, 1));
    service.onFeatures(at("10:05", 50, 1, 1));
    service.onFeatures(at("10:00", 50, 1, 1));

    assertThat(received).hasSize(1);
    assertThat(received.get(0).reason()).isEqualTo("LONG: always ✓");
    assertThat(service.rejectedVectors()).isEqualTo(3);
    assertThat(service.emittedSignals()).isEqualTo(1);
  }

  @Test
  void invalidModelScoresAreSkippedAndCountedButCrossoverStateAdvances() {
    SignalModel broken = new SignalModel() {
      @Override
      public String id() {
        return "broken";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public List<String> requiredFeatures() {
        return List.of("rsi(14)");
      }

      @Override
      public double score(FeatureVector v) {
        return v.value(0) > 90 ? 2.0 : 1.0;
      }
    };
    service.register(RuleSet.builder("x").model(broken).entryWhen(Rules.crossesAbove("ema(20)", "ema(50)")).build());

    service.onFeatures(at("10:00", 50, 99, 100));
    service.onFeatures(at("10:05", 95, 101, 100));   // score 2: skipped, crossing consumed
    service.onFeatures(at("10:10", 50, 102, 100));   // no crossing any more

    assertThat(received).isEmpty();
    assertThat(service.invalidScores()).isEqualTo(1);
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    service.subscribe(s -> {
      throw new IllegalStateException("listener bug");
    });
    List<Signal> later = new ArrayList<>();
    service.subscribe(later::add);
    service.register(RuleSet.builder("always").direction(Direction.SHORT).build());

    service.onFeatures(at("10:00", 50, 1, 1));

    assertThat(later).hasSize(1);
    assertThat(later.get(0).strength()).isEqualTo(-1.0);
    assertThat(service.listenerFailures()).isEqualTo(1);
  }

  @Test
  void evaluateReturnsTheSignalOfOneStrategyAndFailsForAnUnknownOne() {
    service.register(RuleSet.builder("a").direction(Direction.LONG).build());
    service.register(RuleSet.builder("b").direction(Direction.SHORT).build());

    var signal = service.evaluate("b", at("10:00", 50, 1, 1));

    assertThat(signal).hasValueSatisfying(s -> assertThat(s.strategyId()).isEqualTo("b"));
    assertThat(received).extracting(Signal::strategyId).containsExactly("b");
    assertThatThrownBy(() -> service.evaluate("c", at("10:05", 50, 1, 1)))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("'c'").hasMessageContaining("[a, b]");
  }

  @Test
  void unregisterAndReRegisterReplaceTheStrategyWithFreshState() {
    RuleSet rules = RuleSet.builder("cross").direction(Direction.LONG).entryWhen(Rules.crossesAbove("rsi(14)", 30)).build();
    service.register(rules);
    service.onFeatures(at("10:00", 25, 1, 1));
    service.register(rules);

    service.onFeatures(at("10:05", 35, 1, 1));   // first vector for the new registration: no crossing
    boolean removed = service.unregister("cross");
    service.onFeatures(at("10:10", 25, 1, 1));

    assertThat(received).isEmpty();
    assertThat(removed).isTrue();
    assertThat(service.unregister("cross")).isFalse();
    assertThat(service.strategyIds()).isEmpty();
  }

  @Test
  void intervalFilterIgnoresVectorsOfOtherIntervals() {
    service.register(RuleSet.builder("m15").direction(Direction.LONG).interval(BarInterval.M15).build());

    service.onFeatures(at("10:00", 50, 1, 1));

    assertThat(received).isEmpty();
  }

  @Test
  void theSameVectorsGiveTheSameSignals() {
    List<Signal> first = run();
    List<Signal> second = run();

    assertThat(first).isNotEmpty().isEqualTo(second);
  }

  private static List<Signal> run() {
    DefaultSignalService s = DefaultSignalService.builder().featureNames(Vectors.NAMES).build();
    List<Signal> out = new ArrayList<>();
    s.subscribe(out::add);
    s.register(RuleSet.builder("det").model(RSI_MODEL).longThreshold(0.1).shortThreshold(-0.1)
        .entryWhen(Rules.cooldownBars(2)).flatOnNeutralScore(true).build());
    long t = TestInstruments.at("09:20");
    for (int i = 0; i < 50; i++) {
      double rsi = 50 + 30 * Math.sin(i / 3.0);
      s.onFeatures(Vectors.of(TestInstruments.RELIANCE, t + i * 300_000L, rsi, 100 + i % 7, 102));
    }
    return out;
  }
}
