package io.aitrader.groww.feed.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one jnats connection (one per connect attempt): remembers the last server error, tells the owner when
 * the connection is lost, when the server refuses a subscription and when it refuses the credentials. Called on
 * jnats's threads; logs at most a few lines per connection, nothing per message.
 */
final class ConnectionMonitor implements ConnectionListener, ErrorListener {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);
  private static final String SUBSCRIPTION_VIOLATION = "permissions violation for subscription to ";

  /** What the owner hears. */
  interface Sink {
    void connectionLost(ConnectionMonitor monitor, String reason);

    void subscriptionRefused(String subject, String serverError);
  }

  private final Sink sink;
  private final ExecutorService callbacks;
  private final ExecutorService connects;
  private volatile @Nullable String lastError;
  private volatile boolean authRefused;
  private volatile boolean lost;
  private volatile boolean slowConsumerLogged;

  ConnectionMonitor(Sink sink, ThreadFactory callbackThreads, ThreadFactory connectThreads) {
    this.sink = sink;
    this.callbacks = Executors.newSingleThreadExecutor(callbackThreads);
    this.connects = Executors.newSingleThreadExecutor(connectThreads);
  }

  /**
   * The connection's callback executor. Owned here rather than by jnats, which leaves its own executors running
   * after a failed connect or a connection that closed itself.
   */
  ExecutorService callbackExecutor() {
    return callbacks;
  }

  /** The connection's connect executor (see {@link #callbackExecutor()}). */
  ExecutorService connectExecutor() {
    return connects;
  }

  /** Lets the executors' threads end once their queued work is done; call after the connection is closed. */
  void release() {
    callbacks.shutdown();
    connects.shutdown();
  }

  /** Whether the server refused the JWT or the nonce signature, or said the JWT expired. */
  boolean authRefused() {
    return authRefused;
  }

  /** Whether the connection was seen lost (it may have happened before the owner installed it). */
  boolean lost() {
    return lost;
  }

  /** The last error the server sent, or a generic reason. */
  String reason() {
    String e = lastError;
    return e == null ? "connection closed" : "server said '" + e + "'";
  }

  static boolean isAuthError(@Nullable String text) {
    if (text == null) {
      return false;
    }
    String t = text.toLowerCase(Locale.ROOT);
    return t.contains("authorization violation") || t.contains("authentication expired")
        || t.contains("authentication timeout") || t.contains("user authentication");
  }

  @Override
  public void connectionEvent(Connection conn, Events type, @Nullable Long time, @Nullable String uriDetails) {
    handle(type);
  }

  // jnats 2.26 still declares this overload abstract (deprecated in favour of the one above, which it calls)
  @Override
  @SuppressWarnings("deprecation")
  public void connectionEvent(Connection conn, Events type) {
    handle(type);
  }

  private void handle(Events type) {
    if (type == Events.DISCONNECTED || type == Events.CLOSED) {
      if (!lost) {
        lost = true;
        sink.connectionLost(this, reason());
      }
    }
  }

  @Override
  public void errorOccurred(Connection conn, String error) {
    lastError = error;
    if (isAuthError(error)) {
      authRefused = true;
    }
    String lower = error.toLowerCase(Locale.ROOT);
    int at = lower.indexOf(SUBSCRIPTION_VIOLATION);
    if (at >= 0) {
      String subject = error.substring(at + SUBSCRIPTION_VIOLATION.length()).trim();
      if (subject.length() >= 2 && subject.startsWith("\"") && subject.endsWith("\"")) {
        subject = subject.substring(1, subject.length() - 1);
      }
      sink.subscriptionRefused(subject, error);
    } else {
      LOG.debug("Groww feed: server error '{}'", error);
    }
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    LOG.debug("Groww feed connection: {}", exp.toString());
  }

  @Override
  public void slowConsumerDetected(Connection conn, Consumer consumer) {
    if (!slowConsumerLogged) {
      slowConsumerLogged = true;
      LOG.warn(
          "Groww feed: the message handler is too slow, messages are being dropped ({} so far); make the"
              + " FeedMessageHandler hand work off to another thread",
          consumer.getDroppedCount());
    }
  }
}
