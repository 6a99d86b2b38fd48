package io.aitrader.api.market;

/** Receives ticks. Called on one thread at a time per listener; must not throw for bad data (reject and count). */
@FunctionalInterface
public interface TickListener {
  void onTick(Tick tick);
}
