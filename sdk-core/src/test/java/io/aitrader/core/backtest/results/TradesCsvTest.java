package io.aitrader.core.backtest.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradesCsvTest {

  @Test
  void writesTheHeaderAndOneExactRowPerClosedTrade(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trades.csv");

    TradesCsv.write(BacktestResult.of(ResultJsonTest.sampleRun()), file);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).containsExactly(
        "instrument,product,direction,quantity,entry_time,entry_price,exit_time,exit_price,gross_pnl,charges,"
            + "net_pnl,fills",
        "NSE:RELIANCE,MIS,LONG,10,2025-01-06T10:15:00+05:30,100.0000,2025-01-06T14:00:00+05:30,110.0000,"
            + "100.0000,3.0000,97.0000,2");
    assertThat(Files.readString(file)).doesNotContain("\r").endsWith("2\n");
  }

  @Test
  void quotesAFieldOnlyWhenItNeedsIt() {
    assertThat(TradesCsv.field("NSE:RELIANCE")).isEqualTo("NSE:RELIANCE");
    assertThat(TradesCsv.field("A,B")).isEqualTo("\"A,B\"");
    assertThat(TradesCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }
}
