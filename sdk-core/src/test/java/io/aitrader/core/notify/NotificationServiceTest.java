package io.aitrader.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.notify.Delivery;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.notify.NotificationException;
import io.aitrader.api.notify.NotificationRateLimitedException;
import io.aitrader.api.notify.Notifier;
import io.aitrader.api.notify.Severity;
import io.aitrader.core.time.ManualTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotificationServiceTest {
  /** 2025-01-06 09:15 IST. */
  private static final long T0 = 1_736_135_100_000L;
  private static final Duration FLUSH = Duration.ofSeconds(10);
  private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().initialDelay(Duration.ofMillis(1))
      .maxDelay(Duration.ofMillis(5)).maxAttempts(4).jitter(0.5).build();

  private static final Pattern FILL_TITLE = Pattern.compile("Filled BUY (\\d+) RELIANCE");

  private final List<NotificationService> services = new ArrayList<>();
  private final InMemoryNotificationQueue queue = new InMemoryNotificationQueue();
  private final ManualTimeSource clock = new ManualTimeSource(T0);

  @AfterEach
  void closeServices() {
    services.forEach(NotificationService::close);
  }

  private NotificationService start(NotificationService.Builder builder) {
    NotificationService service = builder.build();
    services.add(service);
    return service;
  }

  private static Notification fill(int i) {
    return new Notification(Severity.INFO, "Filled BUY " + i + " RELIANCE", "order " + i + " at 2534.05\nbroker id",
        T0 + i, "fill:" + i);
  }

  private static Notification alert(Severity severity, String title) {
    return Notification.of(severity, title, "details of " + title, T0);
  }

  // ---- delivery -------------------------------------------------------------------------------------------------

  @Test
  void deliversEachNotificationToEveryChannelThatTakesItsSeverity() {
    RecordingNotifier all = new RecordingNotifier("all");
    RecordingNotifier pager = new RecordingNotifier("pager");
    NotificationService service = start(NotificationService.builder().queue(queue)
        .channel(all).channel(pager, ChannelPolicy.defaults().withMinSeverity(Severity.WARNING)));

    service.submit(alert(Severity.INFO, "Strategy started"));
    service.submit(alert(Severity.CRITICAL, "Broker unreachable"));

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(all.received).extracting(Notification::title).containsExactly("Strategy started", "Broker unreachable");
    assertThat(pager.received).extracting(Notification::title).containsExactly("Broker unreachable");
    assertThat(service.stats()).isEqualTo(new NotificationStats(2, 0, 0, 3, 3, 3, 0, 0, 0));
  }

  @Test
  void logsThroughTheLogChannelWhenNoChannelIsConfigured() {
    NotificationService service = start(NotificationService.builder().queue(queue));

    service.submit(alert(Severity.WARNING, "Feed reconnecting"));

    assertThat(service.channelNames()).containsExactly("log");
    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(service.stats().delivered()).isEqualTo(1);
  }

  @Test
  void concurrentSubmittersGetEveryNotificationDeliveredOnce() throws Exception {
    RecordingNotifier channel = new RecordingNotifier("rec");
    NotificationService service = start(NotificationService.builder().queue(queue).channel(channel));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            service.submit(fill(thread * 1_000 + i));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(channel.received).hasSize(200).doesNotHaveDuplicates();
  }

  @Test
  void refusesTwoChannelsWithOneNameAndSubmitsAfterClose() {
    assertThatThrownBy(() -> NotificationService.builder().channel(new RecordingNotifier("slack"))
        .channel(new RecordingNotifier("slack"))).isInstanceOf(ValidationException.class)
        .hasMessage("NotificationService.channel.name must be unique, was slack");

    NotificationService service = start(NotificationService.builder().queue(queue));
    service.close();
    assertThatThrownBy(() -> service.submit(alert(Severity.INFO, "late")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  // ---- de-duplication -------------------------------------------------------------------------------------------

  @Test
  void suppressesTheSameDedupKeyWithinTheWindow() {
    RecordingNotifier channel = new RecordingNotifier("rec");
    NotificationService service = start(NotificationService.builder().queue(queue).timeSource(clock)
        .dedupWindow(Duration.ofMinutes(1)).channel(channel));
    Notification first = new Notification(Severity.WARNING, "Loss limit near", "-9,500 of -10,000", T0, "loss-limit");
    Notification repeat =
        new Notification(Severity.WARNING, "Loss limit near", "-9,800 of -10,000", T0 + 5, "loss-limit");

    assertThat(service.submit(first)).isTrue();
    assertThat(service.submit(repeat)).isFalse();
    assertThat(service.flush(FLUSH)).isTrue();

    assertThat(channel.received).containsExactly(first);
    assertThat(service.stats().suppressed()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    Notification later = new Notification(Severity.WARNING, "Loss limit near", "-9,900", T0 + 60_000, "loss-limit");
    assertThat(service.submit(later)).as("window over").isTrue();
    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(channel.received).containsExactly(first, later);
  }

  @Test
  void theSameNotificationQueuedTwiceIsDeliveredOnce() {
    RecordingNotifier channel = new RecordingNotifier("rec");
    NotificationService service = start(NotificationService.builder().queue(queue).timeSource(clock)
        .dedupWindow(Duration.ZERO).channel(channel));
    Notification n = alert(Severity.WARNING, "Order rejected");

    assertThat(service.submit(n)).isTrue();
    assertThat(queue.enqueue(Delivery.of("rec", n, T0))).as("another producer, same delivery").isFalse();
    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(service.submit(n)).as("already delivered").isFalse();
    assertThat(service.flush(FLUSH)).isTrue();

    assertThat(channel.received).containsExactly(n);
    assertThat(service.stats().duplicates()).isEqualTo(1);
    assertThat(service.stats().suppressed()).isZero();
  }

  // ---- retries and dead letters ---------------------------------------------------------------------------------

  @Test
  void retriesARetryableFailureWithExponentialBackoff() {
    RecordingNotifier channel = new RecordingNotifier("rec")
        .failWith(new NotificationException("HTTP 503", true), new NotificationException("timeout", true));
    NotificationService service = start(NotificationService.builder().queue(queue).timeSource(clock)
        .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofSeconds(1)).multiplier(2).jitter(0).build())
        .channel(channel));

    service.submit(alert(Severity.WARNING, "Order rejected"));
    Await.until("the first retry", () -> service.stats().retries() == 1);
    assertThat(queue.nextDueMillis()).hasValue(T0 + 1_000);

    clock.advance(Duration.ofSeconds(1));
    service.flush(Duration.ofMillis(1));
    Await.until("the second retry", () -> service.stats().retries() == 2);
    assertThat(queue.nextDueMillis()).hasValue(T0 + 1_000 + 2_000);
    assertThat(queue.deadLetters()).isEmpty();

    clock.advance(Duration.ofSeconds(2));
    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(channel.received).hasSize(1);
    assertThat(channel.attempts.get()).isEqualTo(3);
  }

  @Test
  void jitterIsReproducibleWithASeededRandom() {
    List<Long> dueTimes = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      InMemoryNotificationQueue q = new InMemoryNotificationQueue();
      RecordingNotifier channel = new RecordingNotifier("rec").failWith(new NotificationException("HTTP 503", true));
      NotificationService service = start(NotificationService.builder().queue(q).timeSource(clock)
          .random(new Random(42)).retryPolicy(RetryPolicy.builder().jitter(0.5).build()).channel(channel));
      service.submit(alert(Severity.WARNING, "Order rejected"));
      Await.until("the retry", () -> service.stats().retries() == 1);
      dueTimes.add(q.nextDueMillis().orElseThrow());
    }

    assertThat(dueTimes.get(0)).isEqualTo(dueTimes.get(1)).isBetween(T0 + 500, T0 + 1_500);
  }

  @Test
  void honoursTheChannelsRetryAfterHint() {
    RecordingNotifier channel = new RecordingNotifier("rec")
        .failWith(new NotificationRateLimitedException("HTTP 429", 60_000));
    NotificationService service = start(NotificationService.builder().queue(queue).timeSource(clock)
        .retryPolicy(FAST_RETRIES).channel(channel));

    service.submit(alert(Severity.WARNING, "Order rejected"));
    Await.until("the retry", () -> service.stats().retries() == 1);

    assertThat(queue.nextDueMillis()).hasValue(T0 + 60_000);
    clock.advance(Duration.ofSeconds(60));
    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(channel.received).hasSize(1);
  }

  @Test
  void deadLettersAPermanentFailureWithoutRetrying() {
    RecordingNotifier channel = new RecordingNotifier("rec")
        .failWith(new NotificationException("Slack webhook SLACK_WEBHOOK_URL=*** answered HTTP 404: no_service",
            false));
    NotificationService service = start(NotificationService.builder().queue(queue).retryPolicy(FAST_RETRIES)
        .channel(channel));

    service.submit(alert(Severity.CRITICAL, "Broker unreachable"));

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(channel.attempts.get()).isEqualTo(1);
    assertThat(service.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.notification().title()).isEqualTo("Broker unreachable");
      assertThat(d.lastError()).contains("HTTP 404");
      assertThat(d.attempts()).isEqualTo(1);
    });
    assertThat(service.stats().deadLettered()).isEqualTo(1);
    assertThat(service.stats().retries()).isZero();
  }

  @Test
  void deadLettersWhenTheAttemptsAreExhausted() {
    NotificationException busy = new NotificationException("HTTP 503", true);
    RecordingNotifier channel = new RecordingNotifier("rec").failWith(busy, busy, busy, busy, busy);
    NotificationService service = start(NotificationService.builder().queue(queue).retryPolicy(FAST_RETRIES)
        .channel(channel));

    service.submit(alert(Severity.WARNING, "Order rejected"));

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(channel.attempts.get()).isEqualTo(4);
    assertThat(channel.received).isEmpty();
    assertThat(service.deadLetters()).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(4));
    assertThat(service.stats().retries()).isEqualTo(3);
  }

  @Test
  void aNotifierThatBreaksItsContractIsDeadLetteredNamingTheException() {
    RecordingNotifier channel = new RecordingNotifier("rec").failWith(new IllegalStateException("bug"));
    NotificationService service = start(NotificationService.builder().queue(queue).channel(channel));

    service.submit(alert(Severity.INFO, "Daily summary"));

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(service.deadLetters()).singleElement()
        .satisfies(d -> assertThat(d.lastError()).contains("IllegalStateException", "bug"));
  }

  @Test
  void deadLettersDeliveriesForAChannelItDoesNotHave() {
    queue.enqueue(Delivery.of("pager", alert(Severity.CRITICAL, "Loss limit hit"), T0));
    NotificationService service =
        start(NotificationService.builder().queue(queue).channel(new RecordingNotifier("rec")));

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(service.deadLetters()).singleElement()
        .satisfies(d -> assertThat(d.lastError()).contains("no channel named 'pager'"));
  }

  // ---- rate limit and digests -----------------------------------------------------------------------------------

  @Test
  void aBurstOfFillsOnARateLimitedChannelBecomesAFewDigestsLosingNothing() {
    RecordingNotifier channel = new RecordingNotifier("rec");
    NotificationService service = start(NotificationService.builder().queue(queue).timeSource(clock)
        .digestKind(n -> n.title().startsWith("Filled") ? "fills" : "others")
        .channel(channel, ChannelPolicy.defaults().withRateLimit(RateLimit.of(2, Duration.ofSeconds(1), 2))));

    for (int i = 1; i <= 100; i++) {
      service.submit(fill(i));
    }
    Await.until("every delivery taken from the queue", () -> queue.size() == 0);
    clock.advance(Duration.ofSeconds(1));

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(channel.received).as("one token each: 2 at first, 2 a second later").hasSizeBetween(2, 4);
    assertThatEveryFillArrived(channel.received, 100);
    assertThat(channel.received).filteredOn(n -> n.dedupKey().startsWith("digest:"))
        .isNotEmpty().allSatisfy(d -> assertThat(d.title()).matches("\\d+ notifications: \\d+ fills"));
    NotificationStats stats = service.stats();
    assertThat(stats.delivered()).isEqualTo(100);
    assertThat(stats.sent()).isEqualTo(channel.received.size());
    assertThat(stats.digests()).isBetween(1L, 4L);
  }

  @Test
  void aBurstOfFillsAtTwoPerSecondOnTheSystemClockGivesAHandfulOfMessages() {
    RecordingNotifier channel = new RecordingNotifier("rec");
    NotificationService service = start(NotificationService.builder().queue(queue)
        .channel(channel, ChannelPolicy.defaults().withRateLimit(RateLimit.of(2, Duration.ofSeconds(1), 2))
            .withMaxDigestItems(30)));

    for (int i = 1; i <= 100; i++) {
      service.submit(fill(i));
    }

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(channel.received).as("up to 2 alone, then digests of up to 30 as tokens come").hasSizeBetween(4, 6);
    assertThat(service.stats().digests()).isGreaterThanOrEqualTo(3);
    assertThatEveryFillArrived(channel.received, 100);
    assertThat(service.stats().delivered()).isEqualTo(100);
  }

  private static void assertThatEveryFillArrived(List<Notification> messages, int fills) {
    int counted = 0;
    Set<Integer> numbers = new TreeSet<>();
    for (Notification m : messages) {
      boolean digest = m.dedupKey().startsWith("digest:");
      counted += digest ? Integer.parseInt(m.title().substring(0, m.title().indexOf(' '))) : 1;
      Matcher fill = FILL_TITLE.matcher(m.title() + "\n" + m.body());
      while (fill.find()) {
        numbers.add(Integer.parseInt(fill.group(1)));
      }
    }
    assertThat(counted).isEqualTo(fills);
    assertThat(numbers).hasSize(fills).first().isEqualTo(1);
    assertThat(numbers).last().isEqualTo(fills);
  }

  @Test
  void waitsForATokenWhenOnlyOneIsWaitingAndSendsItAlone() {
    RecordingNotifier channel = new RecordingNotifier("rec");
    NotificationService service = start(NotificationService.builder().queue(queue).timeSource(clock)
        .channel(channel, ChannelPolicy.defaults().withRateLimit(RateLimit.of(1, Duration.ofMinutes(1), 1))));

    service.submit(alert(Severity.INFO, "first"));
    assertThat(service.flush(FLUSH)).isTrue();
    service.submit(alert(Severity.INFO, "second"));
    Await.until("the second taken and waiting for a token", () -> queue.inFlight() == 1);
    assertThat(channel.received).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(channel.received).extracting(Notification::title).containsExactly("first", "second");
    assertThat(service.stats().digests()).isZero();
  }

  @Test
  void aFailedDigestRetriesEachOfItsDeliveries() {
    for (int i = 1; i <= 5; i++) {
      queue.enqueue(Delivery.of("rec", fill(i), T0));
    }
    RecordingNotifier channel = new RecordingNotifier("rec").failWith(new NotificationException("HTTP 500", true));
    NotificationService service = start(NotificationService.builder().queue(queue).timeSource(clock)
        .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofSeconds(1)).jitter(0).build())
        .channel(channel, ChannelPolicy.defaults().withRateLimit(RateLimit.of(1, Duration.ofSeconds(1), 1))));

    Await.until("the digest failed", () -> service.stats().retries() == 5);
    assertThat(channel.attempts.get()).isEqualTo(1);
    assertThat(queue.size()).isEqualTo(5);
    assertThat(queue.nextDueMillis()).hasValue(T0 + 1_000);

    clock.advance(Duration.ofSeconds(1));
    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(channel.received).singleElement()
        .satisfies(d -> assertThat(d.title()).isEqualTo("5 notifications: 5 info"));
    assertThatEveryFillArrived(channel.received, 5);
    assertThat(service.deadLetters()).isEmpty();
  }

  // ---- at-least-once and close ----------------------------------------------------------------------------------

  @Test
  void aDeliveryInFlightWhenTheWorkerStoppedArrivesAfterRequeueInFlight() {
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch hang = new CountDownLatch(1);
    Notifier hung = new Notifier() {
      @Override
      public String name() {
        return "pager";
      }

      @Override
      public void send(Notification notification) {
        sending.countDown();
        try {
          hang.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new NotificationException("gave up", false);
      }
    };
    NotificationService first = start(NotificationService.builder().queue(queue).channel(hung)
        .closeTimeout(Duration.ofMillis(20)));
    Notification n = alert(Severity.CRITICAL, "Loss limit hit");
    first.submit(n);
    Await.until("the first worker sending", () -> sending.getCount() == 0);
    first.close();
    assertThat(queue.inFlight()).isEqualTo(1);

    try {
      assertThat(queue.requeueInFlight()).isEqualTo(1);
      RecordingNotifier pager = new RecordingNotifier("pager");
      NotificationService second = start(NotificationService.builder().queue(queue).channel(pager)
          .requeueInFlightOnStart(false));

      assertThat(second.flush(FLUSH)).isTrue();
      assertThat(pager.received).containsExactly(n);
    } finally {
      hang.countDown();
    }
  }

  @Test
  void aNewServiceRequeuesWhatAnEarlierOneLeftInFlightByDefault() {
    Delivery stranded = Delivery.of("pager", alert(Severity.CRITICAL, "Loss limit hit"), T0);
    queue.enqueue(stranded);
    queue.poll(T0);
    RecordingNotifier pager = new RecordingNotifier("pager");

    NotificationService service = start(NotificationService.builder().queue(queue).channel(pager));

    assertThat(service.flush(FLUSH)).isTrue();
    assertThat(pager.received).containsExactly(stranded.notification());
  }

  @Test
  void closeReturnsDeliveriesWaitingForATokenToTheQueue() {
    RecordingNotifier channel = new RecordingNotifier("rec");
    NotificationService service = start(NotificationService.builder().queue(queue).timeSource(clock)
        .channel(channel, ChannelPolicy.defaults().withRateLimit(RateLimit.of(1, Duration.ofMinutes(1), 1))));
    service.submit(fill(1));
    assertThat(service.flush(FLUSH)).isTrue();
    service.submit(fill(2));
    service.submit(fill(3));
    Await.until("two waiting for a token", () -> queue.inFlight() == 2);

    service.close();

    assertThat(channel.received).hasSize(1);
    assertThat(queue.inFlight()).isZero();
    assertThat(queue.size()).isEqualTo(2);
    assertThat(service.flush(Duration.ofMillis(1))).isFalse();
  }
}
