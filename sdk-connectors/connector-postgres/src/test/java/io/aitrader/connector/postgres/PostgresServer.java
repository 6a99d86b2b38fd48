package io.aitrader.connector.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: one per test JVM, started on first use on a free 127.0.0.1 port with a
 * temporary data directory (trust authentication, fsync off), stopped and deleted by a shutdown hook. Each test
 * class asks for its own database with {@link #newDatabase(String)}, so classes never see each other's rows.
 *
 * <p>Binaries: the newest {@code /usr/lib/postgresql/<major>/bin} with {@code initdb}, {@code pg_ctl} and
 * {@code postgres} (Debian package {@code postgresql}); {@code PG_BIN} overrides the directory. initdb refuses to
 * run as root, so when the tests run as root the data directory is handed to the {@code postgres} OS user (created
 * by the Debian package) and every server command runs through {@code runuser -u postgres --}.
 */
public final class PostgresServer {
  public static final String USER = "aitrader";
  private static final long START_TIMEOUT_SECONDS = 60;

  private static final class Holder {
    static final PostgresServer SHARED = start();
  }

  private final Path bin;
  private final Path root;
  private final int port;
  private final List<String> runAs;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(Path bin, Path root, int port, List<String> runAs) {
    this.bin = bin;
    this.root = root;
    this.port = port;
    this.runAs = runAs;
  }

  /** The server shared by every test class in this JVM, started on first call. */
  public static PostgresServer shared() {
    return Holder.SHARED;
  }

  int port() {
    return port;
  }

  /** The JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Creates a new, empty database named after {@code prefix} and returns its JDBC URL. */
  public String newDatabase(String prefix) {
    String name = (prefix + "_" + databases.incrementAndGet()).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return jdbcUrl(name);
  }

  private static PostgresServer start() {
    Path bin = findBinaries();
    List<String> runAs = runAsPrefix();
    Path root;
    try {
      // as root, under /tmp: every parent must be traversable by the postgres user
      root = runAs.isEmpty() ? Files.createTempDirectory("aitrader-pg-")
          : Files.createTempDirectory(Path.of("/tmp"), "aitrader-pg-");
      if (!runAs.isEmpty()) {
        UserPrincipal owner = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(root, owner);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the PostgreSQL data directory", e);
    }
    Path data = root.resolve("data");
    run(root, runAs, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", USER,
        "-E", "UTF8", "--no-locale", "--no-sync"), "initdb");
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken between probing and binding
      int port = freePort();
      PostgresServer server = new PostgresServer(bin, root, port, runAs);
      try {
        run(root, runAs, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
            root.resolve("postgres.log").toString(), "-w", "-t", Long.toString(START_TIMEOUT_SECONDS), "-o",
            "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=100",
            "start"), "pg_ctl start");
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-test-server-stop"));
        server.awaitConnection();
        return server;
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    throw last;
  }

  private void awaitConnection() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    SQLException failure = null;
    while (System.nanoTime() < deadline) {
      try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "")) {
        if (c.isValid(5)) {
          return;
        }
      } catch (SQLException e) {
        failure = e;
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("PostgreSQL on port " + port + " does not accept connections: "
        + (failure == null ? "" : failure.getMessage()) + "\n" + logTail(root));
  }

  private void stop() {
    try {
      run(root, runAs, List.of(bin.resolve("pg_ctl").toString(), "-D", root.resolve("data").toString(), "-m",
          "immediate", "-w", "stop"), "pg_ctl stop");
    } catch (IllegalStateException e) {
      System.err.println("stopping the test PostgreSQL failed: " + e.getMessage());
    }
    deleteTree(root);
  }

  private static Path findBinaries() {
    String override = System.getenv("PG_BIN");
    List<Path> candidates = new ArrayList<>();
    if (override != null && !override.isBlank()) {
      candidates.add(Path.of(override));
    }
    Path base = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(base)) {
      try (Stream<Path> majors = Files.list(base)) {
        majors.map(p -> p.resolve("bin"))
            .sorted(Comparator.comparing((Path p) -> majorOf(p)).reversed())
            .forEach(candidates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (Path c : candidates) {
      if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl"))
          && Files.isExecutable(c.resolve("postgres"))) {
        return c;
      }
    }
    throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in "
        + candidates + ": install the Debian package 'postgresql' (apt-get install -y postgresql) or set PG_BIN");
  }

  private static int majorOf(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static List<String> runAsPrefix() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return List.of();
    }
    Path runuser = Stream.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser"), Path.of("/usr/bin/runuser"))
        .filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
            "tests run as root and initdb refuses root, but runuser (Debian package util-linux) is missing"));
    return List.of(runuser.toString(), "-u", "postgres", "--");
  }

  private static void run(Path root, List<String> runAs, List<String> command, String what) {
    List<String> full = new ArrayList<>(runAs);
    full.addAll(command);
    Path out = root.resolve(what.replace(' ', '-') + ".out");
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(START_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(what + " did not finish in time\n" + tail(out) + logTail(root));
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(what + " failed with exit code " + p.exitValue() + ": " + full + "\n"
            + tail(out) + logTail(root));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + full + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }

  private static String logTail(Path root) {
    return "--- postgres.log ---\n" + tail(root.resolve("postgres.log"));
  }

  private static String tail(Path file) {
    try {
      if (!Files.exists(file)) {
        return "(no " + file.getFileName() + ")\n";
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())) + "\n";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")\n";
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("cannot delete " + root + ": " + e.getMessage());
    }
  }
}
