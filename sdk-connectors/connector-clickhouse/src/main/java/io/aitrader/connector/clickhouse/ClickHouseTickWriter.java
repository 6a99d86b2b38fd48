package io.aitrader.connector.clickhouse;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.market.Tick;
import io.aitrader.connector.clickhouse.internal.RowBinaryWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes ticks to ClickHouse asynchronously in batches: producers {@link #append} into a bounded queue and one
 * writer thread sends a {@code RowBinary} insert when {@code batchSize} ticks are waiting or {@code maxDelay} has
 * passed since the oldest unsent one was taken. When the queue is full, {@link #append} blocks (back-pressure)
 * and {@link #tryAppend} returns {@code false}.
 *
 * <pre>{@code
 * try (ClickHouseTickWriter writer = ClickHouseTickWriter.builder(connector)
 *     .batchSize(50_000).maxDelay(Duration.ofMillis(200)).queueCapacity(200_000).start()) {
 *   feed.onTick(writer::append);
 *   ...
 *   writer.flush();   // everything appended so far is in ClickHouse
 * }
 * }</pre>
 *
 * <p><b>Failures.</b> If an insert fails, the writer stops: the failure is logged once, and every later
 * {@link #append}, {@link #flush} and {@link #close} throws a {@link ClickHouseException} naming it; the ticks
 * of the failed batch and those still queued are not written ({@link #rowsWritten()} says how many were).
 *
 * <p>Threading: {@code append}/{@code tryAppend} from any number of threads (no allocation per tick: the queue
 * is an array, the batch and its encoding buffer are reused); {@code flush} and {@code close} from any thread.
 * Ticks are written in the order they were queued.
 */
public final class ClickHouseTickWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseTickWriter.class);

  private final ClickHouseConnector ch;
  private final int batchSize;
  private final long maxDelayNanos;
  private final ArrayBlockingQueue<Tick> queue;
  private final Thread thread;
  private final Object monitor = new Object();

  // guarded by monitor
  private long appended;
  private long written;
  private long batches;
  private boolean flushRequested;
  private boolean closing;
  private @Nullable RuntimeException failure;

  private ClickHouseTickWriter(Builder b) {
    this.ch = b.connector;
    this.batchSize = b.batchSize;
    this.maxDelayNanos = b.maxDelay.toNanos();
    this.queue = new ArrayBlockingQueue<>(b.queueCapacity);
    this.thread = new Thread(this::run, "clickhouse-tick-writer-" + ch.config().database());
    this.thread.setDaemon(true);
  }

  /** A builder for a writer through {@code connector} into its {@code ticks} table. */
  public static Builder builder(ClickHouseConnector connector) {
    return new Builder(required(connector, "ClickHouseTickWriter.connector"));
  }

  /** Queues a tick, waiting while the queue is full. */
  public void append(Tick tick) {
    required(tick, "tick");
    checkUsable();
    try {
      queue.put(tick);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for room in the tick queue", e);
    }
    counted();
  }

  /** Queues a tick if there is room now; {@code false} when the queue is full (the tick is not queued). */
  public boolean tryAppend(Tick tick) {
    required(tick, "tick");
    checkUsable();
    if (!queue.offer(tick)) {
      return false;
    }
    counted();
    return true;
  }

  private void counted() {
    synchronized (monitor) {
      appended++;
    }
  }

  private void checkUsable() {
    synchronized (monitor) {
      throwIfFailed();
      if (closing) {
        throw new IllegalStateException("ClickHouseTickWriter is closed");
      }
    }
  }

  private void throwIfFailed() {
    RuntimeException f = failure;
    if (f != null) {
      throw new ClickHouseException("ClickHouseTickWriter stopped after a failed insert (" + written
          + " ticks written): " + f.getMessage(), f);
    }
  }

  /** Waits until every tick appended before this call is in ClickHouse. */
  public void flush() {
    synchronized (monitor) {
      long target = appended;
      flushRequested = true;
      monitor.notifyAll();
      while (written < target && failure == null) {
        try {
          monitor.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while flushing ticks to ClickHouse", e);
        }
      }
      throwIfFailed();
    }
  }

  /** Ticks written so far. */
  public long rowsWritten() {
    synchronized (monitor) {
      return written;
    }
  }

  /** Inserts sent so far. */
  public long batchesWritten() {
    synchronized (monitor) {
      return batches;
    }
  }

  private void run() {
    List<Tick> batch = new ArrayList<>(batchSize);
    RowBinaryWriter encoder = new RowBinaryWriter(batchSize * 96);
    long firstTaken = 0;
    while (true) {
      boolean flushNow;
      boolean stop;
      synchronized (monitor) {
        flushNow = flushRequested;
        stop = closing && queue.isEmpty();
      }
      long waitNanos = batch.isEmpty() ? maxDelayNanos : firstTaken + maxDelayNanos - System.nanoTime();
      if (!flushNow && !stop && waitNanos > 0 && batch.size() < batchSize) {
        Tick t;
        try {
          t = queue.poll(Math.min(waitNanos, maxDelayNanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (t != null) {
          if (batch.isEmpty()) {
            firstTaken = System.nanoTime();
          }
          batch.add(t);
        }
      }
      if (batch.isEmpty()) {
        firstTaken = System.nanoTime();
      }
      queue.drainTo(batch, batchSize - batch.size());
      boolean due = !batch.isEmpty() && System.nanoTime() - firstTaken >= maxDelayNanos;
      if (batch.size() >= batchSize || due || ((flushNow || stop) && !batch.isEmpty())) {
        if (!write(batch, encoder)) {
          return;
        }
        continue; // more may be queued: drain before acknowledging a flush
      }
      if (batch.isEmpty() && queue.isEmpty()) {
        synchronized (monitor) {
          if (flushRequested && written >= appended) {
            flushRequested = false;
            monitor.notifyAll();
          }
          if (closing && queue.isEmpty()) {
            monitor.notifyAll();
            return;
          }
        }
      }
    }
  }

  private boolean write(List<Tick> batch, RowBinaryWriter encoder) {
    encoder.reset();
    ClickHouseMarketStore.encodeTicks(batch, encoder);
    try {
      ch.insertRowBinary("ticks", ClickHouseMarketStore.TICK_COLUMNS, encoder.array(), encoder.length());
    } catch (RuntimeException e) {
      LOG.error("ClickHouse tick writer stopped: an insert of {} ticks failed", batch.size(), e);
      synchronized (monitor) {
        failure = e;
        monitor.notifyAll();
      }
      return false;
    }
    synchronized (monitor) {
      written += batch.size();
      batches++;
      monitor.notifyAll();
    }
    batch.clear();
    return true;
  }

  /** Writes what is queued, stops the writer thread and returns. Idempotent. */
  @Override
  public void close() {
    synchronized (monitor) {
      closing = true;
      monitor.notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing the tick writer", e);
    }
    synchronized (monitor) {
      throwIfFailed();
    }
  }

  /** Builds and starts a {@link ClickHouseTickWriter}; not thread-safe. */
  public static final class Builder {
    private final ClickHouseConnector connector;
    private int batchSize = 50_000;
    private Duration maxDelay = Duration.ofMillis(200);
    private int queueCapacity = 200_000;

    private Builder(ClickHouseConnector connector) {
      this.connector = connector;
    }

    /** Ticks per insert at most (default 50 000). */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** How long the oldest unsent tick may wait before a smaller batch is sent (default 200 ms). */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
      return this;
    }

    /** Ticks the queue holds before producers wait (default 200 000). */
    public Builder queueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
      return this;
    }

    /** Validates the settings and starts the writer thread. */
    public ClickHouseTickWriter start() {
      check(batchSize >= 1, "ClickHouseTickWriter.batchSize", "must be >= 1", batchSize);
      required(maxDelay, "ClickHouseTickWriter.maxDelay");
      check(!maxDelay.isNegative() && !maxDelay.isZero(), "ClickHouseTickWriter.maxDelay", "must be > 0", maxDelay);
      check(queueCapacity >= 1, "ClickHouseTickWriter.queueCapacity", "must be >= 1", queueCapacity);
      ClickHouseTickWriter w = new ClickHouseTickWriter(this);
      w.thread.start();
      return w;
    }
  }
}
