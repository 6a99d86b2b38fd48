package io.aitrader.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code aitrader demo --broker groww-fake}: the whole system through the real Groww adapter against the fake. */
class DemoGrowwFakeTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return AitraderCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void tradesTheSessionThroughTheGrowwAdapterAgainstTheFake() {
    int code = run("demo", "--broker", "groww-fake", "--symbols", "RELIANCE,TCS,INFY,SBIN", "--date", "2025-06-02",
        "--no-audit");

    assertThat(code).as(err.toString()).isZero();
    String text = out.toString();
    // every LTP the fake published over NATS arrived as a quote: 4 instruments x 375 minutes x 4 ticks
    assertThat(text).contains("quotes in     6,000").contains("6,000 LTP messages published, 6,000 quotes delivered")
        .containsPattern("bars out +1m 1,500 ");
    Matcher placed = Pattern.compile("(\\d+) orders placed through the REST adapter").matcher(text);
    assertThat(placed.find()).as(text).isTrue();
    assertThat(Integer.parseInt(placed.group(1))).as("orders reached the fake through GrowwBroker").isPositive();
    Matcher fills = Pattern.compile("fills +(\\d+)").matcher(text);
    assertThat(fills.find()).as(text).isTrue();
    assertThat(Integer.parseInt(fills.group(1))).as("fills came back from the fake's order book").isPositive();
  }

  @Test
  void refusesAnUnknownBrokerNamingTheChoices() {
    int code = run("demo", "--broker", "zerodha", "--no-audit");

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--broker must be paper or groww-fake, was 'zerodha'");
  }
}
