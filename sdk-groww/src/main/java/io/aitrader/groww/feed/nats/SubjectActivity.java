package io.aitrader.groww.feed.nats;

/**
 * When a subscribed subject last had a message, and since when it has been (re)subscribed. Written by the
 * delivery thread (messages) and under the connection's lock (subscription time); read by anyone.
 */
final class SubjectActivity {
  static final long NEVER = Long.MIN_VALUE;

  final String subject;
  volatile long sinceMillis;
  volatile long lastMessageMillis = NEVER;
  volatile long messages;

  SubjectActivity(String subject, long sinceMillis) {
    this.subject = subject;
    this.sinceMillis = sinceMillis;
  }

  /** The later of the last message and the (re)subscription: silence is counted from there. */
  long lastSignOfLifeMillis() {
    long last = lastMessageMillis;
    long since = sinceMillis;
    return Math.max(last, since);
  }
}
