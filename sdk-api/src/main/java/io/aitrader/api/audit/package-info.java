/**
 * The audit trail: an append-only, hash-chained sequence of {@link io.aitrader.api.audit.AuditRecord}s — every
 * signal, order decision, fill and configuration change — kept by an {@link io.aitrader.api.audit.AuditLog}
 * that can prove nothing was altered or removed.
 */
@NullMarked
package io.aitrader.api.audit;

import org.jspecify.annotations.NullMarked;
