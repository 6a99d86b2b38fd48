package io.aitrader.core.backtest.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

  @Test
  void writesTheThreeFilesIntoANewDirectory(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("runs").resolve("ema-rsi");

    ReportFiles files = ReportFiles.writeAll(BacktestResult.of(ResultJsonTest.sampleRun()), target, List.of());

    assertThat(files.resultJson()).isEqualTo(target.resolve("result.json")).isRegularFile();
    assertThat(files.tradesCsv()).isEqualTo(target.resolve("trades.csv")).isRegularFile();
    assertThat(files.reportHtml()).isEqualTo(target.resolve("report.html")).isRegularFile();
    assertThat(Files.readString(files.resultJson())).startsWith("{\n  \"schema\"");
    assertThat(Files.readString(files.tradesCsv())).startsWith(TradesCsv.HEADER + "\n");
    assertThat(Files.readString(files.reportHtml())).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
  }

  @Test
  void aReportTableRowMustMatchItsHeader() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReportTable("Windows", List.of("a", "b"),
        List.of(List.of("only one")))).hasMessageContaining("ReportTable.rows must each have 2 cells");
  }
}
