package io.aitrader.api.bus;

/** A live subscription. Closing it stops deliveries (events already queued are discarded). Thread-safe. */
public interface Subscription extends AutoCloseable {

  Topic<?> topic();

  /** Events handed to the handler so far. */
  long delivered();

  /** Events discarded because the queue was full under {@link OverflowPolicy#DROP_OLDEST}. */
  long dropped();

  /** Handler invocations that threw. */
  long failed();

  @Override
  void close();
}
