package io.aitrader.runtime.cli;

import io.aitrader.api.ConfigurationException;
import io.aitrader.core.services.ServiceUnit;
import io.aitrader.core.time.SystemTimeSource;
import io.aitrader.runtime.deploy.Deployment;
import io.aitrader.runtime.deploy.DeploymentConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aitrader service} and {@code aitrader run}: the services of a deployment file, apart or together. */
final class DeploymentCommands {
  private DeploymentCommands() {}

  static DeploymentConfig load(CommandLine cl, Path file) {
    if (!file.toFile().isFile()) {
      throw new CommandLine.ParameterException(cl, "--config " + file + " does not exist; see config/full.yaml and"
          + " config/embedded.yaml for examples");
    }
    try {
      return DeploymentConfig.load(file, System.getenv());
    } catch (ConfigurationException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
  }

  /** Waits until every unit that can tell has finished the session, or the timeout. */
  static boolean awaitSession(List<ServiceUnit> units, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (units.stream().allMatch(ServiceUnit::sessionDone)) {
        return true;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return false;
  }

  static void report(PrintWriter out, List<ServiceUnit> units) {
    for (ServiceUnit u : units) {
      out.println("  " + u.report());
    }
    out.flush();
  }

  /** {@code aitrader service <name>[,<name>…] --config FILE}. */
  @Command(name = "service", mixinStandardHelpOptions = true,
      description = "Start one service (or several, comma-separated) of a deployment, connected to the others through"
          + " the configured bus and stores. Services: market-store, bar-aggregator, feature, signal, order,"
          + " portfolio, audit, notification, ingestor. Runs until stopped (Ctrl-C), or with --until-session-end until its inputs have"
          + " passed the session's end.")
  static final class Service implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME[,NAME...]", description = "the service(s) to start")
    String names;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the deployment file (YAML)")
    Path config;

    @Option(names = "--until-session-end", description = "exit once the session has ended for the service(s);"
        + " a service sharing its inputs with other instances cannot tell, and runs until stopped")
    boolean untilSessionEnd;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
        description = "with --until-session-end: give up (exit 1) after this long (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DeploymentConfig c = load(spec.commandLine(), config);
      List<String> list = Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      Deployment deployment = new Deployment(c);
      CountDownLatch stopped = new CountDownLatch(1);
      List<ServiceUnit> units;
      try {
        units = deployment.start(list);
      } catch (ConfigurationException e) {
        deployment.close();
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      Thread hook = new Thread(() -> {
        out.println("stopping " + String.join(",", list));
        report(out, units);
        deployment.close();
        stopped.countDown();
      }, "aitrader-service-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println("ready: " + String.join(",", list) + " (session " + deployment.plan().session().date() + ")");
      out.flush();
      int exit = 0;
      if (list.contains("ingestor")) {
        deployment.runIngestor();
      }
      List<ServiceUnit> waiting = new ArrayList<>(units);
      if (untilSessionEnd || list.equals(List.of("ingestor"))) {
        if (!awaitSession(waiting, Duration.ofSeconds(timeoutSeconds))) {
          out.println("the session did not end for " + list + " within " + timeoutSeconds + " s");
          exit = 1;
        }
      } else {
        try {
          stopped.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 0;
      }
      Runtime.getRuntime().removeShutdownHook(hook);
      out.println("session ended: " + String.join(",", list));
      report(out, units);
      deployment.close();
      return exit;
    }
  }

  /** {@code aitrader run --config FILE [--broker groww --paper | --live --confirm-live]}: every service in this process. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run a deployment's session with every service in this process (on the configured bus and"
          + " stores), then report what each service did. By default on the simulated market with the paper broker;"
          + " --broker groww --paper trades today's session on Groww's live feed with paper orders; --broker groww"
          + " --live --confirm-live sends real orders to Groww (only with risk limits in the file). Groww credentials"
          + " come from GROWW_ACCESS_TOKEN, or GROWW_API_KEY with GROWW_TOTP_SECRET or GROWW_API_SECRET, in the"
          + " environment or the file named by groww.secretsFile. See docs/groww.md.")
  static final class Run implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the deployment file (YAML)")
    Path config;

    @Option(names = "--broker", paramLabel = "BROKER", defaultValue = "simulated",
        description = "simulated (default: the synthetic market of session.seed and the paper broker) or groww")
    String broker;

    @Option(names = "--paper", description = "with --broker groww: Groww's live market, orders filled by the paper"
        + " broker (nothing is sent to Groww)")
    boolean paper;

    @Option(names = "--live", description = "with --broker groww: send real orders to Groww (needs --confirm-live and"
        + " a risk section in the file)")
    boolean live;

    @Option(names = "--confirm-live", description = "with --live: yes, send real orders with real money")
    boolean confirmLive;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
        description = "give up (exit 1) when the session has not ended this long after the market data ended"
            + " (default: ${DEFAULT-VALUE}; a live feed runs until a minute after the close)")
    long timeoutSeconds;

    /** What the options ask for, or a usage error saying what to write instead. */
    Deployment.Trading trading() {
      CommandLine cl = spec.commandLine();
      switch (broker.toLowerCase(java.util.Locale.ROOT)) {
        case "simulated" -> {
          if (paper || live || confirmLive) {
            throw new CommandLine.ParameterException(cl, "--paper, --live and --confirm-live go with --broker groww;"
                + " the simulated market always uses the paper broker");
          }
          return Deployment.Trading.SIMULATED;
        }
        case "groww" -> {
          if (paper == live) {
            throw new CommandLine.ParameterException(cl, paper
                ? "--paper and --live exclude each other: choose paper orders (--paper) or real ones (--live)"
                : "--broker groww needs --paper (live market, paper orders) or --live --confirm-live (real orders)");
          }
          if (paper && confirmLive) {
            throw new CommandLine.ParameterException(cl, "--confirm-live goes with --live, not --paper");
          }
          if (live && !confirmLive) {
            throw new CommandLine.ParameterException(cl, "--live sends real orders with real money: add"
                + " --confirm-live to confirm, or use --paper to try the strategy on the live market first");
          }
          return paper ? Deployment.Trading.GROWW_PAPER : Deployment.Trading.GROWW_LIVE;
        }
        default -> throw new CommandLine.ParameterException(cl, "--broker must be simulated or groww (found: "
            + broker + ")");
      }
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Deployment.Trading trading = trading();
      DeploymentConfig c = load(spec.commandLine(), config);
      Deployment deployment;
      try {
        deployment = new Deployment(c, trading, SystemTimeSource.INSTANCE, System.getenv());
      } catch (ConfigurationException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      try (deployment) {
        List<ServiceUnit> units = deployment.start(Deployment.SERVICES);
        out.println("running " + deployment.plan().session().date() + " " + c.symbols() + " ("
            + DeploymentConfig.label(trading) + ") on " + c.bus() + ", bars in " + c.marketStore() + ", orders in "
            + c.orderStore());
        out.flush();
        deployment.runIngestor();
        boolean ended = awaitSession(units, Duration.ofSeconds(timeoutSeconds));
        out.println(ended ? "session ended" : "the session did not end within " + timeoutSeconds + " s");
        out.println("  " + deployment.marketReport());
        report(out, units);
        if (trading == Deployment.Trading.GROWW_LIVE) {
          List<String> differences = deployment.reconcileWithBroker();
          out.println(differences.isEmpty() ? "  positions: the account agrees with Groww's positions"
              : "  positions DIFFER from Groww's (orders placed outside this run?): " + String.join("; ", differences));
        }
        return ended ? 0 : 1;
      } catch (ConfigurationException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }
}
