package io.aitrader.core.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server standing in for a Slack incoming webhook on 127.0.0.1: records every request and answers with
 * scripted responses in order (then 200 {@code ok}); a scripted {@link #HANG} answers nothing until {@link #close()}.
 */
final class FakeSlack implements AutoCloseable {
  /** The path part of the webhook URL: what Slack keeps secret. */
  static final String PATH = "/services/T0AITRADER/B0NOTIFY/s3cr3tT0k3nXYZ";
  static final Answer HANG = new Answer(-1, Map.of(), "");

  record Answer(int status, Map<String, String> headers, String body) {
    static Answer of(int status, String body) {
      return new Answer(status, Map.of(), body);
    }
  }

  record Request(String method, String path, String contentType, String body) {}

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpServer server;

  FakeSlack() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The webhook URL, e.g. {@code http://127.0.0.1:40123/services/...}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** The next requests get these answers, in order. */
  FakeSlack answer(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")), body));
      Answer answer = script.poll();
      if (answer == null) {
        answer = Answer.of(200, "ok");
      }
      if (answer == HANG) {
        release.await(30, TimeUnit.SECONDS);
        return;
      }
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
