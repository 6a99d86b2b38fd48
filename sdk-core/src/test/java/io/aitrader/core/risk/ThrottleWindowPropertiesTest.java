package io.aitrader.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ThrottleWindowPropertiesTest {

  /** The ring decides exactly as counting the permitted orders of the last second would. */
  @Property
  void permitsExactlyWhenFewerThanTheLimitWerePermittedInTheLastSecond(
      @ForAll @IntRange(min = 1, max = 12) int limit,
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 400) Integer> gaps) {
    Throttle throttle = new Throttle(limit);
    List<Long> permitted = new ArrayList<>();
    long t = 1_000_000L;
    for (int gap : gaps) {
      t += gap;
      long now = t;
      long inWindow = permitted.stream().filter(p -> p > now - 1_000).count();
      boolean expected = inWindow < limit;

      boolean permits = throttle.retryAfter(t) == 0;

      assertThat(permits).isEqualTo(expected);
      if (permits) {
        throttle.record(t);
        permitted.add(t);
      } else {
        long oldestInWindow = permitted.stream().filter(p -> p > now - 1_000).min(Long::compare).orElseThrow();
        assertThat(throttle.retryAfter(t)).isEqualTo(oldestInWindow + 1_000 - t);
      }
    }
  }
}
