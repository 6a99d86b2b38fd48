package io.aitrader.connector.smtp;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what is printed to {@code System.err} (where slf4j-simple writes the log, see
 * {@code simplelogger.properties}) until closed, and still passes it through to the real stream.
 */
final class CapturedStderr implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  CapturedStderr() {
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setErr(new PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        capture.write(b);
        original.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        capture.write(b, off, len);
        original.write(b, off, len);
      }
    }, true, StandardCharsets.UTF_8));
  }

  String text() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
