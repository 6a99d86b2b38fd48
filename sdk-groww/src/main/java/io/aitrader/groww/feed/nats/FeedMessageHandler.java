package io.aitrader.groww.feed.nats;

/**
 * Receives every feed message: the NATS subject (e.g. {@code /ld/eq/nse/price.2885}) and the raw protobuf
 * payload. Called on one thread at a time, in the order the server sent the messages; the payload array belongs
 * to the handler (it is not reused). Should be quick: a slow handler holds back the connection's queue. An
 * exception thrown here is counted and logged (sparingly), never propagated to the connection.
 */
@FunctionalInterface
public interface FeedMessageHandler {

  /** One message on {@code subject}. */
  void onMessage(String subject, byte[] payload);
}
