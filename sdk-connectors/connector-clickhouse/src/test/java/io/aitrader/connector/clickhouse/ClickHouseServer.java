package io.aitrader.connector.clickhouse;

import io.aitrader.api.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real ClickHouse server for the tests: Debian's {@code /usr/sbin/clickhouse-server} started once per test JVM
 * on free loopback ports with a temporary data directory (a copy of the system config with its paths and ports
 * changed, and a user {@code aitrader} with a password), stopped and deleted by a shutdown hook.
 */
public final class ClickHouseServer {
  public static final String USER = "aitrader";
  public static final String PASSWORD = "s3cret-for-tests";
  private static final Path BINARY = Path.of("/usr/sbin/clickhouse-server");
  private static final Path SYSTEM_CONFIG = Path.of("/etc/clickhouse-server");
  private static final Duration START_DEADLINE = Duration.ofSeconds(30);
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static volatile ClickHouseServer instance;

  private final Path dir;
  private final int httpPort;
  private final Process process;

  private ClickHouseServer(Path dir, int httpPort, Process process) {
    this.dir = dir;
    this.httpPort = httpPort;
    this.process = process;
  }

  /** The shared server, started on first use. */
  public static ClickHouseServer get() {
    ClickHouseServer s = instance;
    if (s == null) {
      synchronized (ClickHouseServer.class) {
        s = instance;
        if (s == null) {
          s = start();
          instance = s;
        }
      }
    }
    return s;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + httpPort + "/");
  }

  /** A config for a fresh database of its own (created by the connector on open). */
  ClickHouseConfig freshDatabase() {
    return config("t" + DATABASES.incrementAndGet());
  }

  public ClickHouseConfig config(String database) {
    return ClickHouseConfig.builder().url(url()).database(database).user(USER)
        .password(Secret.of("clickhouse.test", PASSWORD)).build();
  }

  private static ClickHouseServer start() {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(BINARY + " is missing: install the Debian package clickhouse-server "
          + "(apt-get install clickhouse-server)");
    }
    try {
      Path dir = Files.createTempDirectory("aitrader-clickhouse-");
      int http = freePort();
      int tcp = freePort();
      int interserver = freePort();
      String d = dir.toString();
      String config = Files.readString(SYSTEM_CONFIG.resolve("config.xml"))
          .replace("<path>/var/lib/clickhouse/</path>", "<path>" + d + "/data/</path>")
          .replace("/var/lib/clickhouse/tmp/", d + "/tmp/")
          .replace("/var/lib/clickhouse/user_files/", d + "/user_files/")
          .replace("/var/lib/clickhouse/format_schemas/", d + "/format_schemas/")
          .replace("/var/log/clickhouse-server/", d + "/log/")
          .replace("<http_port>8123</http_port>", "<http_port>" + http + "</http_port>")
          .replace("<tcp_port>9000</tcp_port>", "<tcp_port>" + tcp + "</tcp_port>")
          .replace("<interserver_http_port>9009</interserver_http_port>",
              "<interserver_http_port>" + interserver + "</interserver_http_port>")
          .replace("<listen_host>::1</listen_host>", "")
          .replace("<users_config>users.xml</users_config>", "<users_config>" + d + "/users.xml</users_config>")
          .replaceAll("<mysql_port>\\d+</mysql_port>", "")
          .replaceAll("<postgresql_port>\\d+</postgresql_port>", "");
      String users = Files.readString(SYSTEM_CONFIG.resolve("users.xml")).replaceFirst("<users>",
          "<users><" + USER + "><password>" + PASSWORD + "</password><networks><ip>127.0.0.1</ip></networks>"
              + "<profile>default</profile><quota>default</quota></" + USER + ">");
      Files.createDirectories(dir.resolve("log"));
      Files.writeString(dir.resolve("config.xml"), config);
      Files.writeString(dir.resolve("users.xml"), users);
      Path log = dir.resolve("server.out");
      ProcessBuilder pb = new ProcessBuilder(BINARY.toString(), "--config-file=" + dir.resolve("config.xml"))
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      // measured: clickhouse-server 18.16 runs as root with --config-file, so no switch to the clickhouse user
      Process p = pb.start();
      ClickHouseServer server = new ClickHouseServer(dir, http, p);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "clickhouse-test-server-stop"));
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start ClickHouse for the tests", e);
    }
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("ClickHouse exited with " + process.exitValue() + " while starting:\n"
            + logTail());
      }
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(url().resolve("ping")).GET()
            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        waitBriefly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for ClickHouse", e);
      }
    }
    stop();
    throw new IllegalStateException("ClickHouse did not answer on port " + httpPort + " within " + START_DEADLINE
        + ":\n" + logTail());
  }

  private void waitBriefly() {
    try {
      process.waitFor(50, TimeUnit.MILLISECONDS); // returns early only if the server died
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String logTail() {
    StringBuilder sb = new StringBuilder();
    for (Path f : List.of(dir.resolve("server.out"), dir.resolve("log/clickhouse-server.err.log"))) {
      try {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        sb.append("--- ").append(f).append('\n');
        lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> sb.append(l).append('\n'));
      } catch (IOException e) {
        sb.append("(no ").append(f).append(": ").append(e.getMessage()).append(")\n");
      }
    }
    return sb.toString();
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
