package io.aitrader.core.signals;

import static io.aitrader.core.signals.Vectors.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.core.signals.RuleHarness.Outcome;
import io.aitrader.core.testdata.TestInstruments;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class RulesTest {

  @Test
  void thresholdPassesAndFailsWithTheValueInTheReason() {
    RuleHarness rule = new RuleHarness(Rules.threshold("rsi(14)", Comparison.LT, 30));

    Outcome oversold = rule.step(at("10:00", 28.41, 100, 100));
    Outcome neutral = rule.step(at("10:05", 45, 100, 100));

    assertThat(oversold).isEqualTo(new Outcome(true, "rsi(14)=28.41 < 30 ✓"));
    assertThat(neutral).isEqualTo(new Outcome(false, "rsi(14)=45 < 30 ✗"));
  }

  @Test
  void thresholdComparisonsTreatTheBoundaryAsTheirSymbolSays() {
    FeatureVector atThirty = at("10:00", 30, 100, 100);

    assertThat(new RuleHarness(Rules.threshold("rsi(14)", Comparison.GT, 30)).step(atThirty).passed()).isFalse();
    assertThat(new RuleHarness(Rules.threshold("rsi(14)", Comparison.GE, 30)).step(atThirty).passed()).isTrue();
    assertThat(new RuleHarness(Rules.threshold("rsi(14)", Comparison.LT, 30)).step(atThirty).passed()).isFalse();
    assertThat(new RuleHarness(Rules.threshold("rsi(14)", Comparison.LE, 30)).step(atThirty).reason())
        .isEqualTo("rsi(14)=30 <= 30 ✓");
  }

  @Test
  void ratioThresholdShowsFourDecimals() {
    RuleHarness rule = new RuleHarness(Rules.threshold("ema(20)/ema(50)", Comparison.GT, 1));

    Outcome o = rule.step(at("10:00", 50, 101.23, 100));

    assertThat(o).isEqualTo(new Outcome(true, "ema(20)/ema(50)=1.0123 > 1 ✓"));
  }

  @Test
  void compareNamesBothFeaturesAndTheirValues() {
    RuleHarness rule = new RuleHarness(Rules.compare("ema(20)", Comparison.GT, "ema(50)"));

    assertThat(rule.step(at("10:00", 50, 101.5, 100)))
        .isEqualTo(new Outcome(true, "ema(20)=101.5 > ema(50)=100 ✓"));
    assertThat(rule.step(at("10:05", 50, 99, 100)))
        .isEqualTo(new Outcome(false, "ema(20)=99 > ema(50)=100 ✗"));
  }

  @Test
  void betweenIncludesBothBounds() {
    RuleHarness rule = new RuleHarness(Rules.between("rsi(14)", 40, 60));

    assertThat(rule.step(at("10:00", 40, 1, 1))).isEqualTo(new Outcome(true, "rsi(14)=40 in [40, 60] ✓"));
    assertThat(rule.step(at("10:05", 60, 1, 1)).passed()).isTrue();
    assertThat(rule.step(at("10:10", 60.0001, 1, 1))).isEqualTo(new Outcome(false, "rsi(14)=60.0001 in [40, 60] ✗"));
    assertThat(rule.step(at("10:15", 39.99, 1, 1)).passed()).isFalse();
  }

  @Test
  void crossesAboveFiresOnceOnTheCrossingBarOnly() {
    RuleHarness rule = new RuleHarness(Rules.crossesAbove("ema(20)", "ema(50)"));

    Outcome first = rule.step(at("10:00", 50, 99, 100));
    Outcome stillBelow = rule.step(at("10:05", 50, 99.5, 100));
    Outcome crossing = rule.step(at("10:10", 50, 100.5, 100));
    Outcome stillAbove = rule.step(at("10:15", 50, 101, 100));
    Outcome back = rule.step(at("10:20", 50, 99, 100));
    Outcome again = rule.step(at("10:25", 50, 100.1, 100));

    assertThat(first).isEqualTo(new Outcome(false, "ema(20) crosses above ema(50): 99 > 100, was n/a ✗"));
    assertThat(stillBelow.passed()).isFalse();
    assertThat(crossing).isEqualTo(new Outcome(true, "ema(20) crosses above ema(50): 100.5 > 100, was 99.5 <= 100 ✓"));
    assertThat(stillAbove.passed()).isFalse();
    assertThat(back.passed()).isFalse();
    assertThat(again.passed()).isTrue();
  }

  @Test
  void crossoverNeverFiresOnTheFirstVectorEvenWhenAbove() {
    RuleHarness rule = new RuleHarness(Rules.crossesAbove("rsi(14)", 30));

    assertThat(rule.step(at("10:00", 35, 1, 1)).passed()).isFalse();
    assertThat(rule.step(at("10:05", 36, 1, 1)).passed()).isFalse();
  }

  @Test
  void crossesAboveAConstantCountsTouchingAsNotYetAbove() {
    RuleHarness rule = new RuleHarness(Rules.crossesAbove("rsi(14)", 30));

    rule.step(at("10:00", 25, 1, 1));
    Outcome touching = rule.step(at("10:05", 30, 1, 1));
    Outcome crossing = rule.step(at("10:10", 31, 1, 1));

    assertThat(touching.passed()).isFalse();
    assertThat(crossing).isEqualTo(new Outcome(true, "rsi(14) crosses above 30: 31 > 30, was 30 <= 30 ✓"));
  }

  @Test
  void crossesBelowFiresOnTheDownwardCrossingOnly() {
    RuleHarness rule = new RuleHarness(Rules.crossesBelow("ema(20)", "ema(50)"));

    rule.step(at("10:00", 50, 101, 100));
    Outcome crossing = rule.step(at("10:05", 50, 99, 100));
    Outcome stillBelow = rule.step(at("10:10", 50, 98, 100));

    assertThat(crossing).isEqualTo(new Outcome(true, "ema(20) crosses below ema(50): 99 < 100, was 101 >= 100 ✓"));
    assertThat(stillBelow.passed()).isFalse();
  }

  @Test
  void allRequiresEveryRuleAndListsEachResult() {
    RuleHarness rule = new RuleHarness(Rules.all(
        Rules.threshold("rsi(14)", Comparison.LT, 30), Rules.threshold("ema(20)/ema(50)", Comparison.GT, 1)));

    Outcome both = rule.step(at("10:00", 28, 101, 100));
    Outcome one = rule.step(at("10:05", 28, 99, 100));

    assertThat(both).isEqualTo(new Outcome(true, "all(rsi(14)=28 < 30 ✓, ema(20)/ema(50)=1.01 > 1 ✓) ✓"));
    assertThat(one).isEqualTo(new Outcome(false, "all(rsi(14)=28 < 30 ✓, ema(20)/ema(50)=0.99 > 1 ✗) ✗"));
  }

  @Test
  void anyRequiresOneRuleAndNotInverts() {
    RuleHarness any = new RuleHarness(Rules.any(
        Rules.threshold("rsi(14)", Comparison.LT, 30), Rules.threshold("rsi(14)", Comparison.GT, 70)));
    RuleHarness not = new RuleHarness(Rules.not(Rules.between("rsi(14)", 30, 70)));

    assertThat(any.step(at("10:00", 75, 1, 1))).isEqualTo(new Outcome(true, "any(rsi(14)=75 < 30 ✗ | rsi(14)=75 > 70 ✓) ✓"));
    assertThat(any.step(at("10:05", 50, 1, 1)).passed()).isFalse();
    assertThat(not.step(at("10:00", 75, 1, 1))).isEqualTo(new Outcome(true, "not(rsi(14)=75 in [30, 70] ✗) ✓"));
    assertThat(not.step(at("10:05", 50, 1, 1)).passed()).isFalse();
  }

  @Test
  void compositionKeepsTheStateOfNestedCrossovers() {
    RuleHarness rule = new RuleHarness(Rules.any(
        Rules.threshold("rsi(14)", Comparison.GT, 90), Rules.not(Rules.crossesBelow("rsi(14)", 50))));

    rule.step(at("10:00", 60, 1, 1));
    Outcome crossingDown = rule.step(at("10:05", 40, 1, 1));
    Outcome after = rule.step(at("10:10", 40, 1, 1));

    assertThat(crossingDown.passed()).isFalse();
    assertThat(after.passed()).isTrue();
  }

  @Test
  void timeWindowUsesTheIstTimeOfTheVectorWithAnExclusiveEnd() {
    RuleHarness rule = new RuleHarness(Rules.timeBetween(LocalTime.of(9, 45), LocalTime.of(15, 0)));

    Outcome justBefore = rule.step(at("09:44:59.999", 50, 1, 1));
    Outcome opening = rule.step(at("09:45:00", 50, 1, 1));
    Outcome lastMilli = rule.step(at("14:59:59.999", 50, 1, 1));
    Outcome closing = rule.step(at("15:00:00", 50, 1, 1));

    assertThat(justBefore).isEqualTo(new Outcome(false, "time 09:44:59.999 IST in [09:45, 15:00) ✗"));
    assertThat(opening).isEqualTo(new Outcome(true, "time 09:45 IST in [09:45, 15:00) ✓"));
    assertThat(lastMilli.passed()).isTrue();
    assertThat(closing.passed()).isFalse();
  }

  @Test
  void timeWindowReadsIstNotUtc() {
    RuleHarness rule = new RuleHarness(Rules.timeBetween(LocalTime.of(9, 15), LocalTime.of(15, 30)));
    long tenAmIst = TestInstruments.at("10:00");
    long tenAmUtc = tenAmIst + 5 * 3_600_000L + 30 * 60_000L;

    assertThat(rule.step(Vectors.of(TestInstruments.RELIANCE, tenAmIst, 50, 1, 1)).passed()).isTrue();
    assertThat(rule.step(Vectors.of(TestInstruments.RELIANCE, tenAmUtc, 50, 1, 1)))
        .isEqualTo(new Outcome(false, "time 15:30 IST in [09:15, 15:30) ✗"));
  }

  @Test
  void noEntriesAfterBlocksFromThatTimeOn() {
    RuleHarness rule = new RuleHarness(Rules.noEntriesAfter(LocalTime.of(15, 0)));

    assertThat(rule.step(at("14:59:59.999", 50, 1, 1))).isEqualTo(new Outcome(true, "time 14:59:59.999 IST before 15:00 ✓"));
    assertThat(rule.step(at("15:00", 50, 1, 1))).isEqualTo(new Outcome(false, "time 15:00 IST before 15:00 ✗"));
  }

  @Test
  void cooldownBlocksEntriesWithinThePeriodOfTheLastOne() {
    RuleHarness rule = new RuleHarness(Rules.cooldown(Duration.ofMinutes(15)));

    Outcome first = rule.step(at("10:00", 50, 1, 1), true);
    Outcome tenLater = rule.step(at("10:10", 50, 1, 1));
    Outcome fifteenLater = rule.step(at("10:15", 50, 1, 1), true);
    Outcome fiveAfterThat = rule.step(at("10:20", 50, 1, 1));

    assertThat(first).isEqualTo(new Outcome(true, "cooldown 15m: no earlier signal ✓"));
    assertThat(tenLater).isEqualTo(new Outcome(false, "cooldown 15m: 10m since last ✗"));
    assertThat(fifteenLater).isEqualTo(new Outcome(true, "cooldown 15m: 15m since last ✓"));
    assertThat(fiveAfterThat.passed()).isFalse();
  }

  @Test
  void cooldownInBarsCountsVectorsSinceTheLastEntry() {
    RuleHarness rule = new RuleHarness(Rules.cooldownBars(3));

    rule.step(at("10:00", 50, 1, 1), true);
    Outcome one = rule.step(at("10:05", 50, 1, 1));
    Outcome two = rule.step(at("10:10", 50, 1, 1));
    Outcome three = rule.step(at("10:15", 50, 1, 1));

    assertThat(one).isEqualTo(new Outcome(false, "cooldown 3 bars: 1 bars since last ✗"));
    assertThat(two.passed()).isFalse();
    assertThat(three).isEqualTo(new Outcome(true, "cooldown 3 bars: 3 bars since last ✓"));
  }

  @Test
  void maxPerDayBlocksAfterTheLimitAndResetsOnTheNextIstDay() {
    RuleHarness rule = new RuleHarness(Rules.maxPerDay(2));
    LocalDate monday = TestInstruments.MONDAY;

    Outcome first = rule.step(vectorAt(monday, "10:00"), true);
    Outcome second = rule.step(vectorAt(monday, "11:00"), true);
    Outcome third = rule.step(vectorAt(monday, "23:59"));
    Outcome nextIstDay = rule.step(vectorAt(monday.plusDays(1), "00:10"), true);

    assertThat(first).isEqualTo(new Outcome(true, "signals today 0 < max 2 ✓"));
    assertThat(second.passed()).isTrue();
    assertThat(third).isEqualTo(new Outcome(false, "signals today 2 < max 2 ✗"));
    assertThat(nextIstDay).isEqualTo(new Outcome(true, "signals today 0 < max 2 ✓"));
  }

  @Test
  void maxPerDayCountsOnlyEmittedEntries() {
    RuleHarness rule = new RuleHarness(Rules.maxPerDay(1));

    rule.step(at("10:00", 50, 1, 1), false);
    Outcome stillAllowed = rule.step(at("10:05", 50, 1, 1), true);
    Outcome blocked = rule.step(at("10:10", 50, 1, 1));

    assertThat(stillAllowed.passed()).isTrue();
    assertThat(blocked.passed()).isFalse();
  }

  @Test
  void modelScoreRuleScoresWithTheLinearModel() {
    LinearSignalModel model = LinearSignalModel.builder("lin", "v1").intercept(0.3).weight("rsi(14)", 0.01)
        .squashing(LinearSignalModel.Squashing.NONE).build();
    RuleHarness rule = new RuleHarness(Rules.modelScore(model, Comparison.GE, 0.5));

    Outcome high = rule.step(at("10:00", 32, 1, 1));
    Outcome low = rule.step(at("10:05", 10, 1, 1));

    assertThat(high).isEqualTo(new Outcome(true, "model lin@v1 score 0.62 >= 0.5 ✓"));
    assertThat(low).isEqualTo(new Outcome(false, "model lin@v1 score 0.4 >= 0.5 ✗"));
  }

  @Test
  void modelScoreRuleFailsForAScoreOutsideTheRange() {
    LinearSignalModel model = LinearSignalModel.builder("raw", "1").weight("rsi(14)", 1)
        .squashing(LinearSignalModel.Squashing.NONE).build();
    RuleHarness rule = new RuleHarness(Rules.modelScore(model, Comparison.GE, 0.5));

    assertThat(rule.step(at("10:00", 30, 1, 1))).isEqualTo(new Outcome(false, "model raw@1 score n/a >= 0.5 ✗"));
  }

  @Test
  void rulesDescribeThemselvesAndListTheirFeatures() {
    Rule rule = Rules.all(Rules.crossesAbove("ema(20)", "ema(50)"), Rules.not(Rules.threshold("rsi(14)", Comparison.GT, 70)),
        Rules.timeBetween(LocalTime.of(9, 20), LocalTime.of(15, 0)), Rules.cooldown(Duration.ofMinutes(15)), Rules.maxPerDay(3));

    assertThat(rule.describe()).isEqualTo("all(ema(20) crosses above ema(50), not(rsi(14) > 70), "
        + "time in [09:20, 15:00) IST, cooldown 15m, max 3 per day)");
    assertThat(rule.features()).containsExactly("ema(20)", "ema(50)", "rsi(14)");
  }

  @Test
  void factoriesRejectBadArgumentsNamingThem() {
    assertThatThrownBy(() -> Rules.timeBetween(LocalTime.of(15, 0), LocalTime.of(9, 15)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Rules.timeBetween.to must be after from 15:00");
    assertThatThrownBy(() -> Rules.maxPerDay(0)).hasMessage("Rules.maxPerDay.max must be > 0, was 0");
    assertThatThrownBy(() -> Rules.between("rsi(14)", 70, 30)).hasMessageContaining("Rules.between.hi");
    assertThatThrownBy(() -> Rules.all()).hasMessageContaining("Rules.all needs at least one rule");
    assertThatThrownBy(() -> Rules.threshold(" ", Comparison.LT, 1)).hasMessageContaining("Rules.threshold.feature");
  }

  private static FeatureVector vectorAt(LocalDate date, String istTime) {
    return Vectors.of(TestInstruments.RELIANCE, TestInstruments.at(date, istTime), 50, 1, 1);
  }
}
