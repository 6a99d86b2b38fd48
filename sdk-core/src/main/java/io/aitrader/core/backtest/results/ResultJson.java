package io.aitrader.core.backtest.results;

import static io.aitrader.api.ValidationException.required;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.aitrader.api.money.Money;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.portfolio.Position;
import io.aitrader.core.backtest.BacktestRun;
import io.aitrader.core.backtest.RunFingerprint;
import io.aitrader.core.backtest.RunSettings;
import io.aitrader.core.execution.ExecutionSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Writes {@code result.json}: schema {@value #SCHEMA}, documented field by field in {@code docs/backtest-results.md}.
 * Top-level keys in this order: {@code schema, settings, fingerprint, metrics, perInstrument, monthlyReturns,
 * dailyEquity, execution, warnings, openTrades, trades}. Pretty-printed (two spaces, {@code "\n"} line ends), UTF-8.
 * Money is a JSON number with exactly four decimals written from the exact value; ratios are rounded half-even to
 * 10 significant digits; undefined numbers are {@code null}; times are ISO-8601 at {@code +05:30}. The output
 * depends on the result only: the same result gives a byte-identical file.
 *
 * <pre>{@code
 * ResultJson.write(result, Path.of("out/result.json"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ResultJson {
  /** The schema id written as the first field; the suffix is bumped on an incompatible change. */
  public static final String SCHEMA = "aitrader.backtest.result/1";

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private ResultJson() {}

  /** Writes the JSON to {@code out} (flushed, not closed). */
  public static void write(BacktestResult result, Writer out) {
    required(result, "result");
    required(out, "out");
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(prettyPrinter());
      writeResult(g, result);
      g.writeRaw('\n');
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write result.json: " + e.getMessage(), e);
    }
  }

  /** Writes the JSON to {@code file} (UTF-8), replacing it; the parent directory must exist. */
  public static void write(BacktestResult result, Path file) {
    required(file, "file");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(result, w);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
    }
  }

  static DefaultPrettyPrinter prettyPrinter() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }

  private static void writeResult(JsonGenerator g, BacktestResult r) throws IOException {
    BacktestRun run = r.run();
    g.writeStartObject();
    g.writeStringField("schema", SCHEMA);
    g.writeFieldName("settings");
    settings(g, run.settings());
    g.writeFieldName("fingerprint");
    fingerprint(g, run.fingerprint());
    g.writeFieldName("metrics");
    metrics(g, r.metrics());
    g.writeArrayFieldStart("perInstrument");
    for (InstrumentMetrics m : r.perInstrument()) {
      g.writeStartObject();
      g.writeStringField("instrument", m.instrumentId());
      g.writeNumberField("bars", m.bars());
      g.writeNumberField("trades", m.trades());
      g.writeNumberField("wins", m.wins());
      ratio(g, "winRate", m.winRate());
      money(g, "tradedValue", m.tradedValue());
      money(g, "grossPnl", m.grossPnl());
      money(g, "charges", m.charges());
      money(g, "netPnl", m.netPnl());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("monthlyReturns");
    for (Map.Entry<YearMonth, Double> e : r.monthlyReturns().entrySet()) {
      ratio(g, e.getKey().toString(), e.getValue());
    }
    g.writeEndObject();
    dailyEquity(g, r);
    g.writeFieldName("execution");
    execution(g, run.execution());
    g.writeArrayFieldStart("warnings");
    for (String w : run.warnings()) {
      g.writeString(w);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("openTrades");
    for (OpenTrade t : r.openTrades()) {
      openTrade(g, t);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("trades");
    for (Trade t : r.trades()) {
      trade(g, t);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void settings(JsonGenerator g, RunSettings s) throws IOException {
    g.writeStartObject();
    g.writeStringField("strategyId", s.strategyId());
    stringMap(g, "parameters", s.parameters());
    g.writeArrayFieldStart("instruments");
    for (String i : s.instruments()) {
      g.writeString(i);
    }
    g.writeEndArray();
    g.writeStringField("interval", s.interval().label());
    g.writeStringField("from", s.from().toString());
    g.writeStringField("to", s.to().toString());
    money(g, "startingCash", s.startingCash());
    g.writeStringField("data", s.data());
    g.writeStringField("fillConvention", s.fillConvention());
    g.writeStringField("charges", s.charges());
    g.writeEndObject();
  }

  private static void fingerprint(JsonGenerator g, RunFingerprint f) throws IOException {
    g.writeStartObject();
    g.writeStringField("dataSha256", f.dataSha256());
    g.writeNumberField("bars", f.bars());
    g.writeStringField("strategyId", f.strategyId());
    stringMap(g, "parameters", f.parameters());
    g.writeStringField("modelVersion", f.modelVersion());
    g.writeStringField("chargesVersion", f.chargesVersion());
    g.writeStringField("codeVersion", f.codeVersion());
    g.writeStringField("runId", f.runId());
    g.writeEndObject();
  }

  private static void metrics(JsonGenerator g, Metrics m) throws IOException {
    g.writeStartObject();
    money(g, "startingEquity", m.startingEquity());
    money(g, "endingEquity", m.endingEquity());
    ratio(g, "totalReturn", m.totalReturn());
    ratio(g, "annualizedReturn", m.annualizedReturn());
    ratio(g, "annualizedVolatility", m.annualizedVolatility());
    ratio(g, "sharpe", m.sharpe());
    ratio(g, "sortino", m.sortino());
    ratio(g, "calmar", m.calmar());
    ratio(g, "maxDrawdown", m.maxDrawdown());
    money(g, "maxDrawdownMoney", m.maxDrawdownMoney());
    g.writeNumberField("maxDrawdownDurationMillis", m.maxDrawdownDurationMillis());
    time(g, "maxDrawdownDurationStart", m.maxDrawdownDurationStartMillis());
    time(g, "maxDrawdownDurationEnd", m.maxDrawdownDurationEndMillis());
    g.writeBooleanField("maxDrawdownRecovered", m.maxDrawdownRecovered());
    g.writeNumberField("tradingDays", m.tradingDays());
    g.writeNumberField("sessions", m.sessions());
    g.writeNumberField("trades", m.trades());
    g.writeNumberField("winningTrades", m.winningTrades());
    g.writeNumberField("losingTrades", m.losingTrades());
    ratio(g, "winRate", m.winRate());
    ratio(g, "profitFactor", m.profitFactor());
    money(g, "averageWin", m.averageWin());
    money(g, "averageLoss", m.averageLoss());
    money(g, "expectancy", m.expectancy());
    ratio(g, "exposure", m.exposure());
    money(g, "averageGrossExposure", m.averageGrossExposure());
    ratio(g, "turnover", m.turnover());
    money(g, "tradedValue", m.tradedValue());
    money(g, "grossPnl", m.grossPnl());
    money(g, "charges", m.charges());
    g.writeFieldName("chargeItems");
    charges(g, m.chargeItems());
    ratio(g, "chargesShareOfGross", m.chargesShareOfGross());
    money(g, "netPnl", m.netPnl());
    g.writeEndObject();
  }

  private static void dailyEquity(JsonGenerator g, BacktestResult r) throws IOException {
    g.writeArrayFieldStart("dailyEquity");
    long base = r.metrics().startingEquity().units();
    for (Map.Entry<LocalDate, Money> e : r.dailyEquity().entrySet()) {
      long equity = e.getValue().units();
      g.writeStartObject();
      g.writeStringField("date", e.getKey().toString());
      money(g, "equity", e.getValue());
      ratio(g, "return", base > 0 ? OptionalDouble.of((double) (equity - base) / (double) base)
          : OptionalDouble.empty());
      g.writeEndObject();
      base = equity;
    }
    g.writeEndArray();
  }

  private static void execution(JsonGenerator g, ExecutionSummary x) throws IOException {
    g.writeStartObject();
    g.writeNumberField("submitted", x.submitted());
    g.writeNumberField("placed", x.placed());
    g.writeNumberField("filled", x.filled());
    g.writeNumberField("partiallyFilled", x.partiallyFilled());
    g.writeNumberField("cancelled", x.cancelled());
    g.writeNumberField("rejected", x.rejected());
    g.writeObjectFieldStart("rejectionReasons");
    for (Map.Entry<String, Long> e : x.rejectionReasons().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("fills", x.fills());
    g.writeFieldName("charges");
    charges(g, x.charges());
    money(g, "realizedPnl", x.realizedPnl());
    money(g, "unrealizedPnl", x.unrealizedPnl());
    money(g, "grossPnl", x.grossPnl());
    money(g, "netPnl", x.netPnl());
    g.writeArrayFieldStart("openPositions");
    for (Position p : x.openPositions()) {
      g.writeStartObject();
      g.writeStringField("instrument", p.instrument().id());
      g.writeStringField("product", p.product().name());
      g.writeNumberField("netQuantity", p.netQuantity());
      g.writeFieldName("averagePrice");
      g.writeNumber(Formats.money(p.averagePrice().units()));
      money(g, "costBasis", p.costBasis());
      money(g, "realizedPnl", p.realizedPnl());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void charges(JsonGenerator g, Charges c) throws IOException {
    g.writeStartObject();
    money(g, "brokerage", c.brokerage());
    money(g, "stt", c.stt());
    money(g, "exchangeCharges", c.exchangeCharges());
    money(g, "sebiFee", c.sebiFee());
    money(g, "stampDuty", c.stampDuty());
    money(g, "gst", c.gst());
    money(g, "dpCharges", c.dpCharges());
    money(g, "ipft", c.ipft());
    money(g, "total", c.total());
    g.writeEndObject();
  }

  private static void trade(JsonGenerator g, Trade t) throws IOException {
    g.writeStartObject();
    g.writeStringField("instrument", t.instrumentId());
    g.writeStringField("product", t.product().name());
    g.writeStringField("direction", t.direction().name());
    g.writeNumberField("quantity", t.quantity());
    g.writeStringField("entryTime", Formats.time(t.entryTimeMillis()));
    g.writeFieldName("entryPrice");
    g.writeNumber(Formats.money(t.entryPrice().units()));
    g.writeStringField("exitTime", Formats.time(t.exitTimeMillis()));
    g.writeFieldName("exitPrice");
    g.writeNumber(Formats.money(t.exitPrice().units()));
    money(g, "grossPnl", t.grossPnl());
    money(g, "charges", t.charges());
    money(g, "netPnl", t.netPnl());
    g.writeNumberField("fills", t.fills());
    g.writeEndObject();
  }

  private static void openTrade(JsonGenerator g, OpenTrade t) throws IOException {
    g.writeStartObject();
    g.writeStringField("instrument", t.instrumentId());
    g.writeStringField("product", t.product().name());
    g.writeStringField("direction", t.direction().name());
    g.writeNumberField("quantity", t.quantity());
    g.writeNumberField("maxQuantity", t.maxQuantity());
    g.writeStringField("entryTime", Formats.time(t.entryTimeMillis()));
    g.writeFieldName("entryPrice");
    g.writeNumber(Formats.money(t.entryPrice().units()));
    g.writeStringField("lastFillTime", Formats.time(t.lastFillTimeMillis()));
    money(g, "cashFlow", t.cashFlow());
    money(g, "charges", t.charges());
    g.writeNumberField("fills", t.fills());
    g.writeEndObject();
  }

  private static void stringMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, String> e : map.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  static void money(JsonGenerator g, String name, Money m) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(Formats.money(m.units()));
  }

  private static void money(JsonGenerator g, String name, Optional<Money> m) throws IOException {
    if (m.isPresent()) {
      money(g, name, m.get());
    } else {
      g.writeNullField(name);
    }
  }

  private static void ratio(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(Formats.ratio(v));
  }

  private static void ratio(JsonGenerator g, String name, OptionalDouble v) throws IOException {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      ratio(g, name, v.getAsDouble());
    } else {
      g.writeNullField(name);
    }
  }

  private static void time(JsonGenerator g, String name, OptionalLong millis) throws IOException {
    if (millis.isPresent()) {
      g.writeStringField(name, Formats.time(millis.getAsLong()));
    } else {
      g.writeNullField(name);
    }
  }
}
