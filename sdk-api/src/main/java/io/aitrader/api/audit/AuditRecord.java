package io.aitrader.api.audit;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One immutable entry of the audit trail. Records form a hash chain: each {@code hash} is the SHA-256 of the
 * record's {@linkplain #canonicalForm() canonical form}, which includes the previous record's hash, so changing
 * or removing any record breaks every hash after it.
 *
 * <pre>{@code
 * AuditRecord first = AuditRecord.seal(1, t, "mom5m-000042", "order.submitted",
 *     Map.of("instrument", "NSE:RELIANCE", "quantity", "10"), AuditRecord.GENESIS_HASH);
 * first.hasValidHash();   // true
 * }</pre>
 *
 * <p>The constructor checks the form of every field (hashes are 64 lower-case hex digits) but not that the hash
 * is right, so a tampered record can still be read and reported by {@link AuditLog#verify()}; use
 * {@link #seal} to create records. The payload keeps its insertion order (it is part of the hash) and is
 * unmodifiable. Immutable and thread-safe.
 *
 * @param sequence        position in the log, from 1, without gaps
 * @param timestampMillis when it was recorded (from the injected clock), epoch milliseconds
 * @param correlationId   ties related records together, e.g. an order's reference id or a signal's id
 * @param type            what happened, dot-separated, e.g. {@code order.submitted}, {@code signal.emitted}
 * @param payload         the details, as ordered text key-values
 * @param previousHash    the hash of the record before, {@link #GENESIS_HASH} for the first
 * @param hash            SHA-256 of {@link #canonicalForm()}, lower-case hex
 */
public record AuditRecord(
    long sequence,
    long timestampMillis,
    String correlationId,
    String type,
    Map<String, String> payload,
    String previousHash,
    String hash) {

  /** The {@code previousHash} of the first record: 64 zeros. */
  public static final String GENESIS_HASH = "0".repeat(64);

  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** Validates every component; see the type's rules. */
  public AuditRecord {
    check(sequence >= 1, "AuditRecord.sequence", "must be >= 1", sequence);
    check(timestampMillis > 0, "AuditRecord.timestampMillis", "must be > 0", timestampMillis);
    requireText(correlationId, "AuditRecord.correlationId");
    requireText(type, "AuditRecord.type");
    payload = copy(payload);
    checkHash(previousHash, "AuditRecord.previousHash");
    checkHash(hash, "AuditRecord.hash");
  }

  /** A record whose hash is computed from its content and {@code previousHash}. */
  public static AuditRecord seal(long sequence, long timestampMillis, String correlationId, String type,
      Map<String, String> payload, String previousHash) {
    String h = sha256(canonicalForm(sequence, timestampMillis, correlationId, type, copy(payload), previousHash));
    return new AuditRecord(sequence, timestampMillis, correlationId, type, payload, previousHash, h);
  }

  /**
   * The exact text that is hashed: every field in declaration order (hash excluded), each written as
   * {@code <length>:<text>;} (length in Java {@code char}s), so no two different records share a form.
   * Implementations must not hash anything else, so that logs written by one implementation verify in another.
   */
  public String canonicalForm() {
    return canonicalForm(sequence, timestampMillis, correlationId, type, payload, previousHash);
  }

  /** SHA-256 of {@link #canonicalForm()}, lower-case hex: what {@link #hash()} should be. */
  public String computeHash() {
    return sha256(canonicalForm());
  }

  /** Whether the stored hash matches the content. */
  public boolean hasValidHash() {
    return hash.equals(computeHash());
  }

  private static Map<String, String> copy(Map<String, String> payload) {
    required(payload, "AuditRecord.payload");
    Map<String, String> m = new LinkedHashMap<>();
    payload.forEach((k, v) -> {
      requireText(k, "AuditRecord.payload key");
      m.put(k, required(v, "AuditRecord.payload[" + k + "]"));
    });
    return Collections.unmodifiableMap(m);
  }

  private static void checkHash(String value, String field) {
    required(value, field);
    check(HEX_SHA256.matcher(value).matches(), field, "must be 64 lower-case hex digits (SHA-256)", "'" + value + "'");
  }

  private static String canonicalForm(long sequence, long timestampMillis, String correlationId, String type,
      Map<String, String> payload, String previousHash) {
    StringBuilder sb = new StringBuilder(128);
    field(sb, Long.toString(sequence));
    field(sb, Long.toString(timestampMillis));
    field(sb, correlationId);
    field(sb, type);
    field(sb, Integer.toString(payload.size()));
    for (Map.Entry<String, String> e : payload.entrySet()) {
      field(sb, e.getKey());
      field(sb, e.getValue());
    }
    field(sb, previousHash);
    return sb.toString();
  }

  private static void field(StringBuilder sb, String s) {
    sb.append(s.length()).append(':').append(s).append(';');
  }

  private static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform but is missing", e);
    }
  }
}
