package io.aitrader.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AitraderCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    String[] all = args;
    if (args.length > 0 && args[0].equals("demo")) { // these specs are about the demo's output: no audit log
      all = java.util.Arrays.copyOf(args, args.length + 1);
      all[args.length] = "--no-audit";
    }
    return AitraderCommand.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void aSymbolGivenTwiceInAnyCaseIsOneInstrument() {
    int code = run("demo", "--symbols", "tcs, TCS,Tcs", "--date", "2025-06-02");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("instruments   1: TCS");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void demoPrintsASummaryAndExitsZero() {
    int code = run("demo", "--symbols", "RELIANCE,TCS", "--date", "2025-06-02", "--seed", "7");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("date          2025-06-02 (Mon), session 09:15-15:30 IST")
        .contains("instruments   2: RELIANCE,TCS")
        .contains("quotes in")
        .contains("ticks out")
        .containsPattern("bars out +1m 750 \\| 2m 376 \\| 3m 250 \\| 5m 150 \\| 10m 76 \\| 15m 50 \\| 30m 26 \\| 1h 14 \\| 1d 2")
        .contains("ticks/s")
        .contains("sample bars: RELIANCE 15m")
        .containsPattern("strategy +rules-model on 5m bars: \\d+ signals");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void pacedDemoRunsTheSameSessionAsTheUnpacedOne() {
    // 22,500 market seconds at 200,000x real time: pacing is exercised without slowing the suite
    assertThat(run("demo", "--symbols", "INFY", "--date", "2025-06-02", "--speed", "200000")).isZero();
    assertThat(run("demo", "--symbols", "INFY", "--date", "2025-06-02")).isZero();

    List<String> digests = out.toString().lines().filter(l -> l.contains("bar stream")).toList();
    assertThat(digests).hasSize(2);
    assertThat(digests.get(0)).isEqualTo(digests.get(1));
    assertThat(out.toString()).contains("speed x200000.0");
  }

  @Test
  void unknownSymbolIsAOneLineUsageErrorWithExitCode2() {
    int code = run("demo", "--symbols", "RELIANCE,NOSUCH", "--date", "2025-06-02");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n")
        .startsWith("aitrader: unknown symbol NOSUCH: not in the bundled NSE instrument master");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aHolidayIsRejectedNamingTheHolidayAndTheNextTradingDay() {
    int code = run("demo", "--date", "2025-10-02");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n")
        .contains("--date 2025-10-02 is not an NSE trading day: it is a holiday")
        .contains("the next one is 2025-10-03");
  }

  @Test
  void aWeekendIsRejected() {
    int code = run("demo", "--date", "2025-06-07");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("it is a saturday");
  }

  @Test
  void malformedOptionValuesAreOneLineErrors() {
    assertThat(run("demo", "--date", "2025-13-01")).isEqualTo(2);
    assertThat(run("demo", "--seed", "abc")).isEqualTo(2);
    assertThat(run("demo", "--speed", "-1")).isEqualTo(2);
    assertThat(run("demo", "--bogus")).isEqualTo(2);

    assertThat(err.toString().strip().lines()).hasSize(4).allSatisfy(line -> assertThat(line).startsWith("aitrader: "));
    assertThat(err.toString()).contains("--speed must be a positive real-time multiple");
  }

  @Test
  void withoutACommandItSaysWhatToDo() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("a command is required, for example 'aitrader demo'");
  }

  @Test
  void printsItsVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).contains("aitrader 0.1.0");
  }
}
