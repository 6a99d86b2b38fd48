package io.aitrader.core.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files of an audit log directory: segment names and listing. Stateless. */
final class Segments {
  static final String LOCK_FILE = "audit.lock";
  static final String CHECKPOINTS_FILE = "checkpoints.jsonl";

  private static final Pattern SEGMENT = Pattern.compile("audit-(\\d{8,18})\\.jsonl");

  private Segments() {}

  /** A segment file and its number. */
  record SegmentFile(long number, Path path) {
    String name() {
      return String.valueOf(path.getFileName());
    }
  }

  /** {@code audit-00000001.jsonl} for 1. */
  static String name(long number) {
    return String.format("audit-%08d.jsonl", number);
  }

  /**
   * The segment files in {@code dir}, by number; other files whose names start with {@code audit-} go to
   * {@code strays}.
   */
  static List<SegmentFile> list(Path dir, List<String> strays) throws IOException {
    List<SegmentFile> found = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = String.valueOf(p.getFileName());
        Matcher m = SEGMENT.matcher(n);
        if (m.matches() && Files.isRegularFile(p)) {
          found.add(new SegmentFile(Long.parseLong(m.group(1)), p));
        } else if (n.startsWith("audit-")) {
          strays.add(n);
        }
      }
    }
    found.sort(Comparator.comparingLong(SegmentFile::number));
    strays.sort(Comparator.naturalOrder());
    return found;
  }
}
