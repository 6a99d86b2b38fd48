package io.aitrader.groww.fake;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.aitrader.api.time.TimeSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler: records the request, applies injected faults, authenticates, rate-limits, catches the
 * market up to the clock, runs the endpoint under the fake's lock and writes the reply (after an injected delay,
 * outside the lock).
 */
final class HttpFront implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(HttpFront.class);
  static final String TOKEN_PATH = "/v1/token/api/access";

  private final Object lock;
  private final TimeSource clock;
  private final Routes routes;
  private final Auth auth;
  private final RateGate rates;
  private final Faults faults;
  private final RequestLog requests;
  private final LongConsumer sync;

  HttpFront(Object lock, TimeSource clock, Routes routes, Auth auth, RateGate rates, Faults faults, RequestLog requests,
      LongConsumer sync) {
    this.lock = lock;
    this.clock = clock;
    this.routes = routes;
    this.auth = auth;
    this.rates = rates;
    this.faults = faults;
    this.requests = requests;
    this.sync = sync;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
      String rawPath = ex.getRequestURI().getRawPath();
      String query = Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse("");
      String path = Routes.normalize(rawPath);
      Optional<String> authorization = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization"));
      Reply reply;
      List<Faults.Fault> applied;
      synchronized (lock) {
        requests.add(method, rawPath, query, ex.getRequestHeaders(), body, clock.currentTimeMillis());
        applied = faults.take(path);
        Optional<Faults.Fault> fail = Faults.find(applied, Faults.Kind.FAIL);
        reply = fail.isPresent() ? Reply.json(fail.get().status(), fail.get().body())
            : dispatch(new Call(method, path, query, body, authorization));
      }
      Optional<Faults.Fault> delay = Faults.find(applied, Faults.Kind.DELAY);
      if (delay.isPresent()) {
        Thread.sleep(delay.get().delay().toMillis());
      }
      if (Faults.find(applied, Faults.Kind.MALFORMED).isPresent()) {
        reply = malformed(reply);
      }
      send(ex, reply);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("fake Groww failed to answer a request: {}", e.toString(), e);
    }
  }

  private Reply dispatch(Call call) {
    try {
      Optional<Routes.Match> match = routes.match(call.method(), call.path());
      if (match.isEmpty()) {
        if (routes.knowsPath(call.path())) {
          throw new ApiError(405, ApiError.BAD_REQUEST, "method " + call.method() + " is not allowed on " + call.path());
        }
        throw ApiError.notFound("no such endpoint: " + call.method() + " " + call.path());
      }
      Routes.Route route = match.get().route();
      call.pathParams(match.get().params());
      if (route.access() == Routes.Access.ACCESS_TOKEN) {
        auth.requireAccessToken(call.authorization());
        rates.acquire(route.bucket());
        sync.accept(clock.currentTimeMillis());
      }
      return route.handler().apply(call);
    } catch (RateGate.RateLimited e) {
      long seconds = Math.max(1, (e.waitMillis() + 999) / 1000);
      return Reply.json(429, Json.write(Json.failure(e.code(), e.getMessage(), e.metadata())))
          .withHeader("Retry-After", Long.toString(seconds));
    } catch (ApiError e) {
      return failure(call, e.httpStatus(), e.code(), e.getMessage());
    } catch (RuntimeException e) {
      log.warn("fake Groww endpoint {} {} failed: {}", call.method(), call.path(), e.toString(), e);
      return failure(call, 500, ApiError.INTERNAL, "internal error in the fake: " + e);
    }
  }

  private static Reply failure(Call call, int status, String code, String message) {
    ObjectNode root = Json.failure(code, message, NullNode.getInstance());
    if (call.path().equals(TOKEN_PATH)) {
      ((ObjectNode) root.get("error")).put("displayMessage", message);
    }
    return Reply.json(status, Json.write(root));
  }

  private static Reply malformed(Reply r) {
    if (r.csv()) {
      byte[] broken = "exchange,exchange_token,trading_sym\nNSE,2885,REL".getBytes(StandardCharsets.UTF_8);
      return new Reply(r.status(), r.contentType(), broken, true, r.headers());
    }
    byte[] cut = Arrays.copyOf(r.body(), Math.max(1, r.body().length / 2));
    return new Reply(r.status(), r.contentType(), cut, false, r.headers());
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    ex.getResponseHeaders().set("Content-Type", reply.contentType());
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    if (reply.body().length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }
}
