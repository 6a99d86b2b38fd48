package io.aitrader.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BoundedRingTest {

  enum Op { OFFER, POLL_SINGLE, POLL_SHARED, DISCARD }

  @Property(tries = 300)
  void behavesLikeABoundedFifoQueue(@ForAll @IntRange(min = 1, max = 5) int capacityLog2,
      @ForAll("operations") List<Op> operations) {
    int capacity = 1 << capacityLog2;
    BoundedRing ring = new BoundedRing(capacity);
    ArrayDeque<Integer> model = new ArrayDeque<>();
    long discarded = 0;
    int next = 0;

    for (Op op : operations) {
      switch (op) {
        case OFFER -> {
          Integer event = next++;
          boolean accepted = ring.offer(event);
          assertThat(accepted).isEqualTo(model.size() < capacity);
          if (accepted) {
            model.addLast(event);
          }
        }
        case POLL_SINGLE -> assertThat(ring.pollSingleConsumer()).isEqualTo(model.pollFirst());
        case POLL_SHARED -> assertThat(ring.pollShared()).isEqualTo(model.pollFirst());
        case DISCARD -> {
          boolean dropped = ring.discardOldest();
          assertThat(dropped).isEqualTo(!model.isEmpty());
          if (dropped) {
            model.pollFirst();
            discarded++;
          }
        }
        default -> throw new IllegalStateException(op.name());
      }
      assertThat(ring.isEmpty()).isEqualTo(model.isEmpty());
      assertThat(ring.dropped()).isEqualTo(discarded);
    }
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    return Arbitraries.of(Op.values()).list().ofMaxSize(200);
  }

  @Test
  void rejectsACapacityThatIsNotAPowerOfTwo() {
    assertThatThrownBy(() -> new BoundedRing(6)).hasMessage("capacity must be a power of two >= 2, was 6");
  }

  @Test
  void clearForgetsEveryQueuedEvent() {
    BoundedRing ring = new BoundedRing(4);
    ring.offer("a");
    ring.offer("b");

    ring.clear();

    assertThat(ring.isEmpty()).isTrue();
    assertThat(ring.pollShared()).isNull();
    assertThat(ring.dropped()).isZero();
  }
}
