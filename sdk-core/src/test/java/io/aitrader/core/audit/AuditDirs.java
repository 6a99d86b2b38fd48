package io.aitrader.core.audit;

import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.time.TimeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Test support: writes audit logs, reads and rewrites their segment files the way a tamperer (or a crash) would. */
final class AuditDirs {
  static final long T0 = 1_736_135_100_000L;
  static final String SEGMENT_1 = "audit-00000001.jsonl";

  private AuditDirs() {}

  /** A clock that moves 1 s each time it is read. */
  static TimeSource ticking() {
    AtomicLong now = new AtomicLong(T0);
    return () -> now.getAndAdd(1_000);
  }

  static Map<String, String> payload(int i) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("instrument", "NSE:RELIANCE");
    m.put("quantity", Integer.toString(i * 10));
    m.put("note", "order \"" + i + "\"");
    return m;
  }

  /** Appends packets {@code #1..#count} and closes the log (which writes a last checkpoint). */
  static List<AuditRecord> write(FileAuditLog.Builder builder, int count) {
    List<AuditRecord> out = new ArrayList<>();
    try (FileAuditLog log = builder.open()) {
      for (int i = 1; i <= count; i++) {
        out.add(log.append("order.submitted", String.format("kit-%06d", i), payload(i)));
      }
    }
    return out;
  }

  static List<Path> segments(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("audit-\\d+\\.jsonl")).sorted(Comparator.naturalOrder())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every line of every segment (without {@code \n}), one list per segment. */
  static List<List<String>> lines(Path dir) {
    List<List<String>> out = new ArrayList<>();
    for (Path p : segments(dir)) {
      out.add(fileLines(p));
    }
    return out;
  }

  static List<String> fileLines(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
      out.remove(out.size() - 1); // after the last \n
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites each segment with the given lines (each ended by {@code \n}). */
  static void rewrite(Path dir, List<List<String>> segments) {
    List<Path> files = segments(dir);
    for (int i = 0; i < files.size(); i++) {
      writeLines(files.get(i), segments.get(i));
    }
  }

  static void writeLines(Path file, List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    try {
      Files.writeString(file, sb, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void appendBytes(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON line a log would write for {@code r}, with its {@code \n}. */
  static String line(AuditRecord r) {
    return new String(new PacketCodec().encode(r), StandardCharsets.UTF_8);
  }

  static void deleteTree(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
