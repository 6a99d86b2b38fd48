package io.aitrader.groww.fake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The route table: method + path pattern ({@code {name}} segments) → endpoint, its rate bucket and auth. */
final class Routes {
  private static final String APEX = "/v1/api/apex/v1/";

  /** How a route authenticates. */
  enum Access { NONE, API_KEY, ACCESS_TOKEN }

  record Route(String method, String[] segments, Access access, Optional<String> bucket, Function<Call, Reply> handler) {}

  record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  /** {@code /v1/api/apex/v1/x/} → {@code /v1/x}: both path families, without a trailing slash. */
  static String normalize(String path) {
    String p = path.startsWith(APEX) ? "/v1/" + path.substring(APEX.length()) : path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  Routes add(String method, String pattern, Access access, Optional<String> bucket, Function<Call, Reply> handler) {
    routes.add(new Route(method, split(pattern), access, bucket, handler));
    return this;
  }

  /** The route for this method and normalized path; a wrong method on a known path is reported as absent too. */
  Optional<Match> match(String method, String normalizedPath) {
    String[] parts = split(normalizedPath);
    for (Route r : routes) {
      if (!r.method.equals(method) || r.segments.length != parts.length) {
        continue;
      }
      Map<String, String> params = new HashMap<>();
      boolean ok = true;
      for (int i = 0; i < parts.length && ok; i++) {
        String s = r.segments[i];
        if (s.startsWith("{") && s.endsWith("}")) {
          params.put(s.substring(1, s.length() - 1), java.net.URLDecoder.decode(parts[i],
              java.nio.charset.StandardCharsets.UTF_8));
        } else {
          ok = s.equals(parts[i]);
        }
      }
      if (ok) {
        return Optional.of(new Match(r, params));
      }
    }
    return Optional.empty();
  }

  /** Whether some route has this path with another method. */
  boolean knowsPath(String normalizedPath) {
    for (String m : new String[] {"GET", "POST", "PUT", "DELETE"}) {
      for (Route r : routes) {
        if (r.method.equals(m) && match(m, normalizedPath).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }
}
