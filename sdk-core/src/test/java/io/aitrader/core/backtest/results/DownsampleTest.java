package io.aitrader.core.backtest.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsampleTest {

  @Test
  void keepsEveryPointOfAShortSeries() {
    assertThat(Downsample.indices(new double[] {3, 1, 2}, 2_000)).containsExactly(0, 1, 2);
  }

  @Test
  void keepsTheLowAndHighOfEachBucketInOrderAndNoMoreThanTheLimit() {
    double[] v = new double[100_003];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.sin(i / 500.0) * 1000 + (i % 7);
    }
    v[77_777] = -5_000;
    v[12_345] = 9_000;

    int[] keep = Downsample.indices(v, 2_000);

    assertThat(keep.length).isLessThanOrEqualTo(2_000).isGreaterThan(1_000);
    assertThat(keep).isSorted().doesNotHaveDuplicates().contains(77_777, 12_345);
    assertThat(Arrays.stream(keep).mapToDouble(i -> v[i]).min().getAsDouble()).isEqualTo(-5_000);
  }
}
