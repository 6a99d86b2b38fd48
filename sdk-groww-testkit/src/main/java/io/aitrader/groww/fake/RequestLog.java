package io.aitrader.groww.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The last {@value #CAPACITY} requests, with the authorization value redacted. Thread-safe. */
final class RequestLog {
  static final int CAPACITY = 10_000;
  private final Deque<RecordedRequest> requests = new ArrayDeque<>();

  synchronized void add(String method, String path, String query, Map<String, List<String>> rawHeaders, String body,
      long atMillis) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    rawHeaders.forEach((k, v) -> {
      String name = k.toLowerCase(Locale.ROOT);
      headers.put(name, name.equals("authorization") ? redacted(v) : List.copyOf(v));
    });
    if (requests.size() == CAPACITY) {
      requests.removeFirst();
    }
    requests.addLast(new RecordedRequest(method, path, query, headers, body, atMillis));
  }

  private static List<String> redacted(List<String> values) {
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(v.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer ***" : "***");
    }
    return out;
  }

  synchronized List<RecordedRequest> snapshot() {
    return List.copyOf(requests);
  }

  synchronized void clear() {
    requests.clear();
  }
}
