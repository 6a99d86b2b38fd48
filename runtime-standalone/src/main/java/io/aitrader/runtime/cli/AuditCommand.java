package io.aitrader.runtime.cli;

import io.aitrader.api.Secret;
import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.time.Ist;
import io.aitrader.core.audit.AuditFileCheck;
import io.aitrader.core.audit.AuditFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aitrader audit verify|show}: check an audit log's hash chain, or print the story of an order. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Check or read an audit log (a directory of hash-chained JSON-lines segments).",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class})
final class AuditCommand implements Runnable {
  /** The environment variable holding the checkpoint HMAC key, when checkpoints are signed. */
  static final String KEY_VARIABLE = "AITRADER_AUDIT_KEY";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: 'aitrader audit verify <dir>' or 'aitrader audit show --dir <dir> --order <ref>'");
  }

  static Path existingLog(CommandLine cl, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(cl, "audit directory " + dir + " does not exist or is not a directory");
    }
    return dir;
  }

  static Optional<Secret> key() {
    String k = System.getenv(KEY_VARIABLE);
    return k == null || k.isBlank() ? Optional.empty() : Optional.of(Secret.of(k));
  }

  /** {@code aitrader audit verify <dir>}: exit 0 when the chain is whole, 1 naming the first bad packet. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check every packet's hash, its link to the one before, the sequence and the checkpoints;"
          + " name the first packet that was changed, removed, inserted or reordered.")
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The audit log directory.")
    Path dir;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      AuditFileCheck check = AuditFiles.verify(existingLog(spec.commandLine(), dir), key());
      for (String note : check.notes()) {
        out.println("note: " + note);
      }
      if (check.verification().isValid()) {
        out.printf("audit log %s is intact: %d packets in %d segment(s), %d checkpoint(s) checked%n", dir,
            check.packets(), check.segments(), check.checkpointsChecked());
        out.flush();
        return 0;
      }
      spec.commandLine().getErr().println("aitrader: audit log " + dir + " is BROKEN: "
          + check.verification().problem().orElseThrow() + " (" + check.packets() + " packets read)");
      spec.commandLine().getErr().flush();
      out.flush();
      return 1;
    }
  }

  /** {@code aitrader audit show}: an order's story, or every packet in a time range. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Print the packets of one order (its signal, risk checks, intent, broker updates and fills)"
          + " or every packet since a time.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The audit log directory.")
    Path dir;

    @Option(names = "--order", paramLabel = "REF", description = "An order's reference id.")
    @Nullable String order;

    @Option(names = "--since", paramLabel = "TIME",
        description = "IST date or date-time, e.g. 2025-03-03 or 2025-03-03T10:15.")
    @Nullable String since;

    @Option(names = "--until", paramLabel = "TIME", description = "IST date or date-time (exclusive).")
    @Nullable String until;

    @Option(names = "--details", description = "Also print every key and value of each packet.")
    boolean details;

    @Override
    public Integer call() {
      CommandLine cl = spec.commandLine();
      if (order == null && since == null) {
        throw new CommandLine.ParameterException(cl, "say what to show: --order <ref> or --since <time>");
      }
      Path log = existingLog(cl, dir);
      long from = since == null ? Long.MIN_VALUE : time(cl, "--since", since);
      long to = until == null ? Long.MAX_VALUE : time(cl, "--until", until);
      AuditStory.Source source = each -> AuditFiles.forEach(log, each);
      List<AuditRecord> shown = new ArrayList<>();
      if (order != null) {
        for (AuditRecord r : AuditStory.ofOrder(source, order)) {
          if (r.timestampMillis() >= from && r.timestampMillis() < to) {
            shown.add(r);
          }
        }
      } else {
        source.forEach(r -> {
          if (r.timestampMillis() >= from && r.timestampMillis() < to) {
            shown.add(r);
          }
        });
      }
      PrintWriter out = cl.getOut();
      if (shown.isEmpty()) {
        cl.getErr().println("aitrader: no packets " + (order != null ? "for order " + order : "")
            + (since != null ? " since " + since : "") + " in " + dir);
        return 1;
      }
      if (order != null) {
        out.printf("order %s: %d packets%n", order, shown.size());
      }
      for (AuditRecord r : shown) {
        AuditStory.print(out, r, details);
      }
      out.flush();
      return 0;
    }

    private static long time(CommandLine cl, String option, String text) {
      try {
        if (text.length() == 10) {
          return Ist.toEpochMillis(LocalDate.parse(text), LocalTime.MIDNIGHT);
        }
        LocalDateTime t = LocalDateTime.parse(text.replace(' ', 'T'));
        return Ist.toEpochMillis(t.toLocalDate(), t.toLocalTime());
      } catch (DateTimeParseException e) {
        throw new CommandLine.ParameterException(cl, option + " " + text
            + " is not an IST date (2025-03-03) or date-time (2025-03-03T10:15)");
      }
    }
  }
}
