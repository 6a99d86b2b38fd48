/**
 * The compatibility kit for {@link io.aitrader.api.audit.AuditLog}:
 * {@link io.aitrader.testing.audit.AuditLogContract}.
 */
@NullMarked
package io.aitrader.testing.audit;

import org.jspecify.annotations.NullMarked;
