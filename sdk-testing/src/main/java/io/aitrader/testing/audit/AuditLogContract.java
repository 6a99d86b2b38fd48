package io.aitrader.testing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import io.aitrader.api.time.TimeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link AuditLog}: every implementation — the in-memory and file logs in sdk-core, a
 * database connector's log — extends this class and passes the same tests. It uses the SPI only.
 *
 * <pre>{@code
 * class FileAuditLogContractTest extends AuditLogContract {
 *   @TempDir Path dir;
 *   protected AuditLog newLog(TimeSource clock) {
 *     return FileAuditLog.builder().directory(dir.resolve("audit")).timeSource(clock).open();
 *   }
 *   protected AuditLog reopen(TimeSource clock) {
 *     return FileAuditLog.builder().directory(dir.resolve("audit")).timeSource(clock).open();
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #newLog(TimeSource)} is called once per test for a fresh, empty log, which the kit closes after the
 * test. The durability test closes it and calls {@link #reopen(TimeSource)} for a log over the same storage (a
 * restart); a log that keeps nothing across a restart aborts there with
 * {@link org.junit.jupiter.api.Assumptions#abort(String)}, and the test is skipped.
 */
public abstract class AuditLogContract {
  /** 2025-01-06 09:15 IST, a Monday's session open: where the kit's clock starts. */
  protected static final long T0 = 1_736_135_100_000L;
  private static final long WAIT_SECONDS = 60;

  private final KitClock clock = new KitClock(T0);
  private AuditLog log;

  /** A fresh, empty log stamping appends with {@code clock}. */
  protected abstract AuditLog newLog(TimeSource clock);

  /**
   * A log over the same storage as the one {@link #newLog} returned, which the kit has just closed: a restart.
   * A log that keeps nothing calls {@code Assumptions.abort("...")}.
   */
  protected abstract AuditLog reopen(TimeSource clock);

  /** The log under test. */
  protected final AuditLog log() {
    return log;
  }

  @BeforeEach
  void openLog() {
    log = newLog(clock);
  }

  @AfterEach
  void closeLog() {
    log.close();
  }

  private static Map<String, String> payload(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private List<AuditRecord> appendOrders(int count) {
    List<AuditRecord> out = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      out.add(log.append("order.submitted", String.format("kit-%06d", i),
          payload("instrument", "NSE:RELIANCE", "quantity", Integer.toString(i * 10))));
      clock.advance(250);
    }
    return out;
  }

  @Test
  void anEmptyLogHasNothingAndVerifies() {
    assertThat(log.lastSequence()).isZero();
    assertThat(log.read(1, 10)).isEmpty();
    assertThat(log.verify()).isEqualTo(AuditVerification.valid(0));
  }

  @Test
  void sequencesStartAtOneAndHaveNoGaps() {
    List<AuditRecord> appended = appendOrders(25);

    assertThat(appended).extracting(AuditRecord::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
    assertThat(log.lastSequence()).isEqualTo(25);
  }

  @Test
  void eachRecordCarriesThePreviousRecordsHash() {
    List<AuditRecord> appended = appendOrders(10);

    assertThat(appended.get(0).previousHash()).isEqualTo(AuditRecord.GENESIS_HASH);
    for (int i = 0; i < appended.size(); i++) {
      AuditRecord r = appended.get(i);
      assertThat(r.hasValidHash()).as("hash of #%d", r.sequence()).isTrue();
      if (i > 0) {
        assertThat(r.previousHash()).as("prev of #%d", r.sequence()).isEqualTo(appended.get(i - 1).hash());
      }
    }
  }

  @Test
  void appendWithoutATimeStampsTheClocksTime() {
    AuditRecord first = log.append("signal.emitted", "mom5m-000001", payload("side", "BUY"));
    clock.advance(1_500);
    AuditRecord second = log.append("signal.emitted", "mom5m-000002", payload("side", "SELL"));

    assertThat(first.timestampMillis()).isEqualTo(T0);
    assertThat(second.timestampMillis()).isEqualTo(T0 + 1_500);
  }

  @Test
  void appendWithATimeKeepsItEvenWhenEarlierThanThePreviousRecord() {
    AuditRecord later = log.append(T0 + 60_000, "fill.received", "kit-000001", payload("quantity", "10"));
    AuditRecord earlier = log.append(T0 + 5_000, "fill.received", "kit-000002", payload("quantity", "5"));

    assertThat(later.timestampMillis()).isEqualTo(T0 + 60_000);
    assertThat(earlier.timestampMillis()).isEqualTo(T0 + 5_000);
    assertThat(log.read(1, 2)).extracting(AuditRecord::timestampMillis).containsExactly(T0 + 60_000, T0 + 5_000);
    assertThat(log.verify().isValid()).isTrue();
  }

  @Test
  void payloadKeepsItsOrderAndEveryCharacter() {
    Map<String, String> details = payload(
        "zeta", "last letter first",
        "alpha", "quote \" backslash \\ slash /",
        "lines", "one\ntwo\r\nthree\ttab",
        "control", "bell \u0007 nul \u0000 esc \u001b",
        "unicode", "₹2,534.05 — नमस्ते 🙂",
        "empty", "",
        "{\"json\":\"key\"}", "}{");

    AuditRecord appended = log.append("config.changed", "corr \"quoted\" ₹", details);

    assertThat(appended.payload()).containsExactlyEntriesOf(details);
    AuditRecord read = log.read(1, 1).get(0);
    assertThat(read).isEqualTo(appended);
    assertThat(read.payload().keySet()).containsExactlyElementsOf(details.keySet());
    assertThat(read.hasValidHash()).isTrue();
  }

  @Test
  void appendCopiesThePayloadSoLaterChangesDoNotReachTheLog() {
    Map<String, String> details = payload("quantity", "10");
    AuditRecord appended = log.append("order.submitted", "kit-000001", details);

    details.put("quantity", "999");

    assertThat(appended.payload()).containsEntry("quantity", "10");
    assertThat(log.read(1, 1).get(0).payload()).containsEntry("quantity", "10");
  }

  @Test
  void readReturnsPagesInSequenceOrder() {
    List<AuditRecord> appended = appendOrders(10);

    assertThat(log.read(1, 4)).containsExactlyElementsOf(appended.subList(0, 4));
    assertThat(log.read(5, 4)).containsExactlyElementsOf(appended.subList(4, 8));
    assertThat(log.read(9, 4)).containsExactlyElementsOf(appended.subList(8, 10));
    assertThat(log.read(10, 1)).containsExactly(appended.get(9));
    assertThat(log.read(11, 4)).isEmpty();
    assertThat(log.read(1, Integer.MAX_VALUE)).containsExactlyElementsOf(appended);
  }

  @Test
  void verifyChecksEveryRecord() {
    appendOrders(40);

    AuditVerification v = log.verify();

    assertThat(v.isValid()).isTrue();
    assertThat(v.recordsChecked()).isEqualTo(40);
    assertThat(v.problem()).isEmpty();
  }

  @Test
  void syncKeepsEverythingReadable() {
    List<AuditRecord> appended = appendOrders(5);

    log.sync();

    assertThat(log.read(1, 10)).containsExactlyElementsOf(appended);
  }

  @Test
  void aReopenedLogContinuesTheChain() {
    List<AuditRecord> before = appendOrders(7);
    log.close();

    log = reopen(clock);

    assertThat(log.lastSequence()).isEqualTo(7);
    assertThat(log.read(1, 100)).containsExactlyElementsOf(before);
    AuditRecord next = log.append("order.cancelled", "kit-000003", payload("reason", "restart"));
    assertThat(next.sequence()).isEqualTo(8);
    assertThat(next.previousHash()).isEqualTo(before.get(6).hash());
    assertThat(log.verify()).isEqualTo(AuditVerification.valid(8));
  }

  @Test
  void concurrentAppendsAreAllKeptInOneUnbrokenChain() throws Exception {
    int threads = 4;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<AuditRecord>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String thread = "thread-" + t;
        Callable<List<AuditRecord>> task = () -> {
          start.await(WAIT_SECONDS, TimeUnit.SECONDS);
          List<AuditRecord> mine = new ArrayList<>(perThread);
          for (int i = 0; i < perThread; i++) {
            mine.add(log.append("order.submitted", thread, payload("n", Integer.toString(i))));
          }
          return mine;
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      Set<Long> sequences = new HashSet<>();
      for (Future<List<AuditRecord>> f : futures) {
        List<AuditRecord> mine = f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(mine).extracting(AuditRecord::sequence).isSorted();
        mine.forEach(r -> sequences.add(r.sequence()));
      }

      int total = threads * perThread;
      assertThat(sequences).hasSize(total);
      assertThat(log.lastSequence()).isEqualTo(total);
      List<AuditRecord> all = log.read(1, total + 10);
      assertThat(all).hasSize(total);
      for (int t = 0; t < threads; t++) {
        String thread = "thread-" + t;
        assertThat(all).filteredOn(r -> r.correlationId().equals(thread)).extracting(r -> r.payload().get("n"))
            .containsExactlyElementsOf(IntStream.range(0, perThread).mapToObj(Integer::toString).toList());
      }
      assertThat(log.verify()).isEqualTo(AuditVerification.valid(total));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badArgumentsAreRejectedAndNothingIsAppended() {
    log.append("order.submitted", "kit-000001", payload("quantity", "10"));

    assertThatThrownBy(() -> log.append(" ", "kit-000002", payload()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("type");
    assertThatThrownBy(() -> log.append("order.submitted", "", payload()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("correlationId");
    assertThatThrownBy(() -> log.append("order.submitted", "kit-000002", payload(" ", "blank key")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("key");
    assertThatThrownBy(() -> log.append(0, "order.submitted", "kit-000002", payload()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("timestampMillis");
    assertThatThrownBy(() -> log.append(-5, "order.submitted", "kit-000002", payload()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("timestampMillis");
    assertThatThrownBy(() -> log.read(0, 10))
        .isInstanceOf(ValidationException.class).hasMessageContaining("fromSequence");
    assertThatThrownBy(() -> log.read(1, 0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("limit");

    assertThat(log.lastSequence()).isEqualTo(1);
    AuditRecord next = log.append("order.submitted", "kit-000002", payload("quantity", "5"));
    assertThat(next.sequence()).isEqualTo(2);
    assertThat(log.verify()).isEqualTo(AuditVerification.valid(2));
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThatThrownBy(() -> log.append(null, "kit-000001", payload()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> log.append("order.submitted", "kit-000001", null))
        .isInstanceOf(ValidationException.class);
    assertThat(log.lastSequence()).isZero();
  }

  @Test
  void closeIsIdempotent() {
    appendOrders(2);

    log.close();
    log.close();

    assertThatThrownBy(() -> log.append("order.submitted", "kit-000003", payload()))
        .isInstanceOf(IllegalStateException.class);
  }

  /** A clock the kit moves by hand. */
  private static final class KitClock implements TimeSource {
    private final AtomicLong now;

    KitClock(long startMillis) {
      this.now = new AtomicLong(startMillis);
    }

    void advance(long millis) {
      now.addAndGet(millis);
    }

    @Override
    public long currentTimeMillis() {
      return now.get();
    }
  }
}
