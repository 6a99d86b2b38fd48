package io.aitrader.core.services;

import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.Watermark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;
import java.util.function.Function;

/**
 * Puts the events of several streams into one deterministic order: by event time, then by the rank of the input
 * (bars before the signals decided on them before the ticks that fill the orders), then by key (instrument id), then
 * in arrival order. An event is held until every input's low watermark — the least mark over all shards of its
 * topic — has passed its event time, so no event that sorts before it can still arrive; then it is released to its
 * input's action. How the streams interleave on the way (threads, partitions, processes) therefore changes nothing.
 *
 * <pre>{@code
 * EventTimeGate gate = new EventTimeGate();
 * bus.subscribe(Topics.bars(M1), gate.input("bars", 0, Bar::closeTimeMillis, b -> b.instrument().id(), this::onBar));
 * bus.subscribe(Topics.ticks(NSE), gate.input("ticks", 2, Tick::timestampMillis, t -> t.instrument().id(), this::onTick));
 * gate.onAdvance(low -> ...);   // after the events before low were released
 * }</pre>
 *
 * <p>An event older than what the gate has already released (a redelivery after a consumer restart) is dropped and
 * counted in {@link #late()}. The gate needs marks from every shard of every input: a service behind a gate consumes
 * whole topics (one instance per consumer group). Thread-safe: inputs may be called from different threads; releases
 * happen one at a time, on the thread that delivered the mark that allowed them. Allocates one entry per held event.
 */
public final class EventTimeGate {
  private final List<Input<?>> inputs = new ArrayList<>();
  private final PriorityQueue<Held> held = new PriorityQueue<>();
  private final List<LongConsumer> advanceListeners = new ArrayList<>();
  private long released = Long.MIN_VALUE;
  private long sequence;
  private long late;
  private long releasedCount;

  /**
   * A new input whose events sort at {@code rank} among events of the same time; subscribe the returned handler to
   * the input's topic (before any event is published).
   */
  public synchronized <T> Input<T> input(String name, int rank, ToLongFunction<? super T> eventTime,
      Function<? super T, String> key, Consumer<? super T> action) {
    Input<T> input = new Input<>(name, rank, eventTime, key, action);
    inputs.add(input);
    return input;
  }

  /** Called with the new low watermark each time it rises, after the events before it were released. */
  public synchronized void onAdvance(LongConsumer listener) {
    advanceListeners.add(listener);
  }

  /** The low watermark: every event before it has been released. */
  public synchronized long low() {
    return released;
  }

  /** Events dropped because they arrived after the gate had released past their time. */
  public synchronized long late() {
    return late;
  }

  /** Events released so far. */
  public synchronized long releasedCount() {
    return releasedCount;
  }

  /** Events waiting for the watermarks. */
  public synchronized int waiting() {
    return held.size();
  }

  private synchronized <T> void offer(Input<T> input, T event) {
    long time = input.eventTime.applyAsLong(event);
    if (time < released) {
      late++;
      return;
    }
    held.add(new Held(time, input.rank, input.key.apply(event), sequence++, input, event));
  }

  private synchronized void advance(Input<?> input, Watermark watermark) {
    if (!input.record(watermark)) {
      return;
    }
    long low = Long.MAX_VALUE;
    for (Input<?> i : inputs) {
      low = Math.min(low, i.low);
    }
    if (low <= released) {
      return;
    }
    while (!held.isEmpty() && held.peek().time < low) {
      Held h = held.poll();
      releasedCount++;
      h.release();
    }
    released = low;
    for (LongConsumer l : advanceListeners) {
      l.accept(low);
    }
  }

  /** One input stream of the gate: the handler to subscribe to its topic. */
  public final class Input<T> implements EventHandler<T> {
    private final String name;
    private final int rank;
    private final ToLongFunction<? super T> eventTime;
    private final Function<? super T, String> key;
    private final Consumer<? super T> action;
    private long[] shards = new long[0];
    private long low = Long.MIN_VALUE;

    private Input(String name, int rank, ToLongFunction<? super T> eventTime, Function<? super T, String> key,
        Consumer<? super T> action) {
      this.name = name;
      this.rank = rank;
      this.eventTime = eventTime;
      this.key = key;
      this.action = action;
    }

    @Override
    public void onEvent(T event) {
      offer(this, event);
    }

    @Override
    public void onWatermark(Watermark watermark) {
      advance(this, watermark);
    }

    /** Records a shard's mark; true when this input's low rose. */
    private boolean record(Watermark w) {
      if (shards.length != w.shards()) {
        if (shards.length != 0) {
          throw new IllegalStateException("input '" + name + "' had " + shards.length + " shard(s) and now sees a"
              + " watermark of " + w.shards() + ": the topic was repartitioned while a service read it");
        }
        shards = new long[w.shards()];
        Arrays.fill(shards, Long.MIN_VALUE);
      }
      if (w.millis() <= shards[w.shard()]) {
        return false;
      }
      shards[w.shard()] = w.millis();
      long min = Long.MAX_VALUE;
      for (long s : shards) {
        min = Math.min(min, s);
      }
      if (min <= low) {
        return false;
      }
      low = min;
      return true;
    }

    void release(Object event) {
      @SuppressWarnings("unchecked") // offered through onEvent(T) of this input only
      T typed = (T) event;
      action.accept(typed);
    }

    @Override
    public String toString() {
      return name + " (low " + low + ")";
    }
  }

  /** An event waiting for the watermarks, in release order. */
  private static final class Held implements Comparable<Held> {
    final long time;
    final int rank;
    final String key;
    final long seq;
    final Input<?> input;
    final Object event;

    Held(long time, int rank, String key, long seq, Input<?> input, Object event) {
      this.time = time;
      this.rank = rank;
      this.key = key;
      this.seq = seq;
      this.input = input;
      this.event = event;
    }

    void release() {
      input.release(event);
    }

    @Override
    public int compareTo(Held o) {
      int c = Long.compare(time, o.time);
      if (c == 0) {
        c = Integer.compare(rank, o.rank);
      }
      if (c == 0) {
        c = key.compareTo(o.key);
      }
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
