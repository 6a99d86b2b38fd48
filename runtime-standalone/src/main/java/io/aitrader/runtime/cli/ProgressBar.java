package io.aitrader.runtime.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on the terminal: redrawn in place ({@code \r}) at most ten times a second when the output is a
 * terminal, otherwise one line per tenth done. Thread-safe: sweep workers report from several threads.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final String label;
  private final boolean interactive;
  private final long startNanos = System.nanoTime();
  private long lastDrawNanos;
  private int lastTenth = -1;
  private boolean finished;

  ProgressBar(PrintWriter err, String label, boolean interactive) {
    this.err = err;
    this.label = label;
    this.interactive = interactive;
  }

  synchronized void update(int done, int total) {
    if (finished || total <= 0) {
      return;
    }
    long now = System.nanoTime();
    boolean last = done >= total;
    if (interactive) {
      if (!last && now - lastDrawNanos < 100_000_000L) {
        return;
      }
      lastDrawNanos = now;
      err.print("\r" + line(done, total, now));
      if (last) {
        err.println();
        finished = true;
      }
      err.flush();
    } else {
      int tenth = (int) (10L * done / total);
      if (tenth != lastTenth) {
        lastTenth = tenth;
        err.println(line(done, total, now));
        err.flush();
      }
      finished = last;
    }
  }

  private String line(int done, int total, long now) {
    int filled = (int) ((long) WIDTH * done / total);
    double seconds = (now - startNanos) / 1e9;
    String eta = done == 0 || done >= total ? "" : String.format(Locale.ROOT, ", about %.0f s left",
        seconds / done * (total - done));
    return String.format(Locale.ROOT, "%s [%s%s] %d/%d (%.0f%%) %.1f s%s", label, "#".repeat(filled),
        ".".repeat(WIDTH - filled), done, total, 100.0 * done / total, seconds, eta);
  }
}
