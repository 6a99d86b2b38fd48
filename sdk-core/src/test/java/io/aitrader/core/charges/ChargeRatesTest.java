package io.aitrader.core.charges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.instrument.Exchange;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChargeRatesTest {
  private static final long JAN_1_2023 = LocalDate.of(2023, 1, 1).toEpochDay();
  private final ChargeRates bundled = ChargeRates.bundled();

  @Test
  void bundledFileParsesWithASourceOnEveryRowAndNoDuplicateRates() {
    Set<String> identities = new HashSet<>();
    for (RateRow r : bundled.rows()) {
      assertThat(r.source).as("source of line %d", r.line).isNotBlank();
      assertThat(identities.add(r.component + "," + r.key() + "," + r.from)).as("line %d unique", r.line).isTrue();
    }
    assertThat(bundled.rows()).hasSizeGreaterThan(40);
  }

  @Test
  void bundledFileCoversEveryNseAndBseComponentFrom2023() {
    for (ChargeComponent c : ChargeComponent.values()) {
      for (Exchange e : new Exchange[] {Exchange.NSE, Exchange.BSE}) {
        for (TradeKind k : TradeKind.values()) {
          if (c.appliesTo(k)) {
            assertThat(bundled.find(c, e, k, JAN_1_2023)).as("%s %s %s on 2023-01-01", c, e, k).isNotNull();
          }
        }
      }
    }
  }

  @Test
  void bundledFileHasNoCommodityRates() {
    assertThat(bundled.find(ChargeComponent.EXCHANGE, Exchange.MCX, TradeKind.FUTURES, JAN_1_2023 + 1000)).isNull();
  }

  @Test
  void bundledFileCarriesTheOctober2024Changes() {
    long sep30 = LocalDate.of(2024, 9, 30).toEpochDay();
    long oct1 = sep30 + 1;
    assertThat(rate(ChargeComponent.STT, Exchange.NSE, TradeKind.OPTIONS, sep30)).isEqualByComparingTo("0.0625");
    assertThat(rate(ChargeComponent.STT, Exchange.NSE, TradeKind.OPTIONS, oct1)).isEqualByComparingTo("0.1");
    assertThat(rate(ChargeComponent.EXCHANGE, Exchange.NSE, TradeKind.EQUITY_DELIVERY, sep30))
        .isEqualByComparingTo("0.00325");
    assertThat(rate(ChargeComponent.EXCHANGE, Exchange.NSE, TradeKind.EQUITY_DELIVERY, oct1))
        .isEqualByComparingTo("0.00297");
    assertThat(rate(ChargeComponent.EXCHANGE, Exchange.BSE, TradeKind.OPTIONS, oct1)).isEqualByComparingTo("3250");
  }

  @Test
  void reportsEveryBadLineAtOnceWithItsLineNumber() {
    String text = String.join("\n",
        "# comment",
        "STT,*,DELIVERY,2023-01-01,0.1,PCT,BOTH,-,ok",
        "FEE,*,DELIVERY,2023-01-01,0.1,PCT,BOTH,-,unknown component",
        "STT,*,WEEKLY,2023-13-01,-1,PCT,BOTH,-,bad kind date and rate",
        "STT,*,DELIVERY,2023-01-01,0.1,PCT,BOTH,-,duplicate of line 2",
        "SEBI,*,*,2023-01-01,10,PER_CRORE,BOTH,-,",
        "SEBI,*,*,2023-01-01,0.00000000001,PCT,BOTH,-,too precise",
        "STAMP,*,*,2023-01-01,5,RUPEES,BUY,-,flat is for DP only",
        "too,few,columns");

    assertThatThrownBy(() -> ChargeRates.parse(new StringReader(text), "bad.csv"))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p).startsWith("bad.csv line 3: bad component 'FEE'"))
            .anySatisfy(p -> assertThat(p).startsWith("bad.csv line 4: bad kind 'WEEKLY'"))
            .anySatisfy(p -> assertThat(p).startsWith("bad.csv line 4: bad effective_from '2023-13-01'"))
            .anySatisfy(p -> assertThat(p).startsWith("bad.csv line 4: rate must be >= 0"))
            .anySatisfy(p -> assertThat(p).startsWith("bad.csv line 5: duplicate rate").contains("line 2"))
            .anySatisfy(p -> assertThat(p).startsWith("bad.csv line 6: missing source"))
            .anySatisfy(p -> assertThat(p).startsWith("bad.csv line 7: rate 0.00000000001 PCT is too precise"))
            .anySatisfy(p -> assertThat(p).startsWith("bad.csv line 8: unit RUPEES is only for DP"))
            .anySatisfy(p -> assertThat(p).startsWith("bad.csv line 9: expected 9 columns"))
            .hasSize(9));
  }

  @Test
  void rejectsACombinationGivenByBothAWildcardAndAnExactKey() {
    String text = String.join("\n",
        "SEBI,*,*,2023-01-01,10,PER_CRORE,BOTH,-,all",
        "SEBI,NSE,OPTIONS,2024-01-01,12,PER_CRORE,BOTH,-,overlaps the wildcard row");

    assertThatThrownBy(() -> ChargeRates.parse(new StringReader(text), "overlap.csv"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("SEBI for NSE,OPTIONS is given by more than one key [*,*, NSE,OPTIONS]");
  }

  @Test
  void picksTheLatestRowOnOrBeforeTheDate(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rates.csv");
    Files.writeString(file, String.join("\n",
        "STT,NSE,FUTURES,2024-10-01,0.02,PCT,SELL,-,later",
        "STT,NSE,FUTURES,2023-04-01,0.0125,PCT,SELL,-,earlier"), StandardCharsets.UTF_8);
    ChargeRates rates = ChargeRates.from(file);
    long oct1 = LocalDate.of(2024, 10, 1).toEpochDay();

    assertThat(rates.find(ChargeComponent.STT, Exchange.NSE, TradeKind.FUTURES, oct1 - 1).source).isEqualTo("earlier");
    assertThat(rates.find(ChargeComponent.STT, Exchange.NSE, TradeKind.FUTURES, oct1).source).isEqualTo("later");
    assertThat(rates.find(ChargeComponent.STT, Exchange.NSE, TradeKind.FUTURES, JAN_1_2023)).isNull();
    assertThat(rates.find(ChargeComponent.STT, Exchange.BSE, TradeKind.FUTURES, oct1)).isNull();
  }

  @Test
  void roundsHalfUpToThePaisaExactlyEvenBeyondSixtyFourBits() {
    // 10,125.00 × 0.1% = 10.125 -> 10.13
    assertThat(RateMath.applyRate(101_250_000L, 10_000_000L)).isEqualTo(101_300L);
    // 10,124.90 × 0.1% = 10.1249 -> 10.12
    assertThat(RateMath.applyRate(101_249_000L, 10_000_000L)).isEqualTo(101_200L);
    // ₹5,000 crore × 0.1% = ₹5 crore: the product overflows a long and takes the 128-bit path
    long fiveThousandCrore = 50_000_000_000L * 10_000L;
    assertThat(RateMath.applyRate(fiveThousandCrore, 10_000_000L)).isEqualTo(50_000_000L * 10_000L);
  }

  private BigDecimal rate(ChargeComponent c, Exchange e, TradeKind k, long day) {
    RateRow r = bundled.find(c, e, k, day);
    assertThat(r).isNotNull();
    return r.rate;
  }
}
