package io.aitrader.core.audit;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.audit.AuditLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit packets to an {@link AuditLog} on its own thread, so that recording a decision costs the trading
 * path a queue insertion, not a disk write. Packets wait in a bounded queue; the writer drains it in batches,
 * appends each packet and then {@linkplain AuditLog#sync() syncs} once per batch (group commit). On a crash at most
 * the packets not yet synced are lost.
 *
 * <pre>{@code
 * AuditRecorder recorder = AuditRecorder.builder(FileAuditLog.builder().directory(dir).syncOnAppend(false).open())
 *     .capacity(8192).build();
 * recorder.record(t, "fill", "mom5m-000042", Map.of("quantity", "10"));        // queued, returns at once
 * recorder.recordDurably(t, "order.intent", "mom5m-000042", payload);         // returns once synced, or throws
 * recorder.close();                                                           // drains, syncs, closes the log
 * }</pre>
 *
 * <p><b>Back-pressure.</b> When the queue is full, {@link #record} waits up to {@code offerTimeout} for room: a
 * stalled disk slows the trading path rather than losing packets. A packet that still finds no room is counted in
 * {@link Stats#lost()} and logged as an error. <b>Durable packets</b> ({@link #recordDurably}, used for order
 * intents) wait until their batch is synced, at most {@code durableTimeout}; a failure or time-out is an
 * {@link AuditUnavailableException}, and the order service then refuses the order. <b>Failures</b> of the log
 * (a full disk) are retried with growing pauses (100 ms up to 5 s); the packets stay queued meanwhile.
 *
 * <p>Threading: every method is thread-safe. Packets from one thread are written in the order recorded.
 */
public final class AuditRecorder implements AuditSink {
  private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);
  private static final int BATCH = 512;
  private static final long MAX_PAUSE_MILLIS = 5_000;

  private final AuditLog log;
  private final BlockingQueue<Packet> queue;
  private final long offerTimeoutNanos;
  private final long durableTimeoutNanos;
  private final Thread writer;
  private final AtomicLong recorded = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong syncs = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean closing;
  private volatile boolean closed;
  private volatile @Nullable String lastFailure;

  private AuditRecorder(Builder b) {
    this.log = b.log;
    this.queue = new ArrayBlockingQueue<>(b.capacity);
    this.offerTimeoutNanos = b.offerTimeout.toNanos();
    this.durableTimeoutNanos = b.durableTimeout.toNanos();
    this.writer = new Thread(this::writeLoop, b.threadName);
    writer.setDaemon(true);
    writer.start();
  }

  /** A recorder writing to {@code log}; it owns the log from then on and closes it in {@link #close()}. */
  public static Builder builder(AuditLog log) {
    return new Builder(required(log, "log"));
  }

  /**
   * Queues a packet; returns as soon as it is queued (waiting for room when the queue is full, up to the offer
   * time-out). Never throws for a full queue or a failing log: the loss is counted and logged.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public void record(long timestampMillis, String type, String correlationId, Map<String, String> payload) {
    requireText(type, "audit packet type");
    enqueue(new Packet(timestampMillis, type, correlationId, payload, null), false);
  }

  /**
   * Queues a packet and waits until it is synced to the log.
   *
   * @throws AuditUnavailableException when it could not be queued, written or synced within the durable time-out;
   *                                   the message says why
   */
  @Override
  public void recordDurably(long timestampMillis, String type, String correlationId, Map<String, String> payload) {
    requireText(type, "audit packet type");
    CompletableFuture<Void> done = new CompletableFuture<>();
    long start = System.nanoTime();
    if (!enqueue(new Packet(timestampMillis, type, correlationId, payload, done), true)) {
      throw new AuditUnavailableException("the audit queue stayed full for "
          + TimeUnit.NANOSECONDS.toMillis(offerTimeoutNanos) + " ms" + failureSuffix());
    }
    await(done, durableTimeoutNanos - (System.nanoTime() - start), "writing " + type + " for " + correlationId);
  }

  /** Waits until every packet queued so far is written and synced, at most {@code timeout}; false on time-out. */
  @Override
  public boolean flush(Duration timeout) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      if (!queue.offer(new Packet(0, "", "", Map.of(), done), timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        return false;
      }
      done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /** What the recorder has done so far. */
  @Override
  public Stats stats() {
    return new Stats(recorded.get(), lost.get(), queue.size(), syncs.get(), failures.get());
  }

  /**
   * Stops accepting packets, writes and syncs everything queued (waiting up to 30 s), stops the writer and closes
   * the log. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closing = true;
    try {
      writer.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      LOG.error("audit writer did not finish within 30 s; {} packets were not written{}", queue.size(), failureSuffix());
      writer.interrupt();
    }
    closed = true;
    log.close();
  }

  private boolean enqueue(Packet p, boolean durable) {
    if (closing) {
      throw new IllegalStateException("the audit recorder is closed; packet " + p.type + " for " + p.correlationId
          + " was not recorded");
    }
    if (queue.offer(p)) {
      return true;
    }
    try {
      if (queue.offer(p, offerTimeoutNanos, TimeUnit.NANOSECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!durable) {
      long n = lost.incrementAndGet();
      if (Long.bitCount(n) == 1) { // 1st, 2nd, 4th, 8th…: loud without flooding the log
        LOG.error("audit queue full for {} ms: packet {} for {} was NOT recorded ({} lost so far){}",
            TimeUnit.NANOSECONDS.toMillis(offerTimeoutNanos), p.type, p.correlationId, n, failureSuffix());
      }
    }
    return false;
  }

  private void await(CompletableFuture<Void> done, long nanos, String what) {
    try {
      done.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditUnavailableException("interrupted while " + what);
    } catch (TimeoutException e) {
      // abandon it: the writer skips a packet whose caller was told it failed (unless it was written meanwhile)
      done.completeExceptionally(new AuditUnavailableException("abandoned after the durable time-out"));
      throw new AuditUnavailableException("the audit log did not confirm " + what + " within "
          + TimeUnit.NANOSECONDS.toMillis(durableTimeoutNanos) + " ms" + failureSuffix());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new AuditUnavailableException("the audit log failed " + what + ": " + cause.getMessage());
    }
  }

  private String failureSuffix() {
    String f = lastFailure;
    return f == null ? "" : " (the log's last failure: " + f + ")";
  }

  private void writeLoop() {
    List<Packet> batch = new ArrayList<>(BATCH);
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    long pauseMillis = 100;
    while (true) {
      if (batch.isEmpty()) {
        Packet first;
        try {
          first = queue.poll(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          LOG.error("audit writer interrupted; {} packets not written", queue.size());
          return;
        }
        if (first == null) {
          if (closing && queue.isEmpty()) {
            return;
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
      }
      try {
        int written = 0;
        try {
          for (Packet p : batch) {
            if (p.type.isEmpty() || (p.done != null && p.done.isDone())) {
              // a flush marker, or a durable packet its caller gave up on (its order was refused): nothing to write
              written++;
              continue;
            }
            log.append(p.timestampMillis, p.type, p.correlationId, p.payload);
            written++;
          }
        } finally {
          for (int i = 0; i < written; i++) {
            Packet p = batch.get(i);
            if (p.done != null) {
              waiting.add(p.done);
            }
            if (!p.type.isEmpty() && (p.done == null || !p.done.isCompletedExceptionally())) {
              recorded.incrementAndGet();
            }
          }
          batch.subList(0, written).clear();
        }
        log.sync();
        syncs.incrementAndGet();
        for (CompletableFuture<Void> w : waiting) {
          w.complete(null);
        }
        waiting.clear();
        lastFailure = null;
        pauseMillis = 100;
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        lastFailure = e.toString();
        LOG.error("audit log write failed ({} packets waiting, retrying in {} ms): {}", batch.size() + queue.size(),
            pauseMillis, e.toString());
        // the durable ones fail now and are dropped (their orders are refused, never sent); the rest wait and retry
        batch.removeIf(p -> {
          if (p.done != null && !p.type.isEmpty()) {
            p.done.completeExceptionally(e);
            return true;
          }
          return false;
        });
        for (CompletableFuture<Void> w : waiting) { // written but not synced: their durability is unknown
          w.completeExceptionally(e);
        }
        waiting.clear();
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException ie) {
          LOG.error("audit writer interrupted; {} packets not written", batch.size() + queue.size());
          return;
        }
        pauseMillis = Math.min(MAX_PAUSE_MILLIS, pauseMillis * 2);
      }
    }
  }

  /** A packet to write; an empty type marks a flush (nothing written). Checked on the caller's thread. */
  private record Packet(long timestampMillis, String type, String correlationId, Map<String, String> payload,
      @Nullable CompletableFuture<Void> done) {
    Packet {
      if (!type.isEmpty()) {
        check(timestampMillis > 0, "audit packet timestampMillis", "must be > 0", timestampMillis);
        requireText(correlationId, "audit packet correlationId");
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : required(payload, "audit packet payload").entrySet()) {
          requireText(e.getKey(), "audit packet payload key");
          copy.put(e.getKey(), required(e.getValue(), "audit packet payload[" + e.getKey() + "]"));
        }
        payload = copy;
      }
    }
  }

  /**
   * Counters of a recorder.
   *
   * @param recorded   packets appended to the log
   * @param lost       packets dropped because the queue stayed full (each also logged)
   * @param queued     packets waiting now
   * @param syncs      syncs of the log (one per batch)
   * @param failures   failed writes or syncs of the log (each retried)
   */
  public record Stats(long recorded, long lost, int queued, long syncs, long failures) {}

  /** Settings of an {@link AuditRecorder}. */
  public static final class Builder {
    private final AuditLog log;
    private int capacity = 8192;
    private Duration offerTimeout = Duration.ofSeconds(2);
    private Duration durableTimeout = Duration.ofSeconds(2);
    private String threadName = "aitrader-audit-writer";

    private Builder(AuditLog log) {
      this.log = log;
    }

    /** Packets the queue holds before {@link #record} waits; default 8192. */
    public Builder capacity(int v) {
      check(v >= 1, "AuditRecorder.capacity", "must be >= 1", v);
      this.capacity = v;
      return this;
    }

    /** How long {@link #record} waits for room in a full queue before counting the packet lost; default 2 s. */
    public Builder offerTimeout(Duration v) {
      check(!v.isNegative(), "AuditRecorder.offerTimeout", "must be >= 0", v);
      this.offerTimeout = v;
      return this;
    }

    /** How long {@link #recordDurably} waits for its packet to be synced; default 2 s. */
    public Builder durableTimeout(Duration v) {
      check(!v.isNegative() && !v.isZero(), "AuditRecorder.durableTimeout", "must be > 0", v);
      this.durableTimeout = v;
      return this;
    }

    /** The writer thread's name; default {@code aitrader-audit-writer}. */
    public Builder threadName(String v) {
      this.threadName = requireText(v, "AuditRecorder.threadName");
      return this;
    }

    /** Starts the writer thread. */
    public AuditRecorder build() {
      return new AuditRecorder(this);
    }
  }
}
