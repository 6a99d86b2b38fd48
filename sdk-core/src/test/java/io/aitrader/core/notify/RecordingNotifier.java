package io.aitrader.core.notify;

import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.Notifier;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A test channel: records what it is sent, after throwing the scripted failures one per attempt. */
final class RecordingNotifier implements Notifier {
  private final String name;
  private final ConcurrentLinkedDeque<RuntimeException> failures = new ConcurrentLinkedDeque<>();
  final List<Notification> received = new CopyOnWriteArrayList<>();
  final AtomicInteger attempts = new AtomicInteger();

  RecordingNotifier(String name) {
    this.name = name;
  }

  /** The next attempts throw {@code failure}, in order; then attempts succeed. */
  RecordingNotifier failWith(RuntimeException... failure) {
    failures.addAll(List.of(failure));
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Notification notification) {
    attempts.incrementAndGet();
    RuntimeException failure = failures.poll();
    if (failure != null) {
      throw failure;
    }
    received.add(notification);
  }
}
