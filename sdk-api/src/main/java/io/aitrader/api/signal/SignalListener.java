package io.aitrader.api.signal;

/**
 * Receives the signals a {@link SignalService} emits, on the service's thread, in order. Must return quickly;
 * an exception is logged and does not stop later calls.
 */
@FunctionalInterface
public interface SignalListener {
  void onSignal(Signal signal);
}
