package io.aitrader.runtime.deploy;

import io.aitrader.runtime.cli.AitraderCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** {@code aitrader <args>} in a child JVM (the test's class path), its output collected line by line. */
final class ServiceProcess implements AutoCloseable {
  private final String label;
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private ServiceProcess(String label, Process process) {
    this.label = label;
    this.process = process;
    this.reader = new Thread(this::read, "out-" + label);
    reader.setDaemon(true);
    reader.start();
  }

  static ServiceProcess start(String label, Path workDir, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        AitraderCommand.class.getName()));
    command.addAll(List.of(args));
    try {
      return new ServiceProcess(label, new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + label, e);
    }
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (lines) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      synchronized (lines) {
        lines.add("(output lost: " + e + ")");
      }
    }
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  String output() {
    return label + ":\n  " + String.join("\n  ", lines());
  }

  /** Waits for a line matching {@code wanted}; fails with the output when the process ends or time runs out. */
  String awaitLine(Predicate<String> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : lines()) {
        if (wanted.test(line)) {
          return line;
        }
      }
      if (!process.isAlive() && !reader.isAlive()) {
        throw new AssertionError(label + " ended (exit " + process.exitValue() + ") before the expected line\n"
            + output());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    throw new AssertionError(label + " did not print the expected line within " + timeout + "\n" + output());
  }

  /** Waits for the process to exit and returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(label + " did not exit within " + timeout + "\n" + output());
    }
    reader.join(5000);
    return process.exitValue();
  }

  /** Asks the process to stop (SIGTERM: its shutdown hook reports and closes) and waits. */
  int stop(Duration timeout) throws InterruptedException {
    process.toHandle().destroy(); // not Process.destroy(): that also closes our end of its output
    return awaitExit(timeout);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
