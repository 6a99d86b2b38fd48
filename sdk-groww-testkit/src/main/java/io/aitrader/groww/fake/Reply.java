package io.aitrader.groww.fake;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the fake sends back: status, content type, extra headers and body bytes; {@code csv} tells {@link
 * Faults#malformedNext} whether to garble a CSV or truncate a JSON document.
 */
record Reply(int status, String contentType, byte[] body, boolean csv, Map<String, String> headers) {
  static final String JSON = "application/json; charset=utf-8";

  static Reply json(int status, String body) {
    return new Reply(status, JSON, body.getBytes(StandardCharsets.UTF_8), false, Map.of());
  }

  static Reply csv(String body) {
    return new Reply(200, "text/csv; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), true, Map.of());
  }

  Reply withHeader(String name, String value) {
    return new Reply(status, contentType, body, csv, Map.of(name, value));
  }
}
