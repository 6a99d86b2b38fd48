package io.aitrader.api.market;

import java.util.Set;

/**
 * The Bar Aggregator service: turns ticks into bars of one or more {@link BarInterval}s and emits each bar to a
 * {@link BarListener} when its interval closes — on the first later tick, on {@link #advanceTo} when time passes
 * without ticks, or at the session end.
 *
 * <p>Threading: single writer. Call {@code onTick}/{@code advanceTo}/{@code flush} from one thread (the bus
 * delivers so). Bad or late ticks are counted and dropped, never thrown.
 */
public interface BarAggregator extends TickListener {

  /** Adds a tick to the running bars of its instrument, closing any bar the tick's time has passed. */
  @Override
  void onTick(Tick tick);

  /** Closes every bar whose interval ended at or before {@code timestampMillis} (exchange time). */
  void advanceTo(long timestampMillis);

  /** Closes and emits every running bar now (end of a replay, shutdown). */
  void flush();

  /** The intervals this aggregator builds. */
  Set<BarInterval> intervals();

  /** Counters for monitoring: ticks accepted, late ticks dropped, bars emitted. */
  Stats stats();

  /** Monotonic counters since creation. */
  record Stats(long ticksAccepted, long ticksLate, long ticksOutsideSession, long barsEmitted) {}
}
