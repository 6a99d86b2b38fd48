package io.aitrader.connector.kafka;

import java.io.IOException;
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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka (KRaft, combined broker + controller) for the tests: a child JVM running
 * {@code kafka.Kafka} from the test classpath (the {@code kafka_2.13} test dependency) on free loopback ports with a
 * temporary log directory. {@link #shared()} starts it once per test JVM; a shutdown hook stops it and deletes the
 * directory. If it does not come up, the failure message carries the tail of its log.
 */
public final class KafkaBroker {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static KafkaBroker shared;

  private final Path dir;
  private final int port;
  private final Process process;
  private final Path log;

  private KafkaBroker(Path dir, int port, Process process, Path log) {
    this.dir = dir;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** The broker every test class of this JVM shares, started on first use. */
  public static synchronized KafkaBroker shared() {
    if (shared == null) {
      shared = start();
      KafkaBroker broker = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-stop"));
    }
    return shared;
  }

  /** {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /**
   * A broker of its own, for a test whose topics must not meet other tests' (topic names are global to a broker);
   * the caller stops it with {@link #stop()}.
   */
  public static KafkaBroker start() {
    try {
      Path dir = Files.createTempDirectory("aitrader-kafka-");
      int port = freePort();
      int controllerPort = freePort();
      Path logDir = dir.resolve("data");
      Path config = dir.resolve("server.properties");
      Path log = dir.resolve("broker.log");
      Properties p = new Properties();
      p.setProperty("process.roles", "broker,controller");
      p.setProperty("node.id", "1");
      p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
      p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
      p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
      p.setProperty("controller.listener.names", "CONTROLLER");
      p.setProperty("inter.broker.listener.name", "PLAINTEXT");
      p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      p.setProperty("log.dirs", logDir.toString());
      p.setProperty("num.partitions", "1");
      p.setProperty("auto.create.topics.enable", "false");
      p.setProperty("offsets.topic.replication.factor", "1");
      p.setProperty("offsets.topic.num.partitions", "4");
      p.setProperty("transaction.state.log.replication.factor", "1");
      p.setProperty("transaction.state.log.min.isr", "1");
      p.setProperty("share.coordinator.state.topic.replication.factor", "1");
      p.setProperty("share.coordinator.state.topic.min.isr", "1");
      p.setProperty("group.initial.rebalance.delay.ms", "0");
      p.setProperty("log.flush.interval.messages", "9223372036854775807");
      try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
        p.store(out, "aitrader test broker");
      }
      String clusterId = Uuid.randomUuid().toString();
      Process format = java(dir, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())
          .redirectOutput(dir.resolve("format.log").toFile()).start();
      if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
        format.destroyForcibly();
        throw new IllegalStateException("Formatting the Kafka log directory failed:\n" + tail(dir.resolve("format.log")));
      }
      Process server = java(dir, "kafka.Kafka", config.toString()).redirectOutput(log.toFile()).start();
      KafkaBroker broker = new KafkaBroker(dir, port, server, log);
      broker.awaitReady();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the test Kafka broker", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the test Kafka broker", e);
    }
  }

  private static ProcessBuilder java(Path dir, String main, String... args) {
    String classpath = System.getProperty("java.class.path");
    if (!classpath.contains("kafka_2.13")) {
      throw new IllegalStateException("kafka_2.13 (the broker) is not on the test classpath; it is a test-scope"
          + " dependency of connector-kafka: run the tests through Maven");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms256m");
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(classpath);
    command.add(main);
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Properties props = new Properties();
    props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The test Kafka broker exited with " + process.exitValue()
            + " while starting; its log (" + log + ") ends with:\n" + tail(log));
      }
      if (accepts()) {
        try (Admin admin = Admin.create(props)) {
          if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          // not ready yet: poll again until the deadline
          process.waitFor(100, TimeUnit.MILLISECONDS);
        }
      } else {
        process.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
    stop();
    throw new IllegalStateException("The test Kafka broker did not become ready within " + START_TIMEOUT
        + "; its log ends with:\n" + tail(log));
  }

  private boolean accepts() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the broker and deletes its directory. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteRecursively(dir);
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete the test broker directory " + root + ": " + e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
