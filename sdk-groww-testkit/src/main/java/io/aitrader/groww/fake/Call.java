package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One request as the endpoints see it: normalized path, path parameters, query parameters and body. */
final class Call {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final String body;
  private final Optional<String> authorization;
  private Map<String, String> pathParams = Map.of();
  private @Nullable JsonNode json;

  Call(String method, String path, String rawQuery, String body, Optional<String> authorization) {
    this.authorization = authorization;
    this.method = method;
    this.path = path;
    this.query = parseQuery(rawQuery);
    this.body = body;
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  /** The {@code Authorization} header, when sent. */
  Optional<String> authorization() {
    return authorization;
  }

  String body() {
    return body;
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = params;
  }

  String pathParam(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return v;
  }

  /** The first value of a query parameter, when present and not blank. */
  Optional<String> query(String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty() || values.get(0).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(values.get(0).trim());
  }

  /** A required query parameter; GA001 naming it when absent. */
  String requiredQuery(String name) {
    return query(name).orElseThrow(() -> ApiError.badRequest("query parameter '" + name + "' is required"));
  }

  /** Every value of a repeated parameter, in order. */
  List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** An optional integer query parameter within [min, max]; GA001 otherwise. */
  int intQuery(String name, int defaultValue, int min, int max) {
    Optional<String> v = query(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n < min || n > max) {
        throw ApiError.badRequest("query parameter '" + name + "' must be within [" + min + ", " + max + "], was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("query parameter '" + name + "' must be an integer, was '" + v.get() + "'");
    }
  }

  /** The body as JSON (parsed once); GA001 when it is missing or not JSON. */
  JsonNode json() {
    JsonNode j = json;
    if (j == null) {
      j = Json.parse(body);
      json = j;
    }
    return j;
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("query string is not valid URL encoding: '" + s + "'");
    }
  }
}
