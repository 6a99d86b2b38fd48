package io.aitrader.core.audit;

import static io.aitrader.api.ValidationException.required;
import static io.aitrader.api.ValidationException.requireText;

import io.aitrader.api.bus.Topic;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An audit packet on its way to the audit service, published on {@link #TOPIC} by a service in another process (the
 * order service's intents, risk-free refusals and fills with their charges): the audit service records it with its
 * own time, type, correlation id and payload, durably when {@code durable} (an order's intent).
 *
 * @param timestampMillis the packet's event time, epoch milliseconds
 * @param type            the packet type, one of {@link AuditPackets}' constants
 * @param correlationId   what it belongs to (an order's reference id)
 * @param payload         the packet's fields
 * @param durable         whether the sender waited for it to be durable before going on (intents)
 */
public record AuditEntry(long timestampMillis, String type, String correlationId, Map<String, String> payload,
    boolean durable) {

  /** The topic audit entries travel on ({@code audit.entries}). */
  public static final Topic<AuditEntry> TOPIC = Topic.of("audit.entries", AuditEntry.class);

  /** Validates and copies the payload (insertion order kept). */
  public AuditEntry {
    requireText(type, "AuditEntry.type");
    required(correlationId, "AuditEntry.correlationId");
    payload = Collections.unmodifiableMap(new LinkedHashMap<>(required(payload, "AuditEntry.payload")));
  }
}
