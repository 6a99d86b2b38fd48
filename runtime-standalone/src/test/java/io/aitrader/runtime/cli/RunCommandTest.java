package io.aitrader.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aitrader run --config}: every service in one process on the embedded defaults, and its refusals. */
class RunCommandTest {
  @TempDir
  Path dir;

  private record Result(int exit, String out, String err) {}

  private static Result aitrader(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = AitraderCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  private Path config(String replace, String with) throws Exception {
    String yaml = Files.readString(Path.of("..", "config", "embedded.yaml"))
        .replace("output: out/run", "output: " + dir.resolve("out")).replace(replace, with);
    Path file = dir.resolve("deployment.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void runsTheSessionWithEveryServiceOnTheEmbeddedDefaultsAndRefusesToTradeItTwice() throws Exception {
    Path config = config("seed: 42", "seed: 42");

    Result first = aitrader("run", "--config", config.toString());

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("session ended", "market-store: ", "bars stored", "order: ", "portfolio: ");
    assertThat(dir.resolve("out/portfolio.state")).isNotEmptyFile();
    assertThat(dir.resolve("out/orders.journal")).isNotEmptyFile();

    Result again = aitrader("run", "--config", config.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already holds", "order(s) of the session 2025-06-02", "fresh output directory");
  }

  @Test
  void namesTheKeyAndTheAllowedValuesOfABadSetting() throws Exception {
    Result bus = aitrader("run", "--config", config("bus: in-process", "bus: kafak").toString());
    assertThat(bus.exit()).isEqualTo(2);
    assertThat(bus.err()).contains("bus must be one of in-process, kafka (found: kafak)");

    Result interval = aitrader("run", "--config", config("interval: 5m", "interval: 7q").toString());
    assertThat(interval.err()).contains("session.interval must be a bar interval like 1m, 5m");

    Result symbol = aitrader("run", "--config", config("SBIN]", "NOSUCHCO]").toString());
    assertThat(symbol.err()).contains("session.symbols: NOSUCHCO is not in the bundled NSE instrument master");

    Result kafka = aitrader("run", "--config", config("bus: in-process", "bus: kafka").toString());
    assertThat(kafka.err()).contains("kafka.bootstrapServers is missing");

    Result variable = aitrader("run", "--config", config("seed: 42", "seed: ${AITRADER_TEST_UNSET_SEED}").toString());
    assertThat(variable.err()).contains("the environment variable AITRADER_TEST_UNSET_SEED is not set");

    Result holiday = aitrader("run", "--config", config("date: 2025-06-02", "date: 2025-06-01").toString());
    assertThat(holiday.err()).contains("session.date 2025-06-01 is not an NSE trading day");

    Result missing = aitrader("run", "--config", dir.resolve("nope.yaml").toString());
    assertThat(missing.err()).contains("does not exist");
  }

  @Test
  void refusesAnUnknownServiceNamingTheServices() throws Exception {
    Result r = aitrader("service", "bar-agregator", "--config", config("seed: 42", "seed: 42").toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown service 'bar-agregator'", "bar-aggregator", "market-store");
  }

  @Test
  void realOrdersNeedTheBrokerTheModeAndAConfirmation() throws Exception {
    String config = config("seed: 42", "seed: 42").toString();

    Result noMode = aitrader("run", "--config", config, "--broker", "groww");
    assertThat(noMode.exit()).isEqualTo(2);
    assertThat(noMode.err()).contains("--broker groww needs --paper (live market, paper orders) or --live --confirm-live");

    Result unconfirmed = aitrader("run", "--config", config, "--broker", "groww", "--live");
    assertThat(unconfirmed.exit()).isEqualTo(2);
    assertThat(unconfirmed.err()).contains("--live sends real orders with real money: add --confirm-live");

    Result both = aitrader("run", "--config", config, "--broker", "groww", "--paper", "--live");
    assertThat(both.err()).contains("--paper and --live exclude each other");

    Result simulated = aitrader("run", "--config", config, "--live", "--confirm-live");
    assertThat(simulated.err()).contains("--paper, --live and --confirm-live go with --broker groww");

    Result unknown = aitrader("run", "--config", config, "--broker", "zerodha", "--paper");
    assertThat(unknown.err()).contains("--broker must be simulated or groww (found: zerodha)");
  }

  @Test
  void aLiveRunWithoutRiskLimitsIsRefusedBeforeAnythingStarts() throws Exception {
    String config = config("date: 2025-06-02", "date: today").toString();

    Result r = aitrader("run", "--config", config, "--broker", "groww", "--live", "--confirm-live");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("real orders need risk limits", "risk: {maxOrderValue: 50000, maxDailyLoss: 5000");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
