package io.aitrader.core.services;

/**
 * One service of the system, started alone in its own process or together with others in one: it subscribes to
 * its inputs on the event bus when built and works until closed.
 */
public interface ServiceUnit extends AutoCloseable {

  /** The service's name as the runtime knows it ({@code bar-aggregator}, {@code order}, …). */
  String name();

  /**
   * Whether the service has seen the end of the session on every shard of all its inputs (its work for the
   * session is done). Always false for a service that shares its inputs with others in a consumer group: it cannot
   * tell.
   */
  boolean sessionDone();

  /** A line about what the service did, for the runtime's report. */
  String report();

  /** Unsubscribes and releases what the service holds (not the bus or the stores it was given). */
  @Override
  void close();
}
