package io.aitrader.core.notify;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.NotificationQueue;
import io.aitrader.api.notify.Notifier;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.time.SystemTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@link Notification}s to channels ({@link Notifier}s): de-duplicated, queued, rate-limited and retried.
 *
 * <pre>{@code
 * try (NotificationService notifications = NotificationService.builder()
 *     .channel(new LogNotifier())
 *     .channel(SlackWebhookNotifier.builder().webhookUrl(secrets.require("SLACK_WEBHOOK_URL")).build(),
 *         ChannelPolicy.defaults().withMinSeverity(Severity.WARNING).withRateLimit(RateLimit.perSecond(1)))
 *     .retryPolicy(RetryPolicy.defaults())
 *     .dedupWindow(Duration.ofMinutes(5))
 *     .build()) {
 *   notifications.submit(Notification.of(Severity.WARNING, "Order rejected", "insufficient margin", now));
 * }
 * }</pre>
 *
 * <p><b>Submit.</b> {@link #submit} never waits for a channel: it drops a notification whose dedupKey was submitted
 * within the {@linkplain Builder#dedupWindow de-dup window} (counted in {@link NotificationStats#suppressed()}), and
 * otherwise enqueues one {@link Delivery} per channel whose {@link ChannelPolicy} accepts the severity. Delivery ids
 * are deterministic, so the same notification queued twice — by another producer on a shared queue, or after a
 * restart — is kept once ({@link NotificationStats#duplicates()}). Its cost is one queue enqueue per channel: a
 * short lock with the embedded {@link InMemoryNotificationQueue}, a round-trip with a remote queue.
 *
 * <p><b>Delivery.</b> One daemon worker thread polls due deliveries and calls {@link Notifier#send}; success acks
 * the delivery. A retryable {@link io.aitrader.api.notify.NotificationException} puts it back with exponential
 * backoff and jitter per the {@link RetryPolicy}, waiting at least a channel's retry-after hint
 * ({@link io.aitrader.api.notify.NotificationRateLimitedException}); a permanent failure, or a retryable one on the
 * last allowed attempt, dead-letters it with a WARN log naming the channel, the title and the error (notifiers keep
 * secrets out of their messages). Delivery is at-least-once: a delivery being sent when the process dies stays in
 * flight in the queue and is sent again after {@link NotificationQueue#requeueInFlight()}, which a new service
 * calls when it is built ({@link Builder#requeueInFlightOnStart}). A queue is meant to have one consuming service;
 * deliveries it holds for a channel the service does not have are dead-lettered.
 *
 * <p><b>Rate limit and digests.</b> Each message takes a token from its channel's {@link RateLimit}. When the
 * bucket is empty, the channel's deliveries wait (in flight); when tokens come and more deliveries wait than there
 * are tokens, they go out together as one digest — title {@code "12 notifications: 9 fills, 2 rejections, 1
 * critical"} (kinds from {@link Builder#digestKind}), body one line per notification, oldest first, at most
 * {@link ChannelPolicy#maxDigestItems()} per digest. A burst of 100 fills thus becomes a handful of messages. The
 * digest succeeds or fails as a whole; on failure each of its deliveries is retried or dead-lettered on its own.
 *
 * <p><b>Time.</b> Due times, backoff, the de-dup window and rate limits follow the injected {@link TimeSource};
 * the worker waits in real time until the next due time or token, at most the {@linkplain Builder#idlePollInterval
 * idle poll interval}, and wakes at once on {@link #submit} or {@link #flush}.
 *
 * <p>Thread-safe. {@link #close()} stops the worker (after the message it is sending, up to the close timeout) and
 * leaves everything undelivered in the queue.
 */
public final class NotificationService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);
  private static final int MAX_REMEMBERED_KEYS = 100_000;

  private final NotificationQueue queue;
  private final TimeSource time;
  private final Channel[] channels;
  private final long dedupWindowMillis;
  private final LinkedHashMap<String, Long> recentKeys = new LinkedHashMap<>();
  private final Counters counters = new Counters();
  private final DeliveryWorker worker;
  private final Thread thread;
  private final long closeTimeoutMillis;
  private final AtomicBoolean closed = new AtomicBoolean();

  private NotificationService(Builder b) {
    this.queue = b.queue;
    this.time = b.timeSource;
    this.dedupWindowMillis = b.dedupWindow.toMillis();
    this.closeTimeoutMillis = b.closeTimeout.toMillis();
    long now = time.currentTimeMillis();
    Map<String, Channel> byName = new LinkedHashMap<>();
    if (b.channels.isEmpty()) {
      LogNotifier log = new LogNotifier();
      byName.put(log.name(), new Channel(log, ChannelPolicy.defaults(), now));
    }
    for (ChannelConfig c : b.channels) {
      byName.put(c.notifier().name(), new Channel(c.notifier(), c.policy(), now));
    }
    this.channels = byName.values().toArray(new Channel[0]);
    if (b.requeueInFlightOnStart) {
      int requeued = queue.requeueInFlight();
      if (requeued > 0) {
        LOG.info("Requeued {} notification deliveries left in flight by an earlier run", requeued);
      }
    }
    this.worker = new DeliveryWorker(queue, time, Map.copyOf(byName), b.retryPolicy, b.random, b.digestKind,
        b.idlePollInterval.toMillis(), counters);
    this.thread = new Thread(worker, b.threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts configuring a service; see the type's Javadoc for an example. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Queues {@code notification} for every channel that takes its severity, unless the same dedupKey was submitted
   * within the de-dup window. Never blocks on a channel.
   *
   * @return {@code true} if at least one delivery was queued
   * @throws IllegalStateException after {@link #close()}
   */
  public boolean submit(Notification notification) {
    required(notification, "NotificationService.notification");
    if (closed.get()) {
      throw new IllegalStateException("The notification service is closed: cannot submit '" + notification.title()
          + "'");
    }
    counters.submitted.incrementAndGet();
    long now = time.currentTimeMillis();
    if (isRepeat(notification.dedupKey(), now)) {
      counters.suppressed.incrementAndGet();
      return false;
    }
    boolean queued = false;
    for (Channel channel : channels) {
      if (!channel.policy.accepts(notification.severity())) {
        continue;
      }
      if (queue.enqueue(Delivery.of(channel.name, notification, now))) {
        counters.queued.incrementAndGet();
        queued = true;
      } else {
        counters.duplicates.incrementAndGet();
      }
    }
    if (queued) {
      LockSupport.unpark(thread);
    }
    return queued;
  }

  private boolean isRepeat(String dedupKey, long nowMillis) {
    if (dedupWindowMillis == 0) {
      return false;
    }
    synchronized (recentKeys) {
      Iterator<Map.Entry<String, Long>> oldest = recentKeys.entrySet().iterator();
      while (oldest.hasNext()) {
        Map.Entry<String, Long> e = oldest.next();
        if (nowMillis - e.getValue() < dedupWindowMillis && recentKeys.size() <= MAX_REMEMBERED_KEYS) {
          break;
        }
        oldest.remove();
      }
      Long last = recentKeys.get(dedupKey);
      if (last != null && nowMillis - last < dedupWindowMillis) {
        return true;
      }
      recentKeys.remove(dedupKey);
      recentKeys.put(dedupKey, nowMillis);
      return false;
    }
  }

  /**
   * Waits until the queue holds nothing queued or in flight — every delivery delivered or dead-lettered — or
   * {@code timeout} passes. Wakes the worker, so a test that moved a manual clock forward sees it acted upon.
   *
   * @return {@code true} if everything was settled in time
   */
  public boolean flush(Duration timeout) {
    required(timeout, "NotificationService.flush.timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    LockSupport.unpark(thread);
    while (queue.size() > 0 || queue.inFlight() > 0) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0 || !thread.isAlive()) {
        return false;
      }
      try {
        worker.awaitProgress(Math.min(TimeUnit.NANOSECONDS.toMillis(remaining), 10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** The counters since this service was built. */
  public NotificationStats stats() {
    return counters.snapshot();
  }

  /** The queue's dead letters, oldest first. */
  public List<Delivery> deadLetters() {
    return queue.deadLetters();
  }

  /** The channels' names, in the order configured. */
  public List<String> channelNames() {
    List<String> names = new ArrayList<>(channels.length);
    for (Channel c : channels) {
      names.add(c.name);
    }
    return List.copyOf(names);
  }

  /**
   * Stops the worker: it finishes the message it is sending (waiting up to the close timeout), returns deliveries
   * waiting for a rate-limit token to the queue, and exits. Undelivered deliveries stay in the queue. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    worker.stop();
    LockSupport.unpark(thread);
    try {
      thread.join(closeTimeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("The notification worker is still sending to channel '{}' after the close timeout of {} ms; its "
          + "delivery stays in flight until the queue's requeueInFlight()", worker.busyChannel().orElse("?"),
          closeTimeoutMillis);
    }
  }

  @Override
  public String toString() {
    return "NotificationService[channels=" + channelNames() + ", queue=" + queue + "]";
  }

  private record ChannelConfig(Notifier notifier, ChannelPolicy policy) {}

  /** Configures a {@link NotificationService}; not thread-safe. */
  public static final class Builder {
    private final List<ChannelConfig> channels = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private NotificationQueue queue = new InMemoryNotificationQueue();
    private TimeSource timeSource = SystemTimeSource.INSTANCE;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Random random = new Random();
    private Duration dedupWindow = Duration.ofMinutes(5);
    private Function<? super Notification, String> digestKind = Digests::severityKind;
    private Duration idlePollInterval = Duration.ofSeconds(1);
    private Duration closeTimeout = Duration.ofSeconds(10);
    private boolean requeueInFlightOnStart = true;
    private String threadName = "aitrader-notify";

    private Builder() {}

    /** Adds {@code notifier} as a channel taking every severity without a rate limit. */
    public Builder channel(Notifier notifier) {
      return channel(notifier, ChannelPolicy.defaults());
    }

    /**
     * Adds {@code notifier} as a channel with {@code policy}. Channel names ({@link Notifier#name()}) must be unique.
     * Without any channel, the service logs notifications through a {@link LogNotifier}.
     */
    public Builder channel(Notifier notifier, ChannelPolicy policy) {
      required(notifier, "NotificationService.channel");
      required(policy, "NotificationService.channel.policy");
      String name = requireText(notifier.name(), "NotificationService.channel.name");
      check(!names.contains(name), "NotificationService.channel.name", "must be unique", name);
      names.add(name);
      channels.add(new ChannelConfig(notifier, policy));
      return this;
    }

    /** Where deliveries wait; default a new {@link InMemoryNotificationQueue}. */
    public Builder queue(NotificationQueue queue) {
      this.queue = required(queue, "NotificationService.queue");
      return this;
    }

    /** The clock for due times, backoff, rate limits and the de-dup window; default the system clock. */
    public Builder timeSource(TimeSource timeSource) {
      this.timeSource = required(timeSource, "NotificationService.timeSource");
      return this;
    }

    /** How failed deliveries are retried; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = required(retryPolicy, "NotificationService.retryPolicy");
      return this;
    }

    /** The source of jitter; pass a seeded one for reproducible retry times. Used by the worker thread only. */
    public Builder random(Random random) {
      this.random = required(random, "NotificationService.random");
      return this;
    }

    /** Repeats of a dedupKey within this window are dropped; default 5 minutes, {@link Duration#ZERO} for none. */
    public Builder dedupWindow(Duration dedupWindow) {
      required(dedupWindow, "NotificationService.dedupWindow");
      check(!dedupWindow.isNegative(), "NotificationService.dedupWindow", "must not be negative", dedupWindow);
      this.dedupWindow = dedupWindow;
      return this;
    }

    /**
     * What a notification counts as in a digest's title, e.g. {@code n -> n.title().startsWith("Filled") ? "fills"
     * : "alerts"}; default its severity ({@code "info"}, {@code "warning"}, {@code "critical"}). Called on the worker
     * thread; a blank answer counts as the severity.
     */
    public Builder digestKind(Function<? super Notification, String> digestKind) {
      this.digestKind = required(digestKind, "NotificationService.digestKind");
      return this;
    }

    /** The longest the worker waits before looking at the queue again; default 1 s. */
    public Builder idlePollInterval(Duration idlePollInterval) {
      required(idlePollInterval, "NotificationService.idlePollInterval");
      check(idlePollInterval.toMillis() >= 1, "NotificationService.idlePollInterval", "must be at least 1 ms",
          idlePollInterval);
      this.idlePollInterval = idlePollInterval;
      return this;
    }

    /** How long {@link #close()} waits for a message being sent; default 10 s. */
    public Builder closeTimeout(Duration closeTimeout) {
      required(closeTimeout, "NotificationService.closeTimeout");
      check(!closeTimeout.isNegative(), "NotificationService.closeTimeout", "must not be negative", closeTimeout);
      this.closeTimeout = closeTimeout;
      return this;
    }

    /**
     * Whether {@link #build()} first puts deliveries left in flight by an earlier run back in the queue (default
     * {@code true}). Turn it off when other services consume the same queue at the same time.
     */
    public Builder requeueInFlightOnStart(boolean requeueInFlightOnStart) {
      this.requeueInFlightOnStart = requeueInFlightOnStart;
      return this;
    }

    /** The worker thread's name; default {@code aitrader-notify}. */
    public Builder threadName(String threadName) {
      this.threadName = requireText(threadName, "NotificationService.threadName");
      return this;
    }

    /** Builds the service and starts its worker thread (after requeueing deliveries left in flight, if asked). */
    public NotificationService build() {
      return new NotificationService(this);
    }
  }
}
