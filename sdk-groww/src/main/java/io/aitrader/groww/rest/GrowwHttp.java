package io.aitrader.groww.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.aitrader.api.AitraderException;
import io.aitrader.api.BrokerException;
import io.aitrader.api.SdkVersion;
import io.aitrader.api.Secret;
import io.aitrader.api.limits.RateBucket;
import io.aitrader.groww.auth.BearerToken;
import io.aitrader.groww.auth.TokenManager;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that talks HTTP to Groww: headers (§1.2 of the protocol reference), client-side rate limits,
 * timeouts, the envelope, error mapping, the re-mint after a 401, and retries of idempotent calls. Thread-safe.
 */
final class GrowwHttp {
  static final String ORDERS = RateBucket.GROWW_ORDERS.name();
  static final String LIVE_DATA = RateBucket.GROWW_LIVE_DATA.name();
  static final String NON_TRADING = RateBucket.GROWW_NON_TRADING.name();

  private static final Logger LOG = LoggerFactory.getLogger(GrowwHttp.class);
  private static final long DEFAULT_RETRY_AFTER_MILLIS = 1000;
  private static final String MINT_PATH = "/v1/token/api/access";

  private final GrowwClientConfig config;
  private final HttpClient client;
  private final TokenManager tokens;
  private final Redactor redactor;
  final ObjectMapper mapper;

  GrowwHttp(GrowwClientConfig config) {
    this.config = config;
    this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    this.redactor = new Redactor(config.credentials());
    this.mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    this.tokens = new TokenManager(config.credentials(), this::mint, config.clock(), config.tokenRefreshMargin());
  }

  GrowwClientConfig config() {
    return config;
  }

  TokenManager tokens() {
    return tokens;
  }

  Call get(String path) {
    return new Call("GET", path, true);
  }

  Call post(String path) {
    return new Call("POST", path, false);
  }

  Call put(String path) {
    return new Call("PUT", path, false);
  }

  /** One request, built fluently and sent with {@link #send()}. Not thread-safe; make one per call. */
  final class Call {
    private final String method;
    private final String path;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private @Nullable Object body;
    private @Nullable String bucket;
    private boolean idempotent;
    private boolean authenticated = true;

    private Call(String method, String path, boolean idempotent) {
      this.method = method;
      this.path = path;
      this.idempotent = idempotent;
    }

    /** Adds {@code name=value}; repeated names are sent repeated. */
    Call query(String name, Object value) {
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(String.valueOf(value));
      return this;
    }

    /** Adds {@code name=value} when the value is present. */
    Call queryIfPresent(String name, Optional<?> value) {
      value.ifPresent(v -> query(name, v));
      return this;
    }

    Call body(Object value) {
      this.body = value;
      return this;
    }

    Call bucket(String name) {
      this.bucket = name;
      return this;
    }

    /** Whether the call may be repeated after a 429, 5xx or timeout (true for GETs unless changed). */
    Call idempotent(boolean value) {
      this.idempotent = value;
      return this;
    }

    Call unauthenticated() {
      this.authenticated = false;
      return this;
    }

    String endpoint() {
      return method + " " + path;
    }

    /** Sends the call and returns the envelope's {@code payload} (or the whole body when it has none). */
    JsonNode send() {
      return payloadOf(exchange(this));
    }

    /** Sends the call and returns the whole JSON body. */
    JsonNode sendRaw() {
      return exchange(this);
    }

    URI uri(URI base) {
      StringBuilder sb = new StringBuilder(base.toString()).append(path);
      char sep = '?';
      for (Map.Entry<String, List<String>> e : query.entrySet()) {
        for (String v : e.getValue()) {
          sb.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
          sep = '&';
        }
      }
      return URI.create(sb.toString());
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonNode payloadOf(JsonNode root) {
    JsonNode payload = root.get("payload");
    return payload != null ? payload : root;
  }

  private JsonNode exchange(Call call) {
    String endpoint = call.endpoint();
    byte[] bodyBytes = null;
    if (call.body != null) {
      try {
        bodyBytes = mapper.writeValueAsBytes(call.body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write the JSON body of " + endpoint, e);
      }
    }
    URI uri = call.uri(config.baseUri());
    boolean reminted = false;
    int attempt = 0;
    while (true) {
      if (call.bucket != null) {
        awaitPermit(call.bucket, endpoint);
      }
      BearerToken token = call.authenticated ? tokens.current() : null;
      if (token != null) {
        redactor.remember(token);
      }
      HttpResponse<byte[]> response;
      try {
        response = client.send(request(call.method, uri, bodyBytes, token), HttpResponse.BodyHandlers.ofByteArray());
      } catch (HttpTimeoutException e) {
        GrowwTimeoutException failure = new GrowwTimeoutException("No answer from Groww within "
            + config.requestTimeout().toMillis() + " ms on " + endpoint + ": the outcome is unknown; retry later"
            + (call.idempotent ? "" : " (look an order up by its reference id before resending it)"), 0, endpoint);
        if (call.idempotent && attempt < config.maxRetries()) {
          pause(backoff(attempt++), endpoint);
          continue;
        }
        throw failure;
      } catch (IOException e) {
        GrowwApiException failure = new GrowwApiException("Cannot reach Groww at " + config.baseUri() + " for "
            + endpoint + " (" + ErrorMapper.clean(String.valueOf(e.getMessage()), redactor) + "): check the network"
            + " and the base URL; retry later", true, 0, Optional.empty(), endpoint);
        if (call.idempotent && attempt < config.maxRetries()) {
          pause(backoff(attempt++), endpoint);
          continue;
        }
        throw failure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerException("Interrupted while waiting for Groww on " + endpoint, true);
      }
      int status = response.statusCode();
      JsonNode root = parse(response.body());
      if (status >= 200 && status < 300 && !isFailure(root)) {
        if (root == null || !root.isContainerNode()) {
          throw new MalformedResponseException("Groww answered " + endpoint + " (HTTP " + status + ") with a body "
              + "that is not JSON: retry later, and report it if it persists", status, endpoint);
        }
        return root;
      }
      if (status == 401 && token != null && !reminted) {
        Optional<BearerToken> fresh = tokens.renewAfterRejection(token);
        if (fresh.isPresent()) {
          reminted = true;
          continue;
        }
      }
      if (status == 429) {
        Variants.seen("429 body", root != null && root.isObject() ? "JSON" : "not JSON");
      }
      long retryAfter = retryAfterMillis(response);
      AitraderException failure = ErrorMapper.map(status, root, endpoint, retryAfter, config.credentials(), redactor);
      boolean transientFailure = failure instanceof GrowwRateLimitedException
          || (failure instanceof GrowwApiException && ((GrowwApiException) failure).isRetryable());
      if (call.idempotent && transientFailure && attempt < config.maxRetries()) {
        long wait = backoff(attempt++);
        if (failure instanceof GrowwRateLimitedException) {
          wait = Math.max(wait, retryAfter);
          LOG.warn("Groww answered 429 on {}; retrying in {} ms", endpoint, wait);
        }
        pause(wait, endpoint);
        continue;
      }
      throw failure;
    }
  }

  private static boolean isFailure(@Nullable JsonNode root) {
    return root != null && root.isObject() && "FAILURE".equalsIgnoreCase(root.path("status").asText(""));
  }

  private @Nullable JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private HttpRequest request(String method, URI uri, byte @Nullable [] body, @Nullable BearerToken token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
        .header("x-request-id", UUID.randomUUID().toString())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("x-client-id", "growwapi")
        .header("x-client-platform", "aitrader-java-sdk")
        .header("x-client-platform-version", SdkVersion.version())
        .header("x-api-version", "1.0");
    if (token != null) {
      b.header("Authorization", "Bearer " + token.value().reveal());
    }
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body);
    return b.method(method, publisher).build();
  }

  private long retryAfterMillis(HttpResponse<byte[]> response) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    if (header.isPresent()) {
      try {
        long seconds = Long.parseLong(header.get().trim());
        if (seconds >= 0 && seconds <= 3600) {
          return Math.max(1, seconds * 1000);
        }
      } catch (NumberFormatException e) {
        LOG.debug("Retry-After header is not a number of seconds: {}", header.get());
      }
    }
    return DEFAULT_RETRY_AFTER_MILLIS;
  }

  private long backoff(int attempt) {
    return config.retryBackoff().toMillis() << Math.min(attempt, 10);
  }

  /** Waits for a permit of {@code bucket}, sleeping through the configured sleeper; fails after the maximum wait. */
  private void awaitPermit(String bucket, String endpoint) {
    long waited = 0;
    long max = config.maxRateLimitWait().toMillis();
    while (true) {
      long wait = config.rateLimiter().tryAcquire(bucket);
      if (wait == 0) {
        return;
      }
      if (waited + wait > max) {
        throw new GrowwRateLimitedException("The client-side rate limit of bucket " + bucket + " is exhausted for "
            + endpoint + " (waited " + waited + " ms of at most " + max + " ms): slow down; retry in " + wait + " ms",
            wait, Optional.empty(), endpoint);
      }
      pause(wait, endpoint);
      waited += wait;
    }
  }

  private void pause(long millis, String endpoint) {
    try {
      config.sleeper().sleep(Duration.ofMillis(millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException("Interrupted while waiting to call Groww on " + endpoint, true);
    }
  }

  /** Mints a token: {@code POST /v1/token/api/access} with the API key as bearer; the token is at the top level. */
  private Secret mint(Secret apiKey, Map<String, Object> body) {
    String endpoint = "POST " + MINT_PATH;
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the token request", e);
    }
    URI uri = URI.create(config.baseUri() + MINT_PATH);
    int attempt = 0;
    while (true) {
      HttpResponse<byte[]> response;
      try {
        response = client.send(request("POST", uri, bytes, new BearerToken(apiKey, 0, Long.MAX_VALUE)),
            HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (attempt < config.maxRetries()) {
          pause(backoff(attempt++), endpoint);
          continue;
        }
        throw new GrowwApiException("Cannot mint a Groww access token (" + (e instanceof HttpTimeoutException
            ? "no answer within " + config.requestTimeout().toMillis() + " ms" : "Groww cannot be reached at "
            + config.baseUri()) + "): check the network; retry later", true, 0, Optional.empty(), endpoint);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerException("Interrupted while minting a Groww access token", true);
      }
      int status = response.statusCode();
      JsonNode root = parse(response.body());
      if (status >= 200 && status < 300 && !isFailure(root)) {
        return tokenOf(root, status, endpoint);
      }
      if (status == 400 || status == 401 || status == 403) {
        String said = root == null ? "" : ErrorMapper.clean(root.path("error").path("displayMessage")
            .asText(root.path("error").path("message").asText("")), redactor);
        throw new GrowwAuthenticationException("Groww refused to mint an access token (HTTP " + status
            + (said.isEmpty() ? "" : ": " + said) + "): " + config.credentials().whatToCheck(), status,
            Optional.ofNullable(root == null ? null : root.path("error").path("code").asText(null)), endpoint);
      }
      AitraderException failure = ErrorMapper.map(status, root, endpoint, retryAfterMillis(response),
          config.credentials(), redactor);
      boolean transientFailure = failure instanceof GrowwRateLimitedException
          || (failure instanceof GrowwApiException && ((GrowwApiException) failure).isRetryable());
      if (transientFailure && attempt < config.maxRetries()) {
        pause(backoff(attempt++), endpoint);
        continue;
      }
      throw failure;
    }
  }

  private Secret tokenOf(@Nullable JsonNode root, int status, String endpoint) {
    if (root != null && root.path("token").isTextual() && !root.path("token").asText().isBlank()) {
      Variants.seen("token response", "token at the top level");
      return Secret.of("groww access token", root.path("token").asText());
    }
    if (root != null && root.path("payload").path("token").isTextual()
        && !root.path("payload").path("token").asText().isBlank()) {
      Variants.seen("token response", "token under payload");
      return Secret.of("groww access token", root.path("payload").path("token").asText());
    }
    throw new MalformedResponseException("Groww answered the token request (HTTP " + status + ") without a "
        + "\"token\" field: retry later, and report it if it persists", status, endpoint);
  }

  /** GETs a text document without authentication (the instrument CSV), with retries; fails with clear errors. */
  String fetchText(URI uri, String what) {
    String endpoint = "GET " + uri;
    int attempt = 0;
    while (true) {
      try {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(config.requestTimeout()).GET().build();
        HttpResponse<String> response = client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status == 200) {
          return response.body();
        }
        boolean transientFailure = status == 429 || status >= 500;
        if (transientFailure && attempt < config.maxRetries()) {
          pause(backoff(attempt++), endpoint);
          continue;
        }
        if (status == 404) {
          throw new GrowwNotFoundException("The " + what + " is not at " + uri + " (HTTP 404): check the URL",
              status, Optional.empty(), endpoint);
        }
        throw new GrowwApiException("Cannot download the " + what + " from " + uri + " (HTTP " + status
            + "): retry later", transientFailure, status, Optional.empty(), endpoint);
      } catch (IOException e) {
        if (attempt < config.maxRetries()) {
          pause(backoff(attempt++), endpoint);
          continue;
        }
        throw new GrowwApiException("Cannot download the " + what + " from " + uri + " ("
            + (e instanceof HttpTimeoutException ? "no answer within " + config.requestTimeout().toMillis() + " ms"
            : ErrorMapper.clean(String.valueOf(e.getMessage()), redactor)) + "): check the network; retry later",
            true, 0, Optional.empty(), endpoint);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerException("Interrupted while downloading the " + what, true);
      }
    }
  }
}
