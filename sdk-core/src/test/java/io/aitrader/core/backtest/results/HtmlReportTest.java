package io.aitrader.core.backtest.results;

import static io.aitrader.core.backtest.results.TestRuns.fill;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.order.Side;
import io.aitrader.core.backtest.BacktestRun;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String EVIL = "</script><script>alert(1)</script>";

  private static BacktestRun twoMonths() {
    TestRuns.Builder b = TestRuns.run();
    long t = TestRuns.ist("2025-01-06T09:20");
    long equity = 1_000_000_000L;
    for (int i = 0; i < 3_000; i++) {
      equity += (i % 13 - 6) * 12_345L;
      b.point(t + i * 1_800_000L, io.aitrader.api.money.Money.ofUnits(equity).toString(), i % 3 == 0 ? "0" : "5000");
    }
    return b.fill(fill(TestRuns.RELIANCE, Side.BUY, 10, "100", "2025-01-06T10:15", "1"))
        .fill(fill(TestRuns.RELIANCE, Side.SELL, 10, "110", "2025-01-06T14:00", "2"))
        .build();
  }

  private static String dataOf(String html) {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertThat(m.find()).as("embedded report data").isTrue();
    return m.group(1);
  }

  private static String scriptOf(String html) {
    Matcher m = Pattern.compile("<script id=\"report-js\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("report script").isTrue();
    return m.group(1);
  }

  @Test
  void embedsTheChartDataAsJson() throws Exception {
    BacktestResult r = BacktestResult.of(ResultJsonTest.sampleRun());

    String html = HtmlReport.render(r, List.of());

    JsonNode data = MAPPER.readTree(dataOf(html));
    assertThat(data.get("title").asText()).isEqualTo("ema-rsi · NSE:RELIANCE, NSE:INFY · 2025-01-01 to 2025-03-31");
    assertThat(data.get("equity").get("v")).hasSize(3);
    assertThat(data.get("equity").get("v").get(2).decimalValue()).isEqualByComparingTo("100101.25");
    assertThat(data.get("drawdown").get("v").get(0).asDouble()).isEqualTo(-0.00001);
    assertThat(data.get("monthlyReturns").get("2025-01").asDouble()).isEqualTo(0.0010125);
    assertThat(html).contains("<title>ema-rsi · NSE:RELIANCE, NSE:INFY · 2025-01-01 to 2025-03-31</title>");
  }

  @Test
  void showsTablesWithIndianAmountsAndTheExtraSections() {
    BacktestResult r = BacktestResult.of(ResultJsonTest.sampleRun());
    ReportTable windows = new ReportTable("Walk-forward windows", List.of("Window", "Sharpe"),
        List.of(List.of("2025-01", "1.20"), List.of("2025-02", "<b>0.80</b>")));

    String html = HtmlReport.render(r, List.of(windows));

    assertThat(html).contains("<h2>Walk-forward windows</h2>").contains("&lt;b&gt;0.80&lt;/b&gt;")
        .contains("₹1,00,101.25").contains("<h2>Trades</h2>").contains("<table id=\"trades\">")
        .contains("MIS position in NSE:RELIANCE left open").contains("<h2>Per instrument (closed trades)</h2>")
        .contains("<h2>Charges by item</h2>").contains(r.run().fingerprint().runId())
        .contains("<h2>Positions open at the end</h2>");
  }

  @Test
  void referencesNothingOutsideTheFile() {
    String html = HtmlReport.render(BacktestResult.of(twoMonths()), List.of());

    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn")
        .doesNotContain("src=").doesNotContain("href=").doesNotContain("@import").doesNotContain("url(");
  }

  @Test
  void aScriptTagInsideAnInstrumentOrStrategyCannotBreakOut() throws Exception {
    Instrument evil = TestRuns.equity(EVIL);
    BacktestRun run = TestRuns.run().strategyId("x" + EVIL).instruments(evil.id())
        .fill(fill(evil, Side.BUY, 1, "10", "2025-01-06T10:00", "0"))
        .fill(fill(evil, Side.SELL, 1, "11", "2025-01-06T11:00", "0"))
        .point("2025-01-06T15:30", "100001", "0")
        .warning("warning " + EVIL)
        .build();

    String html = HtmlReport.render(BacktestResult.of(run), List.of(new ReportTable(EVIL, List.of(EVIL),
        List.of(List.of(EVIL)))));

    assertThat(html.split("</script>", -1)).hasSize(3);   // only the two real script elements close
    assertThat(html).doesNotContain("<script>alert");
    JsonNode data = MAPPER.readTree(dataOf(html));
    assertThat(data.get("instruments").get(0).asText()).isEqualTo("NSE:" + EVIL);
    assertThat(data.get("strategyId").asText()).isEqualTo("x" + EVIL);
  }

  @Test
  void listsTheFirst5000TradesAndSaysSo() {
    TestRuns.Builder b = TestRuns.run().point("2025-01-06T15:30", "100000", "0");
    long t = TestRuns.ist("2025-01-06T09:15");
    for (int i = 0; i < 5_001; i++) {
      b.fill(TestRuns.fill(TestRuns.RELIANCE, Side.BUY, 1, "100", t + 2_000L * i, io.aitrader.api.order.Product.MIS,
          "0"));
      b.fill(TestRuns.fill(TestRuns.RELIANCE, Side.SELL, 1, "100", t + 2_000L * i + 1_000,
          io.aitrader.api.order.Product.MIS, "0"));
    }

    String html = HtmlReport.render(BacktestResult.of(b.build()), List.of());

    assertThat(html).contains("Showing the first 5,000 of 5,001 trades");
    assertThat(html).contains("<td class=\"n\">5000</td>").doesNotContain("<td class=\"n\">5001</td>");
  }

  @Test
  void theReportScriptDrawsTheChartsFromTheEmbeddedData(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(onPath("node"), "node is not on the PATH");
    BacktestResult r = BacktestResult.of(twoMonths());
    String html = HtmlReport.render(r, List.of());
    Path data = Files.writeString(dir.resolve("data.json"), dataOf(html));
    Path js = Files.writeString(dir.resolve("report.js"), scriptOf(html));
    Path harness = Files.writeString(dir.resolve("harness.js"), String.join("\n",
        "const fs = require('fs');",
        "const data = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));",
        "const R = new Function(fs.readFileSync(process.argv[3], 'utf8') + '\\nreturn AitraderReport;')();",
        "process.stdout.write(JSON.stringify({",
        "  equity: R.equityChartSvg(data.equity, {startingCash: data.startingCash}),",
        "  drawdown: R.drawdownChartSvg(data.drawdown),",
        "  monthly: R.monthlyHeatmapSvg(data.monthlyReturns),",
        "  empty: R.equityChartSvg({t: [], v: []}, {}),",
        "  inr: R.formatInr(1234567.891),",
        "  inrNegative: R.formatInr(-100000),",
        "  date: R.istDate(data.equity.t[0])",
        "}));"));

    Process p = new ProcessBuilder("node", harness.toString(), data.toString(), js.toString())
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();

    JsonNode result = MAPPER.readTree(new String(out, StandardCharsets.UTF_8));
    String equity = result.get("equity").asText();
    assertThat(equity).startsWith("<svg class=\"chart equity\"").endsWith("</svg>");
    int start = equity.indexOf("<path class=\"line\" d=\"") + "<path class=\"line\" d=\"".length();
    String path = equity.substring(start, equity.indexOf('"', start));
    assertThat(path).matches("M[0-9.]+ [0-9.]+(?:L[0-9.]+ [0-9.]+)++");
    assertThat(r.run().equity().size()).isEqualTo(3_000);
    assertThat(count(path, "L") + 1).isLessThanOrEqualTo(2_000).isGreaterThan(1_000);
    String drawdown = result.get("drawdown").asText();
    assertThat(drawdown).startsWith("<svg class=\"chart drawdown\"").contains("<path class=\"area\"");
    String monthly = result.get("monthly").asText();
    assertThat(r.monthlyReturns()).hasSize(3);
    assertThat(count(monthly, "<rect class=\"m\"")).isEqualTo(r.monthlyReturns().size());
    assertThat(monthly).contains("<title>Jan 2025: ").contains("<title>Mar 2025: ").contains(">2025</text>");
    assertThat(result.get("empty").asText()).contains("No data");
    assertThat(result.get("inr").asText()).isEqualTo("₹12,34,567.89");
    assertThat(result.get("inrNegative").asText()).isEqualTo("-₹1,00,000.00");
    assertThat(result.get("date").asText()).isEqualTo("2025-01-06");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
