package io.aitrader.core.bus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * A bounded, preallocated ring of event references: many producers, one consumer, plus producers that may
 * discard the oldest entry (for {@code DROP_OLDEST}).
 *
 * <p>The design is D. Vyukov's bounded queue: every slot carries a sequence number. A slot at position
 * {@code p} is free for the producer that claims {@code p} when its sequence is {@code p}, and holds the event
 * of {@code p} when its sequence is {@code p + 1}; taking it out sets it to {@code p + capacity}, which frees it
 * for the next lap. Producers claim positions with a CAS on {@code tail}; takers (the consumer and, when the
 * ring is full under {@code DROP_OLDEST}, discarding producers) claim with a CAS on {@code head}, so every event
 * is taken exactly once and the ring stays FIFO. {@link #pollSingleConsumer()} skips the CAS when only the
 * consumer ever takes. Nothing is allocated after construction.
 *
 * <p>{@code tail}, {@code head} and the drop counter sit on their own cache lines (padding by class hierarchy,
 * as in JCTools and Agrona) so producers and the consumer do not false-share.
 */
final class BoundedRing extends RingHeadFields {
  private static final VarHandle SEQUENCES = MethodHandles.arrayElementVarHandle(long[].class);

  private final @Nullable Object[] elements;
  private final long[] sequences;
  private final int mask;

  BoundedRing(int capacity) {
    if (capacity < 2 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two >= 2, was " + capacity);
    }
    this.elements = new Object[capacity];
    this.sequences = new long[capacity];
    this.mask = capacity - 1;
    for (int i = 0; i < capacity; i++) {
      sequences[i] = i;
    }
    VarHandle.releaseFence(); // publish the initial sequences before any producer reads them
  }

  int capacity() {
    return mask + 1;
  }

  /** Adds {@code event}; returns false, changing nothing, when the ring is full. Safe from any thread. */
  boolean offer(Object event) {
    long pos = (long) TAIL.getVolatile(this);
    for (;;) {
      int index = (int) pos & mask;
      long seq = (long) SEQUENCES.getAcquire(sequences, index);
      long diff = seq - pos;
      if (diff == 0) {
        if (TAIL.compareAndSet(this, pos, pos + 1)) {
          elements[index] = event;
          SEQUENCES.setRelease(sequences, index, pos + 1);
          return true;
        }
        pos = (long) TAIL.getVolatile(this);
      } else if (diff < 0) {
        return false; // the slot still holds the event of the previous lap: full
      } else {
        pos = (long) TAIL.getVolatile(this); // another producer claimed pos
      }
    }
  }

  /**
   * Takes the oldest event, or returns null when there is none ready. Only for rings where no producer ever
   * discards (the single consumer is then the only taker, so no CAS is needed).
   */
  @Nullable Object pollSingleConsumer() {
    long pos = (long) HEAD.getOpaque(this);
    int index = (int) pos & mask;
    long seq = (long) SEQUENCES.getAcquire(sequences, index);
    if (seq != pos + 1) {
      return null;
    }
    Object event = elements[index];
    elements[index] = null;
    SEQUENCES.setRelease(sequences, index, pos + mask + 1);
    HEAD.setRelease(this, pos + 1);
    return event;
  }

  /** Takes the oldest event, or returns null when none is ready. Safe against concurrent {@link #discardOldest}. */
  @Nullable Object pollShared() {
    for (;;) {
      long pos = (long) HEAD.getVolatile(this);
      int index = (int) pos & mask;
      long seq = (long) SEQUENCES.getAcquire(sequences, index);
      long diff = seq - (pos + 1);
      if (diff < 0) {
        return null; // empty, or the producer of pos has not finished writing
      }
      if (diff == 0 && HEAD.compareAndSet(this, pos, pos + 1)) {
        Object event = elements[index];
        elements[index] = null;
        SEQUENCES.setRelease(sequences, index, pos + mask + 1);
        return event;
      }
      // lost the race for pos to a discarding producer: look again
    }
  }

  /**
   * Discards the oldest event if one is ready and counts it; returns whether this call discarded one. A false
   * return means the oldest slot was taken by someone else or is still being written: the caller retries.
   */
  boolean discardOldest() {
    long pos = (long) HEAD.getVolatile(this);
    int index = (int) pos & mask;
    long seq = (long) SEQUENCES.getAcquire(sequences, index);
    if (seq != pos + 1 || !HEAD.compareAndSet(this, pos, pos + 1)) {
      return false;
    }
    elements[index] = null;
    SEQUENCES.setRelease(sequences, index, pos + mask + 1);
    DROPPED.getAndAdd(this, 1L);
    return true;
  }

  /** True when no position has been claimed beyond what was taken (volatile reads: used for parking). */
  boolean isEmpty() {
    return (long) TAIL.getVolatile(this) == (long) HEAD.getVolatile(this);
  }

  /** Events discarded by {@link #discardOldest}. */
  long dropped() {
    return (long) DROPPED.getVolatile(this);
  }

  /** Forgets every queued event (consumer thread only, after it stopped taking). */
  void clear() {
    while (pollShared() != null) {
      // each call removes one event; the loop ends when the ring is empty
    }
  }
}

/** Cache-line padding before {@code tail}; the fields are never read. */
@SuppressWarnings("unused")
abstract class RingPadBeforeTail {
  private long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;
}

/** The producers' cursor and the drop counter (both written by producers). */
abstract class RingTailFields extends RingPadBeforeTail {
  static final VarHandle TAIL;
  static final VarHandle DROPPED;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      TAIL = lookup.findVarHandle(RingTailFields.class, "tail", long.class);
      DROPPED = lookup.findVarHandle(RingTailFields.class, "dropped", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through TAIL
  private volatile long tail;
  @SuppressWarnings("unused") // accessed through DROPPED
  private volatile long dropped;
}

/** Cache-line padding between the producers' and the consumer's fields; never read. */
@SuppressWarnings("unused")
abstract class RingPadBeforeHead extends RingTailFields {
  private long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;
}

/** The takers' cursor, followed by padding so the ring's own fields do not share its line. */
abstract class RingHeadFields extends RingPadBeforeHead {
  static final VarHandle HEAD;

  static {
    try {
      HEAD = MethodHandles.lookup().findVarHandle(RingHeadFields.class, "head", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through HEAD
  private volatile long head;
  @SuppressWarnings("unused")
  private long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;
}
