package io.aitrader.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.bus.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EventTimeGateTest {
  /** An event of a test stream: its time, its key, and a label that identifies it. */
  record Ev(long time, String key, String label) {}

  /** One thing delivered to an input: an event on a shard, or a shard's watermark. */
  record Delivery(int input, int shard, Ev event, long mark) {}

  private static List<String> run(List<Delivery> deliveries, int inputs) {
    EventTimeGate gate = new EventTimeGate();
    List<String> released = new ArrayList<>();
    List<EventTimeGate.Input<Ev>> in = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      in.add(gate.input("in" + i, i, Ev::time, Ev::key, e -> released.add(e.label())));
    }
    for (Delivery d : deliveries) {
      if (d.event() != null) {
        in.get(d.input()).onEvent(d.event());
      } else {
        in.get(d.input()).onWatermark(new Watermark(d.mark(), d.shard(), 2));
      }
    }
    return released;
  }

  /**
   * Per input and shard, a time-ordered stream of events and marks (marks every 10 ms); the deliveries of different
   * streams are interleaved at random, each stream keeping its own order.
   */
  private static List<Delivery> interleave(long seed, int inputs) {
    Random streams = new Random(42);
    List<List<Delivery>> perStream = new ArrayList<>();
    for (int input = 0; input < inputs; input++) {
      for (int shard = 0; shard < 2; shard++) {
        List<Delivery> s = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 60; i++) {
          t += streams.nextInt(4);
          if (i % 6 == 0) {
            s.add(new Delivery(input, shard, null, t));
          }
          String key = "K" + (shard * 3 + streams.nextInt(3));
          s.add(new Delivery(input, shard, new Ev(t, key, input + ":" + key + "@" + t + "#" + i), 0));
        }
        s.add(new Delivery(input, shard, null, Long.MAX_VALUE));
        perStream.add(s);
      }
    }
    Random order = new Random(seed);
    List<Delivery> out = new ArrayList<>();
    int[] next = new int[perStream.size()];
    while (true) {
      List<Integer> open = new ArrayList<>();
      for (int i = 0; i < perStream.size(); i++) {
        if (next[i] < perStream.get(i).size()) {
          open.add(i);
        }
      }
      if (open.isEmpty()) {
        return out;
      }
      int pick = open.get(order.nextInt(open.size()));
      out.add(perStream.get(pick).get(next[pick]++));
    }
  }

  @Property(tries = 50)
  void releasesTheSameOrderHoweverTheStreamsInterleave(@ForAll long seed) {
    List<String> reference = run(interleave(0, 3), 3);

    List<String> shuffled = run(interleave(seed, 3), 3);

    assertThat(reference).hasSize(3 * 2 * 60);
    assertThat(shuffled).isEqualTo(reference);
  }

  @Test
  void releasesByTimeThenRankThenKeyAndOnlyOnceEveryInputHasPassed() {
    EventTimeGate gate = new EventTimeGate();
    List<String> released = new ArrayList<>();
    EventTimeGate.Input<Ev> ticks = gate.input("ticks", 2, Ev::time, Ev::key, e -> released.add(e.label()));
    EventTimeGate.Input<Ev> bars = gate.input("bars", 0, Ev::time, Ev::key, e -> released.add(e.label()));
    List<Long> lows = new ArrayList<>();
    gate.onAdvance(lows::add);

    ticks.onEvent(new Ev(100, "B", "tick B@100"));
    ticks.onEvent(new Ev(100, "A", "tick A@100"));
    ticks.onWatermark(new Watermark(200, 0, 1));
    assertThat(released).as("bars have not passed 100 yet").isEmpty();
    bars.onEvent(new Ev(100, "Z", "bar Z@100"));
    bars.onWatermark(new Watermark(150, 0, 1));

    assertThat(released).containsExactly("bar Z@100", "tick A@100", "tick B@100");
    assertThat(lows).containsExactly(150L);
    assertThat(gate.low()).isEqualTo(150);
  }

  @Test
  void waitsForEveryShardOfAnInput() {
    EventTimeGate gate = new EventTimeGate();
    List<String> released = new ArrayList<>();
    EventTimeGate.Input<Ev> in = gate.input("in", 0, Ev::time, Ev::key, e -> released.add(e.label()));
    in.onEvent(new Ev(10, "A", "a"));

    in.onWatermark(new Watermark(50, 0, 3));
    in.onWatermark(new Watermark(50, 2, 3));
    assertThat(released).isEmpty();
    in.onWatermark(new Watermark(20, 1, 3));

    assertThat(released).containsExactly("a");
    assertThat(gate.low()).isEqualTo(20);
  }

  @Test
  void dropsAndCountsAnEventOlderThanWhatWasReleased() {
    EventTimeGate gate = new EventTimeGate();
    List<String> released = new ArrayList<>();
    EventTimeGate.Input<Ev> in = gate.input("in", 0, Ev::time, Ev::key, e -> released.add(e.label()));
    in.onEvent(new Ev(10, "A", "first"));
    in.onWatermark(new Watermark(20, 0, 1));

    in.onEvent(new Ev(10, "A", "redelivered"));
    in.onEvent(new Ev(25, "A", "later"));
    in.onWatermark(new Watermark(30, 0, 1));

    assertThat(released).containsExactly("first", "later");
    assertThat(gate.late()).isEqualTo(1);
    assertThat(gate.waiting()).isZero();
  }

  @Test
  void refusesAWatermarkFromARepartitionedTopic() {
    EventTimeGate gate = new EventTimeGate();
    EventTimeGate.Input<Ev> in = gate.input("bars", 0, Ev::time, Ev::key, e -> { });
    in.onWatermark(new Watermark(10, 0, 2));

    assertThatThrownBy(() -> in.onWatermark(new Watermark(20, 0, 3))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("input 'bars' had 2 shard(s) and now sees a watermark of 3");
  }
}
