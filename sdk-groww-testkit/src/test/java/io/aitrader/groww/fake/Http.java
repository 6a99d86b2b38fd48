package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Raw java.net.http calls against a fake, as a client would make them (no client library). */
final class Http {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private String token = "";

  Http(FakeGroww fake) {
    this.base = fake.baseUrl();
  }

  Http token(String t) {
    this.token = t;
    return this;
  }

  /** Mints a token by the TOTP flow and uses it for later calls. */
  Http login(FakeGroww fake) {
    Response r = post(HttpFront.TOKEN_PATH, "{\"key_type\":\"totp\",\"totp\":\""
        + Totp.code(FakeGroww.DEFAULT_TOTP_SECRET, fake.clock().currentTimeMillis()) + "\"}",
        Optional.of(FakeGroww.DEFAULT_API_KEY));
    if (r.status() != 200) {
      throw new AssertionError("login failed: " + r);
    }
    this.token = r.json().get("token").asText();
    return this;
  }

  Response get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET(), Optional.of(token), Duration.ofSeconds(10));
  }

  Response post(String path, String body) {
    return post(path, body, Optional.of(token));
  }

  Response post(String path, String body, Optional<String> bearer) {
    return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)), bearer,
        Duration.ofSeconds(10));
  }

  Response postWithTimeout(String path, String body, Duration timeout) {
    return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)),
        Optional.of(token), timeout);
  }

  Response put(String path, String body) {
    return send(HttpRequest.newBuilder(base.resolve(path)).PUT(HttpRequest.BodyPublishers.ofString(body)),
        Optional.of(token), Duration.ofSeconds(10));
  }

  private Response send(HttpRequest.Builder b, Optional<String> bearer, Duration timeout) {
    b.header("Content-Type", "application/json").header("x-api-version", "1.0").timeout(timeout);
    bearer.filter(t -> !t.isEmpty()).ifPresent(t -> b.header("Authorization", "Bearer " + t));
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers().firstValue("Retry-After"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(int status, String body, Optional<String> retryAfter) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    JsonNode payload() {
      JsonNode j = json();
      if (!"SUCCESS".equals(j.path("status").asText())) {
        throw new AssertionError("not a SUCCESS envelope (HTTP " + status + "): " + body);
      }
      return j.get("payload");
    }

    String errorCode() {
      return json().path("error").path("code").asText();
    }

    String errorMessage() {
      return json().path("error").path("message").asText();
    }
  }
}
