package io.aitrader.core.backtest.results;

import static io.aitrader.core.backtest.results.TestRuns.RELIANCE;
import static io.aitrader.core.backtest.results.TestRuns.fill;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aitrader.api.order.Side;
import io.aitrader.core.backtest.BacktestRun;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static BacktestRun sampleRun() {
    return TestRuns.run()
        .fill(fill(RELIANCE, Side.BUY, 10, "100", "2025-01-06T10:15", "1"))
        .fill(fill(RELIANCE, Side.SELL, 10, "110", "2025-01-06T14:00", "2"))
        .fill(fill(RELIANCE, Side.BUY, 5, "108.05", "2025-01-07T10:15", "0.5"))
        .point("2025-01-06T10:15", "99999", "1000")
        .point("2025-01-06T15:30", "100097", "0")
        .point("2025-01-07T15:30", "100101.25", "545")
        .bars("NSE:RELIANCE", 150)
        .bars("NSE:INFY", 150)
        .warning("MIS position in NSE:RELIANCE left open at 2025-01-07 15:30")
        .build();
  }

  private static String json(BacktestResult r) {
    StringWriter w = new StringWriter();
    ResultJson.write(r, w);
    return w.toString();
  }

  @Test
  void writesTheTopLevelKeysInTheDocumentedOrder() throws Exception {
    JsonNode root = MAPPER.readTree(json(BacktestResult.of(sampleRun())));

    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("schema", "settings", "fingerprint", "metrics", "perInstrument",
        "monthlyReturns", "dailyEquity", "execution", "warnings", "openTrades", "trades");
    assertThat(root.get("schema").asText()).isEqualTo("aitrader.backtest.result/1");
  }

  @Test
  void writesSettingsFingerprintAndMetricsThatParseBack() throws Exception {
    BacktestResult r = BacktestResult.of(sampleRun());

    JsonNode root = MAPPER.readTree(json(r));

    JsonNode s = root.get("settings");
    assertThat(s.get("strategyId").asText()).isEqualTo("ema-rsi");
    assertThat(s.get("parameters").get("fast").asText()).isEqualTo("5");
    assertThat(s.get("instruments").get(0).asText()).isEqualTo("NSE:RELIANCE");
    assertThat(s.get("interval").asText()).isEqualTo("5m");
    assertThat(s.get("from").asText()).isEqualTo("2025-01-01");
    assertThat(s.get("startingCash").decimalValue()).isEqualByComparingTo("100000");
    JsonNode fp = root.get("fingerprint");
    assertThat(fp.get("runId").asText()).isEqualTo(r.run().fingerprint().runId()).hasSize(64);
    assertThat(fp.get("bars").asLong()).isEqualTo(1234);
    JsonNode m = root.get("metrics");
    assertThat(m.get("netPnl").decimalValue()).isEqualByComparingTo("101.25");
    assertThat(m.get("charges").decimalValue()).isEqualByComparingTo("3.5");
    assertThat(m.get("grossPnl").decimalValue()).isEqualByComparingTo("104.75");
    assertThat(m.get("chargeItems").get("brokerage").decimalValue()).isEqualByComparingTo("3.5");
    assertThat(m.get("trades").asInt()).isEqualTo(1);
    assertThat(m.get("winRate").asDouble()).isEqualTo(1.0);
    assertThat(m.get("tradingDays").asInt()).isEqualTo(2);
    assertThat(m.get("sharpe").asDouble()).isEqualTo(Double.parseDouble(Formats.ratio(r.metrics().sharpe()
        .getAsDouble())));
    assertThat(m.get("maxDrawdownDurationStart").asText()).isEqualTo("2025-01-06T10:15:00+05:30");
  }

  @Test
  void writesUndefinedNumbersAsNull() throws Exception {
    JsonNode m = MAPPER.readTree(json(BacktestResult.of(sampleRun()))).get("metrics");

    assertThat(m.get("profitFactor").isNull()).isTrue();   // no losing trade
    assertThat(m.get("averageLoss").isNull()).isTrue();
    assertThat(m.get("sortino").isNull()).isTrue();        // no losing day
    JsonNode empty = MAPPER.readTree(json(BacktestResult.of(TestRuns.run().build()))).get("metrics");
    assertThat(empty.get("sharpe").isNull()).isTrue();
    assertThat(empty.get("maxDrawdownDurationStart").isNull()).isTrue();
    assertThat(empty.get("winRate").isNull()).isTrue();
  }

  @Test
  void writesMoneyWithExactlyFourDecimalsAndTradesOpenTradesAndDailyEquity() throws Exception {
    String text = json(BacktestResult.of(sampleRun()));
    JsonNode root = MAPPER.readTree(text);

    assertThat(text).contains("\"netPnl\": 101.2500\n").contains("\"startingCash\": 100000.0000,");
    JsonNode t = root.get("trades").get(0);
    assertThat(t.get("instrument").asText()).isEqualTo("NSE:RELIANCE");
    assertThat(t.get("direction").asText()).isEqualTo("LONG");
    assertThat(t.get("entryTime").asText()).isEqualTo("2025-01-06T10:15:00+05:30");
    assertThat(t.get("entryPrice").decimalValue()).isEqualByComparingTo("100");
    assertThat(text).contains("\"entryPrice\": 100.0000,").contains("\"netPnl\": 97.0000,");
    assertThat(t.get("netPnl").decimalValue()).isEqualByComparingTo("97");
    assertThat(t.get("fills").asInt()).isEqualTo(2);
    JsonNode o = root.get("openTrades").get(0);
    assertThat(o.get("quantity").asLong()).isEqualTo(5);
    assertThat(o.get("cashFlow").decimalValue()).isEqualByComparingTo("-540.25");
    JsonNode d = root.get("dailyEquity");
    assertThat(d).hasSize(2);
    assertThat(d.get(1).get("date").asText()).isEqualTo("2025-01-07");
    assertThat(d.get(1).get("equity").decimalValue()).isEqualByComparingTo("100101.25");
    assertThat(root.get("monthlyReturns").get("2025-01").asDouble()).isCloseTo(0.0010125, org.assertj.core.api
        .Assertions.within(1e-12));
    assertThat(root.get("perInstrument")).hasSize(2);
    assertThat(root.get("warnings").get(0).asText()).startsWith("MIS position");
    assertThat(root.get("execution").get("rejectionReasons").get("risk: max position value exceeded").asLong())
        .isEqualTo(1);
  }

  @Test
  void isPrettyPrintedWithNewlinesOnly() {
    String text = json(BacktestResult.of(sampleRun()));

    assertThat(text).startsWith("{\n  \"schema\": \"aitrader.backtest.result/1\",\n  \"settings\": {\n")
        .endsWith("}\n").doesNotContain("\r").doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void twoWritesOfTheSameRunAreByteIdentical(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");

    ResultJson.write(BacktestResult.of(sampleRun()), a);
    ResultJson.write(BacktestResult.of(sampleRun()), b);

    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(new String(Files.readAllBytes(a), StandardCharsets.UTF_8)).contains("\"trades\": [");
  }
}
