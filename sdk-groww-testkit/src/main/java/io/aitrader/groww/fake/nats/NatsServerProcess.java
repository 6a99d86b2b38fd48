package io.aitrader.groww.fake.nats;

import io.aitrader.api.ConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code nats-server} child process run from a config file: started, watched until it logs "Server is ready",
 * stopped. Its output goes to SLF4J at debug level (a few lines per start, nothing per message). Not thread-safe:
 * the owning {@link FakeFeedServer} serialises calls.
 */
final class NatsServerProcess {
  private static final Logger LOG = LoggerFactory.getLogger(NatsServerProcess.class);
  private static final List<Path> KNOWN_LOCATIONS =
      List.of(Path.of("/usr/sbin/nats-server"), Path.of("/usr/bin/nats-server"), Path.of("/usr/local/bin/nats-server"));
  private static final int KEPT_LINES = 40;

  private final Path executable;
  private final Path config;
  private @Nullable Process process;

  NatsServerProcess(Path executable, Path config) {
    this.executable = executable;
    this.config = config;
  }

  /** The nats-server binary: the given one, or the Debian package's, or the first on the PATH. */
  static Path locate(@Nullable Path configured) {
    if (configured != null) {
      if (!Files.isExecutable(configured)) {
        throw new ConfigurationException(
            "FakeFeedServer.natsServer must be an executable nats-server binary, was " + configured);
      }
      return configured;
    }
    for (Path p : KNOWN_LOCATIONS) {
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path p = Path.of(dir, "nats-server");
        if (!dir.isEmpty() && Files.isExecutable(p)) {
          return p;
        }
      }
    }
    throw new ConfigurationException(
        "nats-server was not found (looked in " + KNOWN_LOCATIONS + " and the PATH): install the Debian package"
            + " `nats-server` (apt-get install nats-server) or pass its location to"
            + " FakeFeedServer.builder().natsServer(path)");
  }

  boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Starts the process and waits until it is ready to accept clients. */
  void start(long readyTimeoutMillis) {
    if (isAlive()) {
      return;
    }
    Process p;
    try {
      p = new ProcessBuilder(executable.toString(), "-c", config.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + executable, e);
    }
    process = p;
    CountDownLatch ready = new CountDownLatch(1);
    Deque<String> lastLines = new ArrayDeque<>();
    Thread reader = new Thread(() -> pump(p, ready, lastLines), "fake-nats-server-output-" + p.pid());
    reader.setDaemon(true);
    reader.start();
    boolean ok;
    try {
      ok = ready.await(readyTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("interrupted while waiting for nats-server to start", e);
    }
    if (!ok || !p.isAlive()) {
      stop();
      String output;
      synchronized (lastLines) {
        output = String.join("\n  ", lastLines);
      }
      throw new IllegalStateException(
          "nats-server did not become ready within " + readyTimeoutMillis + " ms; its last output:\n  " + output);
    }
  }

  private static void pump(Process p, CountDownLatch ready, Deque<String> lastLines) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        LOG.debug("nats-server[{}]: {}", p.pid(), line);
        synchronized (lastLines) {
          lastLines.addLast(line);
          if (lastLines.size() > KEPT_LINES) {
            lastLines.removeFirst();
          }
        }
        if (line.contains("Server is ready")) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      LOG.debug("nats-server[{}] output closed: {}", p.pid(), e.toString());
    }
  }

  /** Terminates the process (SIGTERM, then SIGKILL after two seconds) and waits for it to exit. */
  void stop() {
    Process p = process;
    process = null;
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
