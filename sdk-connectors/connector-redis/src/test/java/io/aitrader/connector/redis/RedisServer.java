package io.aitrader.connector.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} for the tests: started once per test JVM on a free loopback port with a temporary
 * directory (no persistence), shared by every test class through {@link #shared()}, and stopped (directory deleted)
 * by a shutdown hook. Never uses the default port 6379, so a system Redis on the machine is left alone. Public for
 * the runtime's deployment tests (this module's test-jar).
 */
public final class RedisServer {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/redis-server"),
      Path.of("/usr/local/bin/redis-server"));
  private static RedisServer shared;

  private final Process process;
  private final Path dir;
  private final int port;

  private RedisServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** The server of this test JVM, started on first use. */
  public static synchronized RedisServer shared() {
    if (shared == null) {
      shared = start();
      RedisServer s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "redis-server-stop"));
    }
    return shared;
  }

  public int port() {
    return port;
  }

  public String address() {
    return "redis://127.0.0.1:" + port;
  }

  /** A configuration for this server with a small pool, under {@code keyPrefix}. */
  public RedisConfig config(String keyPrefix) {
    return RedisConfig.builder().address(address()).connectionPoolSize(8).connectionMinimumIdleSize(1)
        .keyPrefix(keyPrefix).build();
  }

  /** A new connector (client) on this server; the caller closes it. */
  public RedisConnector connect(String keyPrefix) {
    return RedisConnector.connect(config(keyPrefix));
  }

  private static RedisServer start() {
    Path binary = findBinary();
    Path dir;
    try {
      dir = Files.createTempDirectory("aitrader-redis-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path log = dir.resolve("redis.log");
    int port = freePort();
    ProcessBuilder pb = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "yes")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start " + binary + ": " + e.getMessage(), e);
    }
    RedisServer server = new RedisServer(process, dir, port);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!server.answersPing()) {
      if (!process.isAlive() || System.nanoTime() - deadline > 0) {
        String tail = tail(log);
        server.stop();
        throw new IllegalStateException("redis-server did not start on port " + port + " within " + START_TIMEOUT
            + (process.isAlive() ? "" : " (exit " + process.exitValue() + ")") + "; log tail:\n" + tail);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
    }
    return server;
  }

  private static Path findBinary() {
    for (Path p : CANDIDATES) {
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, "redis-server");
      if (!dir.isEmpty() && Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException("redis-server not found (looked in " + CANDIDATES + " and PATH): install the "
        + "Debian package 'redis-server' (apt-get install -y redis-server)");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[7];
      int n = in.readNBytes(buf, 0, 7);
      return n == 7 && new String(buf, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("Could not delete " + dir + ": " + e.getMessage());
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
