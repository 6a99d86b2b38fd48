package io.aitrader.core.backtest.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.aitrader.core.backtest.EquitySeries;
import io.aitrader.core.backtest.RunSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Map;

/**
 * The data the report's charts are drawn from, as compact JSON safe to embed in a {@code <script>} element: every
 * {@code <} is written as {@code \u003c}, so no string (an instrument id, a warning) can close the element.
 */
final class ReportData {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private ReportData() {}

  static String json(BacktestResult r, String title) {
    StringWriter out = new StringWriter(64 * 1024);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      RunSettings s = r.run().settings();
      EquitySeries eq = r.run().equity();
      g.writeStartObject();
      g.writeStringField("schema", ResultJson.SCHEMA);
      g.writeStringField("title", title);
      g.writeStringField("strategyId", s.strategyId());
      g.writeArrayFieldStart("instruments");
      for (String i : s.instruments()) {
        g.writeString(i);
      }
      g.writeEndArray();
      g.writeStringField("from", s.from().toString());
      g.writeStringField("to", s.to().toString());
      ResultJson.money(g, "startingCash", s.startingCash());
      g.writeNumberField("points", eq.size());
      int n = eq.size();
      double[] equity = new double[n];
      double[] drawdown = new double[n];
      long peak = s.startingCash().units();
      for (int i = 0; i < n; i++) {
        long e = eq.equityUnits(i);
        peak = Math.max(peak, e);
        equity[i] = e;
        drawdown[i] = peak > 0 ? (double) (e - peak) / (double) peak : 0.0;
      }
      g.writeObjectFieldStart("equity");
      int[] keep = Downsample.indices(equity, Downsample.MAX_POINTS);
      times(g, eq, keep);
      g.writeArrayFieldStart("v");
      for (int i : keep) {
        g.writeNumber(Formats.money(eq.equityUnits(i)));
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("drawdown");
      keep = Downsample.indices(drawdown, Downsample.MAX_POINTS);
      times(g, eq, keep);
      g.writeArrayFieldStart("v");
      for (int i : keep) {
        g.writeNumber(Formats.ratio(drawdown[i]));
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("monthlyReturns");
      for (Map.Entry<YearMonth, Double> e : r.monthlyReturns().entrySet()) {
        g.writeFieldName(e.getKey().toString());
        g.writeNumber(Formats.ratio(e.getValue()));
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not build the report data: " + e.getMessage(), e);
    }
    return out.toString().replace("<", "\\u003c");
  }

  private static void times(JsonGenerator g, EquitySeries eq, int[] keep) throws IOException {
    g.writeArrayFieldStart("t");
    for (int i : keep) {
      g.writeNumber(eq.timeMillis(i));
    }
    g.writeEndArray();
  }
}
