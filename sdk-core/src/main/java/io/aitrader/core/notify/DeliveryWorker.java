package io.aitrader.core.notify;

import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.NotificationException;
import io.aitrader.api.notify.NotificationQueue;
import io.aitrader.api.notify.NotificationRateLimitedException;
import io.aitrader.api.time.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification service's one background loop: polls due deliveries into per-channel waiting lists, sends what
 * each channel's rate limit allows (several waiting ones as one digest), and settles each delivery in the queue —
 * ack, retry with backoff, or dead letter. Parks until the next due time or token (from the TimeSource), capped at
 * the idle poll interval, or until {@link NotificationService#submit} unparks it.
 *
 * <p>Everything but {@link #stop()}, {@link #busyChannel()} and the progress monitor is confined to the worker
 * thread.
 */
final class DeliveryWorker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);
  private static final int MAX_POLLS_PER_ROUND = 1_024;

  private final NotificationQueue queue;
  private final TimeSource time;
  private final Map<String, Channel> channels;
  private final Channel[] channelList;
  private final RetryPolicy retryPolicy;
  private final Random random;
  private final Function<? super Notification, String> digestKind;
  private final long idlePollMillis;
  private final Counters counters;
  private final Object progress = new Object();
  private volatile boolean running = true;
  private volatile @Nullable String busyChannel;
  private int queueFailures;

  DeliveryWorker(NotificationQueue queue, TimeSource time, Map<String, Channel> channels, RetryPolicy retryPolicy,
      Random random, Function<? super Notification, String> digestKind, long idlePollMillis, Counters counters) {
    this.queue = queue;
    this.time = time;
    this.channels = channels;
    this.channelList = channels.values().toArray(new Channel[0]);
    this.retryPolicy = retryPolicy;
    this.random = random;
    this.digestKind = digestKind;
    this.idlePollMillis = idlePollMillis;
    this.counters = counters;
  }

  /** Asks the loop to finish the message it is sending, release what waits, and return. */
  void stop() {
    running = false;
  }

  /** The channel a message is being sent to right now, if any. */
  Optional<String> busyChannel() {
    return Optional.ofNullable(busyChannel);
  }

  /** Waits up to {@code millis} for the end of the worker's next round. */
  void awaitProgress(long millis) throws InterruptedException {
    synchronized (progress) {
      progress.wait(Math.max(1, millis));
    }
  }

  @Override
  public void run() {
    try {
      while (running) {
        long waitMillis;
        try {
          boolean progressed = pollDue(time.currentTimeMillis());
          progressed |= dispatch();
          waitMillis = progressed ? 0 : millisUntilSomethingIsDue(time.currentTimeMillis());
          queueFailures = 0;
        } catch (RuntimeException e) {
          queueFailed(e);
          waitMillis = idlePollMillis;
        }
        signalProgress();
        if (waitMillis > 0 && running) {
          LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(waitMillis));
        }
      }
    } finally {
      releaseWaiting();
      signalProgress();
    }
  }

  private boolean pollDue(long nowMillis) {
    int polled = 0;
    while (polled < MAX_POLLS_PER_ROUND && running) {
      Optional<Delivery> next = queue.poll(nowMillis);
      if (next.isEmpty()) {
        break;
      }
      polled++;
      Delivery d = next.get();
      Channel channel = channels.get(d.channel());
      if (channel != null) {
        channel.waiting.add(d);
      } else {
        String error = "no channel named '" + d.channel() + "' is configured in this notification service";
        if (queue.deadLetter(d.id(), error)) {
          counters.deadLettered.incrementAndGet();
        }
        LOG.warn("Dead-lettered notification '{}': {}", d.notification().title(), error);
      }
    }
    return polled > 0;
  }

  private boolean dispatch() {
    boolean sent = false;
    for (Channel channel : channelList) {
      while (running && !channel.waiting.isEmpty()) {
        long now = time.currentTimeMillis();
        long tokens = channel.tokens(now);
        if (tokens == 0 || !channel.tryTake(now)) {
          break;
        }
        int waiting = channel.waiting.size();
        int take = waiting <= tokens ? 1 : Math.min(waiting, channel.policy.maxDigestItems());
        List<Delivery> batch = new ArrayList<>(take);
        for (int i = 0; i < take; i++) {
          batch.add(channel.waiting.poll());
        }
        send(channel, batch);
        sent = true;
      }
    }
    return sent;
  }

  private void send(Channel channel, List<Delivery> batch) {
    boolean digest = batch.size() > 1;
    String what = digest
        ? "a digest of " + batch.size() + " notifications (first '" + batch.get(0).notification().title() + "')"
        : "notification '" + batch.get(0).notification().title() + "'";
    busyChannel = channel.name;
    try {
      Notification message = digest ? Digests.digest(batch, digestKind) : batch.get(0).notification();
      channel.notifier.send(message);
    } catch (NotificationException e) {
      long retryAfter = e instanceof NotificationRateLimitedException r ? r.retryAfterMillis() : 0;
      String error = Objects.toString(e.getMessage(), e.getClass().getName());
      failed(channel, batch, what, e.isRetryable(), retryAfter, error);
      return;
    } catch (RuntimeException e) {
      failed(channel, batch, what, false, 0,
          "notifier '" + channel.name + "' threw " + e.getClass().getName() + ": " + e.getMessage());
      return;
    } finally {
      busyChannel = null;
    }
    for (Delivery d : batch) {
      queue.ack(d.id());
    }
    counters.delivered.addAndGet(batch.size());
    counters.sent.incrementAndGet();
    if (digest) {
      counters.digests.incrementAndGet();
    }
    LOG.debug("Sent {} to channel '{}'", what, channel.name);
  }

  private void failed(Channel channel, List<Delivery> batch, String what, boolean retryable, long retryAfterMillis,
      String error) {
    long now = time.currentTimeMillis();
    int retried = 0;
    int dead = 0;
    int attempts = 0;
    for (Delivery d : batch) {
      int failedAttempts = d.attempts() + 1;
      attempts = Math.max(attempts, failedAttempts);
      if (retryable && retryPolicy.allowsRetryAfter(failedAttempts)) {
        long delay = Math.max(retryPolicy.delayMillis(failedAttempts, random.nextDouble()), retryAfterMillis);
        long notBefore = delay > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delay;
        if (queue.retry(d.id(), notBefore, error)) {
          retried++;
        }
      } else if (queue.deadLetter(d.id(), error)) {
        dead++;
      }
    }
    counters.retries.addAndGet(retried);
    counters.deadLettered.addAndGet(dead);
    if (dead > 0) {
      LOG.warn("Gave up on {} for channel '{}' after {} attempt(s), {}: {}", what, channel.name, attempts,
          retryable ? "the most allowed" : "a permanent failure", error);
    }
    if (retried > 0) {
      LOG.debug("Will retry {} for channel '{}' (attempt {} failed): {}", what, channel.name, attempts, error);
    }
  }

  private long millisUntilSomethingIsDue(long nowMillis) {
    long wake = nowMillis + idlePollMillis;
    OptionalLong due = queue.nextDueMillis();
    if (due.isPresent()) {
      wake = Math.min(wake, due.getAsLong());
    }
    for (Channel channel : channelList) {
      if (!channel.waiting.isEmpty()) {
        wake = Math.min(wake, channel.nextTokenMillis(nowMillis));
      }
    }
    return Math.max(1, wake - nowMillis);
  }

  private void queueFailed(RuntimeException e) {
    queueFailures++;
    if (queueFailures == 1 || queueFailures % 100 == 0) {
      LOG.warn("The notification queue failed ({} time(s) in a row); trying again in {} ms", queueFailures,
          idlePollMillis, e);
    }
  }

  private void releaseWaiting() {
    for (Channel channel : channelList) {
      for (Delivery d : channel.waiting) {
        try {
          queue.release(d.id());
        } catch (RuntimeException e) {
          LOG.warn("Could not release delivery {} back to the notification queue; it stays in flight until "
              + "requeueInFlight()", d.id(), e);
        }
      }
      channel.waiting.clear();
    }
  }

  private void signalProgress() {
    synchronized (progress) {
      progress.notifyAll();
    }
  }
}
