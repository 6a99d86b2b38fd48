package io.aitrader.core.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.core.testdata.TestInstruments;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AllocationTest {

  @Test
  void evaluatingVectorsThatEmitNothingAllocatesNothingInSteadyState() {
    var mx = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "needs the HotSpot thread MX bean");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) mx;
    Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
    // score ~0.05 >= 0: every vector is a LONG candidate, so the entry rules run on each one (rsi never < 30)
    LinearSignalModel model = LinearSignalModel.builder("lin", "v1").weight("rsi(14)", 0.001).build();
    DefaultSignalService service = DefaultSignalService.builder().featureNames(Vectors.NAMES).build();
    service.register(RuleSet.builder("quiet").model(model).longThreshold(0).shortThreshold(-0.9)
        .entryWhen(Rules.all(Rules.crossesAbove("ema(20)", "ema(50)"), Rules.threshold("rsi(14)", Comparison.LT, 30),
            Rules.timeBetween(LocalTime.of(9, 20), LocalTime.of(15, 0)), Rules.cooldown(Duration.ofMinutes(5)),
            Rules.maxPerDay(3)))
        .exitWhen(Rules.crossesBelow("ema(20)", "ema(50)"))
        .build());
    int n = 20_000;
    FeatureVector[] vectors = new FeatureVector[n];
    long t = TestInstruments.at("09:20");
    for (int i = 0; i < n; i++) {
      vectors[i] = Vectors.of(TestInstruments.RELIANCE, t + i * 1_000L, 40 + i % 20, 100 + i % 3, 101);
    }
    for (int i = 0; i < n / 2; i++) {
      service.onFeatures(vectors[i]);
    }

    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    for (int i = n / 2; i < n; i++) {
      service.onFeatures(vectors[i]);
    }
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

    assertThat(service.emittedSignals()).isZero();
    assertThat(service.rejectedVectors()).isZero();
    assertThat(allocated).as("bytes for %d evaluations", n / 2).isLessThan(n / 2);
  }
}
