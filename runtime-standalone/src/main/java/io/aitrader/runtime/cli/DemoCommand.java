package io.aitrader.runtime.cli;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketDataFeed;
import io.aitrader.api.time.Ist;
import io.aitrader.api.time.TradingSession;
import io.aitrader.core.bus.InProcessEventBus;
import io.aitrader.core.calendar.ExchangeCalendar;
import io.aitrader.core.instruments.InMemoryInstrumentRepository;
import io.aitrader.core.market.synthetic.SyntheticMarket;
import io.aitrader.core.time.SystemTimeSource;
import io.aitrader.api.audit.AuditLog;
import io.aitrader.core.audit.AuditRecorder;
import io.aitrader.core.audit.FileAuditLog;
import java.io.IOException;
import io.aitrader.core.notify.Alert;
import io.aitrader.core.notify.NotificationService;
import java.util.Optional;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import io.aitrader.runtime.demo.BarStreamDigest;
import io.aitrader.runtime.demo.DemoExecution;
import io.aitrader.runtime.demo.DemoPipeline;
import io.aitrader.runtime.demo.DemoReport;
import io.aitrader.runtime.demo.GrowwFakeMarket;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aitrader demo}: one synthetic NSE trading day through ingest → bus → bars, with a short summary. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Replay one synthetic NSE trading day for 20 instruments through ingest -> bus -> bars"
        + " and print a summary.")
final class DemoCommand implements Callable<Integer> {
  static final int DEFAULT_INSTRUMENTS = 20;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL",
      description = "NSE trading symbols, comma-separated (default: the first 20 stocks of the bundled master).")
  List<String> symbols = new ArrayList<>();

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "The NSE trading day to simulate (default: the last trading day before today).")
  @Nullable LocalDate date;

  @Option(names = "--seed", description = "Random seed of the synthetic market (default: ${DEFAULT-VALUE}).",
      defaultValue = "42")
  long seed;

  @Option(names = "--speed", paramLabel = "X",
      description = "Real-time multiple, e.g. 60 = one market minute per second (default: as fast as possible).",
      defaultValue = "0")
  double speed;

  @Option(names = "--audit-dir", paramLabel = "DIR", defaultValue = "out/demo/audit",
      description = "Where the run's audit log goes (hash-chained JSON lines; default: ${DEFAULT-VALUE}). An existing"
          + " log is continued. Check it with 'aitrader audit verify DIR'.")
  Path auditDir;

  @Option(names = "--no-audit", description = "Do not write an audit log.")
  boolean noAudit;

  @Option(names = "--broker", paramLabel = "BROKER", defaultValue = "paper",
      description = "paper (default: the synthetic market and the paper broker in this process) or groww-fake (the"
          + " fake Groww on loopback ports — REST API and NATS live feed — reached through the real Groww adapter).")
  String broker;

  @CommandLine.Mixin
  NotifyOptions notify = new NotifyOptions();

  @Override
  public Integer call() {
    if (speed < 0 || Double.isNaN(speed) || Double.isInfinite(speed)) {
      throw usage("--speed must be a positive real-time multiple (or 0 for as fast as possible), was " + speed);
    }
    ExchangeCalendar calendar = ExchangeCalendar.nse();
    InMemoryInstrumentRepository repository = InMemoryInstrumentRepository.bundledNse();
    List<Instrument> instruments = resolveSymbols(repository);
    LocalDate day = date != null ? date : lastTradingDayBeforeToday(calendar);
    TradingSession session = calendar.session(day).orElseThrow(() -> usage(notATradingDay(calendar, day)));
    PrintWriter out = spec.commandLine().getOut();
    if (!calendar.coversYear(day.getYear())) {
      spec.commandLine().getErr().println("aitrader: note: the bundled holiday list does not cover " + day.getYear()
          + "; every weekday is treated as a trading day");
    }
    if (!broker.equals("paper") && !broker.equals("groww-fake")) {
      throw usage("--broker must be paper or groww-fake, was '" + broker + "' (for real Groww use 'run --broker"
          + " groww'; see docs/groww.md)");
    }
    @Nullable GrowwFakeMarket groww = broker.equals("groww-fake")
        ? GrowwFakeMarket.start(instruments, repository, session, seed) : null;
    MarketDataFeed feed = groww != null ? groww.feed()
        : SyntheticMarket.builder().instruments(instruments).session(session).seed(seed).build();
    Set<Alert> alerts = notify.alerts(spec.commandLine());
    Optional<NotificationService> notifications = notify.service(spec.commandLine(), System.getenv());
    @Nullable AuditRecorder recorder = noAudit ? null : AuditRecorder.builder(openAuditLog()).build();
    boolean alertsDelivered = true;
    try (EventBus bus = InProcessEventBus.create(); feed) {
      DemoPipeline pipeline = new DemoPipeline(calendar, bus, repository, instruments.get(0), BarInterval.M15, BarInterval.M5,
          DemoExecution.standard());
      if (recorder != null) {
        pipeline.audit(recorder);
      }
      if (groww != null) {
        pipeline.broker(groww.broker());
      }
      notifications.ifPresent(n -> pipeline.alerts(n::submit, alerts));
      DemoReport report = pipeline.run(feed, instruments, session, speed, BarStreamDigest.create());
      report.print(out, seed, speed);
      if (groww != null) {
        out.println("  groww         " + groww.describe());
      }
      if (recorder != null) {
        recorder.close();
        AuditRecorder.Stats stats = recorder.stats();
        out.printf(Locale.ROOT, "  audit         %,d packets written to %s (%s); check: ./aitrader audit verify %s%n",
            stats.recorded(), auditDir, stats.lost() == 0 ? "none lost" : stats.lost() + " LOST", auditDir);
      }
      if (notifications.isPresent()) {
        alertsDelivered = NotifyOptions.finish(notifications.get(), out, spec.commandLine().getErr());
      }
      out.flush();
    } finally {
      if (groww != null) {
        groww.close();
      }
      if (recorder != null) {
        recorder.close();
      }
      notifications.ifPresent(NotificationService::close);
    }
    if (!alertsDelivered) {
      return 1;
    }
    return 0;
  }

  private AuditLog openAuditLog() {
    try {
      Files.createDirectories(auditDir);
    } catch (IOException e) {
      throw new CommandLine.ExecutionException(spec.commandLine(), "cannot create the audit directory " + auditDir
          + ": " + e.getMessage(), e);
    }
    // synced once per batch by the recorder (group commit), not on every append
    return FileAuditLog.builder().directory(auditDir).timeSource(SystemTimeSource.INSTANCE).syncOnAppend(false)
        .checkpointKey(AuditCommand.key()).open(); // checkpoints signed when AITRADER_AUDIT_KEY is set
  }

  private List<Instrument> resolveSymbols(InMemoryInstrumentRepository repository) {
    return SymbolList.resolve(symbols, repository, DEFAULT_INSTRUMENTS, spec.commandLine());
  }

  private static LocalDate lastTradingDayBeforeToday(ExchangeCalendar calendar) {
    LocalDate d = Ist.dateOf(SystemTimeSource.INSTANCE.currentTimeMillis()).minusDays(1);
    while (!calendar.isTradingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  private static String notATradingDay(ExchangeCalendar calendar, LocalDate day) {
    String why = calendar.holiday(day).map(h -> "a holiday (" + h + ")").orElse("a " + day.getDayOfWeek().toString().toLowerCase(Locale.ROOT));
    return "--date " + day + " is not an NSE trading day: it is " + why + "; the next one is " + calendar.nextTradingDay(day);
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

}
