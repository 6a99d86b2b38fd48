package io.aitrader.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.core.time.ManualTimeSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AuditRecorderTest {
  private final ManualTimeSource clock = new ManualTimeSource(1_700_000_000_000L);
  private final ControllableLog log = new ControllableLog(InMemoryAuditLog.create(clock));

  @Test
  void packetsAreWrittenInTheOrderRecordedWithTheirEventTimes() {
    try (AuditRecorder recorder = AuditRecorder.builder(log).build()) {
      for (int i = 1; i <= 1000; i++) {
        recorder.record(1_700_000_000_000L + i, "fill", "ref-" + i, Map.of("n", Integer.toString(i)));
      }
      assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

      assertThat(log.lastSequence()).isEqualTo(1000);
      AuditRecord last = log.read(1000, 1).get(0);
      assertThat(last.correlationId()).isEqualTo("ref-1000");
      assertThat(last.timestampMillis()).isEqualTo(1_700_000_001_000L);
      assertThat(log.verify().isValid()).isTrue();
      assertThat(recorder.stats().recorded()).isEqualTo(1000);
      assertThat(log.syncs.get()).isLessThan(1000); // synced per batch, not per packet
    }
  }

  @Test
  void aDurablePacketIsInTheLogAndSyncedWhenRecordDurablyReturns() {
    try (AuditRecorder recorder = AuditRecorder.builder(log).build()) {
      int syncsBefore = log.syncs.get();

      recorder.recordDurably(clock.currentTimeMillis(), "order.intent", "ref-1", Map.of("side", "BUY"));

      assertThat(log.lastSequence()).isEqualTo(1);
      assertThat(log.syncs.get()).isGreaterThan(syncsBefore);
    }
  }

  @Test
  void aFailingLogRefusesDurablePacketsButKeepsAndLaterWritesTheOthers() {
    try (AuditRecorder recorder = AuditRecorder.builder(log).build()) {
      log.failing = true;

      assertThatThrownBy(() -> recorder.recordDurably(clock.currentTimeMillis(), "order.intent", "ref-1", Map.of()))
          .isInstanceOf(AuditUnavailableException.class)
          .hasMessageContaining("No space left on device");
      recorder.record(clock.currentTimeMillis(), "fill", "ref-2", Map.of());
      log.failing = false; // the disk has room again: the queued packet is retried and written

      assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
      assertThat(log.read(1, 10)).extracting(AuditRecord::correlationId).containsExactly("ref-2");
      assertThat(recorder.stats().failures()).isPositive();
      assertThat(recorder.stats().lost()).isZero();
    }
  }

  @Test
  void aStalledLogMakesDurablePacketsTimeOutWithAClearMessage() {
    log.stall = new CountDownLatch(1);
    try (AuditRecorder recorder = AuditRecorder.builder(log).durableTimeout(Duration.ofMillis(100)).build()) {
      assertThatThrownBy(() -> recorder.recordDurably(clock.currentTimeMillis(), "order.intent", "ref-1", Map.of()))
          .isInstanceOf(AuditUnavailableException.class)
          .hasMessageContaining("did not confirm").hasMessageContaining("ref-1");
      log.stall.countDown();
    }
  }

  @Test
  void aFullQueueHoldsTheCallerBackAndCountsWhatFindsNoRoom() {
    log.stall = new CountDownLatch(1);
    AuditRecorder recorder = AuditRecorder.builder(log).capacity(1).offerTimeout(Duration.ofMillis(20)).build();
    // the writer takes the first packet and hangs on the disk; the second fills the queue; the third finds no room
    recorder.record(clock.currentTimeMillis(), "fill", "ref-1", Map.of());
    awaitQueued(recorder, 0);
    recorder.record(clock.currentTimeMillis(), "fill", "ref-2", Map.of());
    recorder.record(clock.currentTimeMillis(), "fill", "ref-3", Map.of());

    assertThat(recorder.stats().lost()).isEqualTo(1);
    log.stall.countDown();
    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(log.read(1, 10)).extracting(AuditRecord::correlationId).containsExactly("ref-1", "ref-2");
    recorder.close();
  }

  @Test
  void badPacketsAreRefusedOnTheCallersThreadNamingTheField() {
    try (AuditRecorder recorder = AuditRecorder.builder(log).build()) {
      assertThatThrownBy(() -> recorder.record(clock.currentTimeMillis(), "fill", " ", Map.of()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("correlationId");
      assertThatThrownBy(() -> recorder.record(0, "fill", "ref-1", Map.of()))
          .isInstanceOf(ValidationException.class).hasMessageContaining("timestampMillis");
    }
  }

  @Test
  void closeWritesEverythingQueuedAndThenRefusesNewPackets() {
    AuditRecorder recorder = AuditRecorder.builder(log).build();
    for (int i = 0; i < 100; i++) {
      recorder.record(clock.currentTimeMillis(), "fill", "ref-" + i, Map.of());
    }
    recorder.close();

    assertThat(recorder.stats().recorded()).isEqualTo(100);
    assertThatThrownBy(() -> recorder.record(clock.currentTimeMillis(), "fill", "late", Map.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  private static void awaitQueued(AuditRecorder recorder, int queued) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (recorder.stats().queued() != queued) {
      assertThat(System.nanoTime()).as("queue never reached " + queued).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
