package io.aitrader.core.audit;

import io.aitrader.api.audit.AuditLog;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.audit.AuditVerification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real in-memory audit log whose writes can be made to fail (a full disk) or to stall (a hung disk) from the
 * test: for the recorder's failure paths.
 */
final class ControllableLog implements AuditLog {
  private final AuditLog log;
  volatile boolean failing;
  volatile CountDownLatch stall = new CountDownLatch(0);
  final AtomicInteger syncs = new AtomicInteger();

  ControllableLog(AuditLog log) {
    this.log = log;
  }

  @Override
  public AuditRecord append(String type, String correlationId, Map<String, String> payload) {
    before();
    return log.append(type, correlationId, payload);
  }

  @Override
  public AuditRecord append(long timestampMillis, String type, String correlationId, Map<String, String> payload) {
    before();
    return log.append(timestampMillis, type, correlationId, payload);
  }

  private void before() {
    try {
      stall.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failing) {
      throw new IllegalStateException("No space left on device");
    }
  }

  @Override
  public void sync() {
    syncs.incrementAndGet();
    log.sync();
  }

  @Override
  public List<AuditRecord> read(long fromSequence, int limit) {
    return log.read(fromSequence, limit);
  }

  @Override
  public long lastSequence() {
    return log.lastSequence();
  }

  @Override
  public AuditVerification verify() {
    return log.verify();
  }

  @Override
  public void close() {
    log.close();
  }
}
