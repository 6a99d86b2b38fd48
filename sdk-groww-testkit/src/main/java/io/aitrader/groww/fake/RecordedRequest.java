package io.aitrader.groww.fake;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received, for assertions. Header names are lower-case; the value of {@code Authorization}
 * is replaced by {@code Bearer ***} so no token or API key is kept.
 *
 * <pre>{@code
 * RecordedRequest r = fake.requests().get(0);
 * assertThat(r.header("x-api-version")).contains("1.0");
 * }</pre>
 *
 * @param method  HTTP method
 * @param path    the path as sent (either path family)
 * @param query   the raw query string, empty when none
 * @param headers the headers, names lower-case, the authorization value redacted
 * @param body    the body as UTF-8 text, empty when none
 * @param atMillis the fake's clock when the request arrived
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
    long atMillis) {

  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header (case-insensitive name). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Whether the path, in either family, starts with {@code prefix} (e.g. {@code /v1/order/create}). */
  public boolean isFor(String prefix) {
    return Routes.normalize(path).startsWith(Routes.normalize(prefix));
  }
}
