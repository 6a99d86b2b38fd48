/**
 * The embedded audit trail: {@link io.aitrader.core.audit.InMemoryAuditLog} (the reference
 * {@link io.aitrader.api.audit.AuditLog}), {@link io.aitrader.core.audit.FileAuditLog} (append-only, fsync'd,
 * segment-rotated JSON lines, hash-chained, with optional HMAC-signed checkpoints) and
 * {@link io.aitrader.core.audit.AuditFiles}, the read-only offline checker behind {@code aitrader audit verify}
 * that names the first packet that was changed, removed, inserted or reordered.
 */
@NullMarked
package io.aitrader.core.audit;

import org.jspecify.annotations.NullMarked;
