package io.aitrader.core.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.core.testdata.TestInstruments;
import io.aitrader.api.time.Ist;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RulePropertiesTest {

  @Property(tries = 200)
  void crossesAboveHoldsExactlyWhereTheSeriesGoesFromAtOrBelowToAbove(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 90, max = 110) Integer> fast) {
    RuleHarness rule = new RuleHarness(Rules.crossesAbove("ema(20)", "ema(50)"));
    long t = TestInstruments.at("09:20");
    for (int i = 0; i < fast.size(); i++) {
      FeatureVector v = Vectors.of(TestInstruments.RELIANCE, t + i * 300_000L, 50, fast.get(i), 100);

      boolean fired = rule.step(v).passed();

      boolean expected = i > 0 && fast.get(i - 1) <= 100 && fast.get(i) > 100;
      assertThat(fired).as("vector %d of %s", i, fast).isEqualTo(expected);
    }
  }

  @Property(tries = 100)
  void maxPerDayNeverLetsMoreThroughInOneIstDay(
      @ForAll @IntRange(min = 1, max = 5) int max, @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 1, max = 120) Integer> gapsMinutes) {
    RuleHarness rule = new RuleHarness(Rules.maxPerDay(max));
    Map<Long, Integer> perDay = new HashMap<>();
    long t = TestInstruments.at("09:15");
    for (int gap : gapsMinutes) {
      t += gap * 60_000L;
      FeatureVector v = Vectors.of(TestInstruments.RELIANCE, t, 50, 1, 1);
      long day = Ist.epochDayOf(t);
      boolean allowed = perDay.getOrDefault(day, 0) < max;

      boolean passed = rule.stepEmittingWhenPassed(v).passed();
      if (passed) {
        perDay.merge(day, 1, Integer::sum);
      }

      assertThat(passed).isEqualTo(allowed);
    }
    assertThat(perDay.values()).allMatch(n -> n <= max);
  }
}
