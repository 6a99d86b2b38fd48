package io.aitrader.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir
  Path dir;

  private int run(String... args) {
    return AitraderCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void backtestOnSyntheticDataSaysSoPrintsTheFiguresAndWritesTheReport() throws Exception {
    int code = run("backtest", "--strategy", "ema-rsi", "--symbols", "RELIANCE,TCS", "--from", "2025-01-01", "--to",
        "2025-01-31", "--interval", "5m", "--report", dir.toString());

    assertThat(code).isZero();
    assertThat(err.toString()).contains("no market store configured").contains("synthetic market, seed 42");
    assertThat(out.toString()).contains("ema-rsi fast=9").contains("NSE:RELIANCE, NSE:TCS, 5m bars, 2025-01-01 → 2025-01-31")
        .contains("23 sessions, 3,450 bars").contains("Sharpe").contains("charges").contains("report.html");
    assertThat(dir.resolve("result.json")).exists();
    assertThat(dir.resolve("trades.csv")).exists();
    assertThat(Files.readString(dir.resolve("report.html"))).contains("report-data");
  }

  @Test
  void theSameBacktestWritesAByteIdenticalResult() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    String[] common = {"backtest", "--strategy", "ema-cross", "--symbols", "INFY,TCS", "--from", "2025-02-01", "--to",
        "2025-02-28", "--interval", "15m", "--param", "fast=5", "--param", "slow=20"};

    assertThat(run(concat(common, "--report", a.toString()))).isZero();
    assertThat(run(concat(common, "--report", b.toString()))).isZero();

    assertThat(Files.readAllBytes(a.resolve("result.json"))).isEqualTo(Files.readAllBytes(b.resolve("result.json")));
    assertThat(Files.readAllBytes(a.resolve("trades.csv"))).isEqualTo(Files.readAllBytes(b.resolve("trades.csv")));
    assertThat(Files.readString(a.resolve("result.json"))).contains("\"dataSha256\"").contains("\"chargesVersion\"");
  }

  @Test
  void severalValuesOfAParameterRunARankedSweep() {
    int code = run("backtest", "--strategy", "ema-cross", "--symbols", "RELIANCE", "--from", "2025-03-01", "--to",
        "2025-03-31", "--param", "fast=5,9", "--param", "slow=21", "--threads", "2", "--objective", "netPnl",
        "--report", dir.toString());

    assertThat(code).isZero();
    assertThat(out.toString()).contains("Parameter sweep: 2 runs").contains("ranked by netPnl").contains("Best by netPnl");
    assertThat(err.toString()).contains("sweep [");
    assertThat(dir.resolve("sweep.csv")).exists();
  }

  @Test
  void walkForwardFitsEachWindowAndReportsTheStitchedOutOfSampleRun() {
    int code = run("walkforward", "--strategy", "ema-cross", "--symbols", "RELIANCE", "--from", "2025-01-01", "--to",
        "2025-03-31", "--interval", "15m", "--train", "1m", "--test", "1m", "--param", "fast=5,9", "--param", "slow=21",
        "--report", dir.toString());

    assertThat(code).isZero();
    assertThat(out.toString()).contains("Walk-forward (rolling, train 1m, test 1m").contains("2 windows")
        .contains("2025-02-01..2025-02-28").contains("2025-03-01..2025-03-31").contains("Out of sample, stitched");
    assertThat(dir.resolve("windows.csv")).exists();
    assertThat(dir.resolve("report.html")).exists();
  }

  @Test
  void badArgumentsAreOneLineUsageErrorsWithExitCode2() {
    assertThat(run("backtest", "--strategy", "nope", "--symbols", "TCS", "--from", "2025-01-01", "--to", "2025-01-31"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown strategy 'nope'").contains("ema-cross, ema-rsi, rules-model");

    assertThat(run("backtest", "--strategy", "ema-cross", "--symbols", "TCS", "--from", "2025-02-01", "--to", "2025-01-31"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("before it starts");

    assertThat(run("backtest", "--strategy", "ema-cross", "--symbols", "TCS", "--from", "2025-01-01", "--to", "2025-01-31",
        "--interval", "7m")).isEqualTo(2);
    assertThat(err.toString()).contains("--interval '7m' is not a bar interval");

    assertThat(run("backtest", "--strategy", "ema-cross", "--symbols", "TCS", "--from", "2025-01-01", "--to", "2025-01-31",
        "--param", "fastest=3")).isEqualTo(2);
    assertThat(err.toString()).contains("has no parameter 'fastest'");

    assertThat(run("walkforward", "--strategy", "ema-cross", "--symbols", "TCS", "--from", "2025-01-01", "--to",
        "2025-02-28", "--train", "6m")).isEqualTo(2);
    assertThat(err.toString()).contains("too short");
  }

  @Test
  void missingCsvDataNamesTheSymbolAndTheFileExpected() throws Exception {
    Files.writeString(dir.resolve("TCS-5m.csv"), "timestamp,open,high,low,close,volume\n"
        + "2025-01-06 09:15:00,4000,4010,3990,4005,1000\n");

    int code = run("backtest", "--strategy", "ema-cross", "--symbols", "TCS,INFY", "--from", "2025-01-06", "--to",
        "2025-01-06", "--csv", dir.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("NSE:INFY").contains("INFY-5m.csv");
  }

  @Test
  void candlesImportedIntoTheStoreAreWhatTheBacktestReads() throws Exception {
    Path csv = Files.createDirectories(dir.resolve("csv"));
    StringBuilder lines = new StringBuilder("timestamp,open,high,low,close,volume\n");
    for (int m = 0; m < 375; m += 5) {
      java.time.LocalTime t = java.time.LocalTime.of(9, 15).plusMinutes(m);
      double p = 4000 + (m % 50) - 25;
      lines.append("2025-01-06 ").append(t).append(":00,").append(p).append(',').append(p + 2).append(',')
          .append(p - 2).append(',').append(p + 1).append(",1000\n");
    }
    Files.writeString(csv.resolve("TCS-5m.csv"), lines);
    Path store = dir.resolve("store");

    assertThat(run("import", "--store", store.toString(), "--csv", csv.toString())).isZero();
    assertThat(out.toString()).contains("imported 1 files, 75 bars").contains("NSE:TCS");
    assertThat(run("backtest", "--strategy", "ema-cross", "--symbols", "TCS", "--from", "2025-01-06", "--to", "2025-01-06",
        "--store", store.toString())).isZero();
    assertThat(out.toString()).contains("embedded market store").contains("1 sessions, 75 bars");
    assertThat(err.toString()).doesNotContain("synthetic");
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
