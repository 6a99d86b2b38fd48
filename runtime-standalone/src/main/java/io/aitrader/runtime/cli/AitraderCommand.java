package io.aitrader.runtime.cli;

import io.aitrader.api.SdkVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code aitrader}: the standalone runtime's command line. Exit codes: 0 success, 1 failure while running,
 * 2 bad usage (a one-line message on stderr).
 */
@Command(name = "aitrader", mixinStandardHelpOptions = true, versionProvider = AitraderCommand.Version.class,
    description = "Indian AI Trader: AI-assisted trading on NSE/BSE through Groww.",
    subcommands = {DemoCommand.class, BacktestCommand.class, WalkForwardCommand.class, ImportCommand.class, AuditCommand.class,
        DeploymentCommands.Service.class, DeploymentCommands.Run.class,
        CommandLine.HelpCommand.class})
public final class AitraderCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new AitraderCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, a) -> {
      String command = ex.getCommandLine().getCommandName();
      ex.getCommandLine().getErr().println("aitrader: " + ex.getMessage().replace("\n", " ").trim()
          + " (try 'aitrader " + ("aitrader".equals(command) ? "" : command + " ") + "--help')");
      return 2;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      c.getErr().println("aitrader: " + ex.getMessage());
      return 1;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, for example 'aitrader demo'");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"aitrader " + SdkVersion.version()};
    }
  }
}
