package io.aitrader.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.audit.AuditRecord;
import io.aitrader.core.audit.AuditFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo writes an audit log; {@code audit verify} accepts it and names the packet of a tampered copy. */
class AuditCommandTest {
  @TempDir
  static Path tmp;
  static Path log;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return AitraderCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @BeforeAll
  static void runTheDemo() {
    log = tmp.resolve("audit");
    int code = AitraderCommand.execute(new String[] {"demo", "--symbols", "RELIANCE,TCS,INFY,SBIN", "--date",
        "2025-06-02", "--seed", "7", "--audit-dir", log.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
  }

  private static List<AuditRecord> packets(Path dir) {
    List<AuditRecord> all = new ArrayList<>();
    AuditFiles.forEach(dir, all::add);
    return all;
  }

  @Test
  void theDemosAuditLogVerifies() {
    int code = run("audit", "verify", log.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("is intact").contains(packets(log).size() + " packets");
    assertThat(packets(log)).extracting(AuditRecord::type)
        .contains("config", "signal", "risk.check", "order.intent", "order.update", "fill", "session.summary");
  }

  @Test
  void aTamperedCopyIsRejectedAtTheChangedPacket() throws IOException {
    Path copy = copyOf(log, tmp.resolve("tampered"));
    AuditRecord fill = packets(copy).stream().filter(r -> r.type().equals("fill")).findFirst().orElseThrow();
    Path segment;
    try (Stream<Path> files = Files.list(copy)) {
      segment = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")
          && f.getFileName().toString().startsWith("audit-")).sorted().findFirst().orElseThrow();
    }
    String text = Files.readString(segment, StandardCharsets.UTF_8);
    String price = "\"price\":\"" + fill.payload().get("price") + "\"";
    assertThat(text).contains(price);
    Files.writeString(segment, text.replaceFirst(java.util.regex.Pattern.quote(price), "\"price\":\"1.00\""),
        StandardCharsets.UTF_8);

    int code = run("audit", "verify", copy.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("BROKEN").contains("packet #" + fill.sequence() + " ")
        .contains("was changed");
  }

  @Test
  void showTellsAnOrdersStoryFromItsSignalToItsFills() {
    List<AuditRecord> all = packets(log);
    AuditRecord intent = all.stream().filter(r -> r.type().equals("order.intent") && r.payload().containsKey("signal"))
        .findFirst().orElseThrow();
    String ref = intent.correlationId();

    int code = run("audit", "show", "--dir", log.toString(), "--order", ref);

    assertThat(code).as(err.toString()).isZero();
    String story = out.toString();
    assertThat(story).contains("order " + ref + ":");
    assertThat(story.indexOf(" signal ")).isPositive();
    assertThat(story.indexOf(" signal ")).isLessThan(story.indexOf("risk.check"));
    assertThat(story.indexOf("risk.check")).isLessThan(story.indexOf("order.intent"));
    assertThat(story.indexOf("order.intent")).isLessThan(story.indexOf("order.update"));
    assertThat(story).contains("about to send " + intent.payload().get("side")).contains("decided on signal")
        .contains("broker says");
  }

  @Test
  void showSinceATimeListsEveryPacketFromThen() {
    int code = run("audit", "show", "--dir", log.toString(), "--since", "2025-06-02T15:29");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("session.summary").doesNotContain("09:15:00.000 IST");
  }

  @Test
  void badArgumentsGetOneLineAndExitTwo() {
    assertThat(run("audit", "verify", tmp.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");
    assertThat(run("audit", "show", "--dir", log.toString())).isEqualTo(2);
    assertThat(run("audit", "show", "--dir", log.toString(), "--since", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("--since yesterday is not an IST date");
  }

  private static Path copyOf(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().endsWith(".lock")) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    return to;
  }
}
