package io.aitrader.groww.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scripted HTTP server for the client's own tests (protocol edge cases the shared fake may not script): each
 * request takes the next scripted answer (the last one repeats), and every request is recorded.
 */
public final class StubServer implements AutoCloseable {
  record Answer(int status, String body, Map<String, String> headers, boolean hang) {
  }

  public record Seen(String method, String path, String query, Map<String, List<String>> headers, String body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return "";
    }
  }

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  public final List<Seen> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  public StubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized StubServer then(int status, String body) {
    script.add(new Answer(status, body, Map.of(), false));
    return this;
  }

  synchronized StubServer then(int status, String body, Map<String, String> headers) {
    script.add(new Answer(status, body, headers, false));
    return this;
  }

  synchronized StubServer thenHang() {
    script.add(new Answer(0, "", Map.of(), true));
    return this;
  }

  public StubServer thenSuccess(String payloadJson) {
    return then(200, "{\"status\":\"SUCCESS\",\"payload\":" + payloadJson + "}");
  }

  StubServer thenFailure(int status, String code, String message) {
    return then(status, "{\"status\":\"FAILURE\",\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
        + "\",\"metadata\":null}}");
  }

  private synchronized Answer next() {
    return script.size() > 1 ? script.poll() : script.peek();
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
        Map.copyOf(ex.getRequestHeaders()), body));
    Answer a = next();
    if (a == null) {
      a = new Answer(500, "no answer scripted", Map.of(), false);
    }
    if (a.hang()) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
      return;
    }
    byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
    a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
