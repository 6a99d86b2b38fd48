package io.aitrader.core.notify;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.NotificationQueue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The embedded {@link NotificationQueue}: everything in this JVM's memory, so deliveries survive a restart of the
 * notification service that uses it but not of the process. The default queue of {@link NotificationService}.
 *
 * <pre>{@code
 * NotificationQueue queue = new InMemoryNotificationQueue();
 * NotificationService service = NotificationService.builder().queue(queue).channel(slack).build();
 * }</pre>
 *
 * <p>It remembers the ids of the last {@code rememberAcknowledged} acknowledged deliveries (default
 * {@value #DEFAULT_REMEMBERED_ACKNOWLEDGED}) so that enqueueing one of them again is a no-op, and keeps the last
 * {@code maxDeadLetters} dead letters (default {@value #DEFAULT_MAX_DEAD_LETTERS}); older ones are dropped, and
 * their ids may then be queued again.
 *
 * <p>Thread-safe: one lock around a priority queue ordered by (notBefore, enqueue order) and hash maps; every
 * operation is O(log n) or better except {@link #requeueInFlight()} and {@link #deadLetters()}, which are O(n).
 */
public final class InMemoryNotificationQueue implements NotificationQueue {
  /** How many acknowledged ids are remembered by default. */
  public static final int DEFAULT_REMEMBERED_ACKNOWLEDGED = 10_000;
  /** How many dead letters are kept by default. */
  public static final int DEFAULT_MAX_DEAD_LETTERS = 10_000;

  private static final Comparator<Entry> DUE_ORDER =
      Comparator.comparingLong((Entry e) -> e.delivery.notBeforeMillis()).thenComparingLong(e -> e.seq);

  private final int rememberAcknowledged;
  private final int maxDeadLetters;
  private final Object lock = new Object();
  private final PriorityQueue<Entry> queued = new PriorityQueue<>(DUE_ORDER);
  private final Set<String> queuedIds = new HashSet<>();
  private final LinkedHashMap<String, Entry> inFlight = new LinkedHashMap<>();
  private final LinkedHashSet<String> acknowledged = new LinkedHashSet<>();
  private final LinkedHashMap<String, Delivery> dead = new LinkedHashMap<>();
  private long nextSeq;

  /** A queue with the default memory limits. */
  public InMemoryNotificationQueue() {
    this(DEFAULT_REMEMBERED_ACKNOWLEDGED, DEFAULT_MAX_DEAD_LETTERS);
  }

  /**
   * A queue that remembers the last {@code rememberAcknowledged} acknowledged ids and keeps the last
   * {@code maxDeadLetters} dead letters; both at least 1000.
   */
  public InMemoryNotificationQueue(int rememberAcknowledged, int maxDeadLetters) {
    check(rememberAcknowledged >= 1_000, "InMemoryNotificationQueue.rememberAcknowledged", "must be >= 1000",
        rememberAcknowledged);
    check(maxDeadLetters >= 1_000, "InMemoryNotificationQueue.maxDeadLetters", "must be >= 1000", maxDeadLetters);
    this.rememberAcknowledged = rememberAcknowledged;
    this.maxDeadLetters = maxDeadLetters;
  }

  @Override
  public boolean enqueue(Delivery delivery) {
    required(delivery, "NotificationQueue.delivery");
    String id = delivery.id();
    synchronized (lock) {
      if (queuedIds.contains(id) || inFlight.containsKey(id) || dead.containsKey(id) || acknowledged.contains(id)) {
        return false;
      }
      queued.add(new Entry(delivery, nextSeq++));
      queuedIds.add(id);
      return true;
    }
  }

  @Override
  public Optional<Delivery> poll(long nowMillis) {
    synchronized (lock) {
      Entry head = queued.peek();
      if (head == null || head.delivery.notBeforeMillis() > nowMillis) {
        return Optional.empty();
      }
      queued.poll();
      queuedIds.remove(head.delivery.id());
      inFlight.put(head.delivery.id(), head);
      return Optional.of(head.delivery);
    }
  }

  @Override
  public OptionalLong nextDueMillis() {
    synchronized (lock) {
      Entry head = queued.peek();
      return head == null ? OptionalLong.empty() : OptionalLong.of(head.delivery.notBeforeMillis());
    }
  }

  @Override
  public boolean ack(String id) {
    requireText(id, "NotificationQueue.id");
    synchronized (lock) {
      if (inFlight.remove(id) == null) {
        return false;
      }
      acknowledged.add(id);
      if (acknowledged.size() > rememberAcknowledged) {
        Iterator<String> oldest = acknowledged.iterator();
        oldest.next();
        oldest.remove();
      }
      return true;
    }
  }

  @Override
  public boolean retry(String id, long notBeforeMillis, String error) {
    requireText(id, "NotificationQueue.id");
    check(notBeforeMillis >= 0, "NotificationQueue.notBeforeMillis", "must be >= 0", notBeforeMillis);
    required(error, "NotificationQueue.error");
    synchronized (lock) {
      Entry entry = inFlight.remove(id);
      if (entry == null) {
        return false;
      }
      queued.add(new Entry(entry.delivery.retried(notBeforeMillis, error), nextSeq++));
      queuedIds.add(id);
      return true;
    }
  }

  @Override
  public boolean release(String id) {
    requireText(id, "NotificationQueue.id");
    synchronized (lock) {
      Entry entry = inFlight.remove(id);
      if (entry == null) {
        return false;
      }
      queued.add(entry);
      queuedIds.add(id);
      return true;
    }
  }

  @Override
  public boolean deadLetter(String id, String error) {
    requireText(id, "NotificationQueue.id");
    required(error, "NotificationQueue.error");
    synchronized (lock) {
      Entry entry = inFlight.remove(id);
      if (entry == null) {
        return false;
      }
      dead.put(id, entry.delivery.failed(error));
      if (dead.size() > maxDeadLetters) {
        Iterator<String> oldest = dead.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
      return true;
    }
  }

  @Override
  public List<Delivery> deadLetters() {
    synchronized (lock) {
      return List.copyOf(dead.values());
    }
  }

  @Override
  public int size() {
    synchronized (lock) {
      return queued.size();
    }
  }

  @Override
  public int inFlight() {
    synchronized (lock) {
      return inFlight.size();
    }
  }

  @Override
  public int requeueInFlight() {
    synchronized (lock) {
      List<Entry> back = new ArrayList<>(inFlight.values());
      inFlight.clear();
      for (Entry e : back) {
        queued.add(e);
        queuedIds.add(e.delivery.id());
      }
      return back.size();
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "InMemoryNotificationQueue[queued=" + queued.size() + ", inFlight=" + inFlight.size() + ", dead="
          + dead.size() + "]";
    }
  }

  /** A queued delivery and its place in the enqueue order (kept across release and requeue). */
  private static final class Entry {
    final Delivery delivery;
    final long seq;

    Entry(Delivery delivery, long seq) {
      this.delivery = delivery;
      this.seq = seq;
    }
  }
}
