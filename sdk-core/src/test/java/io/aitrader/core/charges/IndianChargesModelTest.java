package io.aitrader.core.charges;

import static io.aitrader.core.charges.ChargesFixtures.CRUDE;
import static io.aitrader.core.charges.ChargesFixtures.JUNE_10_2025;
import static io.aitrader.core.charges.ChargesFixtures.NIFTY_CE;
import static io.aitrader.core.charges.ChargesFixtures.NIFTY_FUT;
import static io.aitrader.core.charges.ChargesFixtures.RELIANCE;
import static io.aitrader.core.charges.ChargesFixtures.RELIANCE_BSE;
import static io.aitrader.core.charges.ChargesFixtures.charges;
import static io.aitrader.core.charges.ChargesFixtures.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.money.Money;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IndianChargesModelTest {
  private final IndianChargesModel model = IndianChargesModel.groww();
  private final IndianChargesModel noBrokerage =
      IndianChargesModel.builder().rates(ChargeRates.bundled()).brokerage(BrokerageSchedule.zero()).build();

  @Test
  void usesTheRatesInForceOnTheFillsIstTradeDate() {
    // SELL 75 NIFTY CE @ 135.00 = premium 10,125.00, no brokerage.
    // 2023-02-15: STT 0.05% = 5.0625 -> 5.06; exchange 0.053% = 5.36625 -> 5.37; SEBI 0.01;
    //             IPFT ₹0.01/crore = 0.0000101 -> 0.00; GST 18% × (5.37 + 0.01) = 0.9684 -> 0.97
    assertThat(sellOption(LocalDate.of(2023, 2, 15)))
        .isEqualTo(charges("0", "5.06", "5.37", "0.01", "0", "0.97", "0", "0"));
    // 2023-06-15: STT 0.0625% = 6.328125 -> 6.33; exchange 0.05% = 5.0625 -> 5.06; SEBI 0.01;
    //             IPFT ₹50/crore = 0.050625 -> 0.05; GST 18% × (5.06 + 0.01 + 0.05) = 0.9216 -> 0.92
    assertThat(sellOption(LocalDate.of(2023, 6, 15)))
        .isEqualTo(charges("0", "6.33", "5.06", "0.01", "0", "0.92", "0", "0.05"));
    // 2025-06-10: STT 0.1% = 10.125 -> 10.13; exchange 0.03503% = 3.5467875 -> 3.55;
    //             GST 18% × (3.55 + 0.01 + 0.05) = 0.6498 -> 0.65
    assertThat(sellOption(JUNE_10_2025))
        .isEqualTo(charges("0", "10.13", "3.55", "0.01", "0", "0.65", "0", "0.05"));
    // 2026-05-04 (Finance Act 2026): STT 0.15% = 15.1875 -> 15.19
    assertThat(sellOption(LocalDate.of(2026, 5, 4)).stt()).isEqualTo(Money.of("15.19"));
  }

  @Test
  void switchesFuturesSttOnTheEffectiveDate() {
    // SELL 75 NIFTY FUT @ 24,900 = 18,67,500.00: 0.0125% = 233.4375 -> 233.44 until 2024-09-30, 0.02% = 373.50 after
    assertThat(noBrokerage.chargesFor(fill("F-1", NIFTY_FUT, Side.SELL, 75, "24900", LocalDate.of(2024, 9, 30),
        Product.NRML)).stt()).isEqualTo(Money.of("233.44"));
    assertThat(noBrokerage.chargesFor(fill("F-2", NIFTY_FUT, Side.SELL, 75, "24900", LocalDate.of(2024, 10, 1),
        Product.NRML)).stt()).isEqualTo(Money.of("373.50"));
  }

  @Test
  void chargesDpOncePerScripPerDay() {
    Charges first = model.chargesFor(fill("D-1", RELIANCE, Side.SELL, 5, "2600", JUNE_10_2025, Product.CNC));
    Charges second = model.chargesFor(fill("D-2", RELIANCE, Side.SELL, 5, "2610", JUNE_10_2025, Product.CNC));
    Charges sameIsinOnBse = model.chargesFor(fill("D-3", RELIANCE_BSE, Side.SELL, 5, "2605", JUNE_10_2025,
        Product.CNC));
    Charges nextDay = model.chargesFor(fill("D-4", RELIANCE, Side.SELL, 5, "2600", JUNE_10_2025.plusDays(1),
        Product.CNC));

    assertThat(first.dpCharges()).isEqualTo(Money.of("20.00"));
    assertThat(second.dpCharges()).isEqualTo(Money.ZERO);
    assertThat(sameIsinOnBse.dpCharges()).isEqualTo(Money.ZERO);
    assertThat(nextDay.dpCharges()).isEqualTo(Money.of("20.00"));
  }

  @Test
  void chargesGrowwsDpFeeOnlyOnceTheDaysSaleReachesHundredRupees() {
    // ₹50 sold: only the depository's 3.50; ₹150 sold in all: Groww's 16.50 falls due on the second fill
    Charges small = noBrokerage.chargesFor(fill("S-1", RELIANCE, Side.SELL, 1, "50", JUNE_10_2025, Product.CNC));
    Charges more = noBrokerage.chargesFor(fill("S-2", RELIANCE, Side.SELL, 2, "50", JUNE_10_2025, Product.CNC));

    assertThat(small.dpCharges()).isEqualTo(Money.of("3.50"));
    assertThat(more.dpCharges()).isEqualTo(Money.of("16.50"));
    // GST on the first fill: 18% × (exchange 0.00 + SEBI 0.00 + IPFT 0.00 + DP 3.50) = 0.63
    assertThat(small.gst()).isEqualTo(Money.of("0.63"));
  }

  @Test
  void chargesNoDpOnDeliveryBuysOrIntradaySells() {
    assertThat(model.chargesFor(fill("N-1", RELIANCE, Side.BUY, 5, "2600", JUNE_10_2025, Product.CNC)).dpCharges())
        .isEqualTo(Money.ZERO);
    assertThat(model.chargesFor(fill("N-2", RELIANCE, Side.SELL, 5, "2600", JUNE_10_2025, Product.MIS)).dpCharges())
        .isEqualTo(Money.ZERO);
  }

  @Test
  void partialFillsOfOneOrderAddUpToTheOrdersBrokerage() {
    // three fills of 100 @ 50 (₹5,000 each): brokerage(5,000) = 5.00, (10,000) = 10.00, (15,000) = 15.00
    assertThat(brokerageOf(fill("P-1", RELIANCE, Side.BUY, 100, "50", JUNE_10_2025, Product.CNC))).isEqualTo("5.00");
    assertThat(brokerageOf(fill("P-1", RELIANCE, Side.BUY, 100, "50", JUNE_10_2025, Product.CNC))).isEqualTo("5.00");
    assertThat(brokerageOf(fill("P-1", RELIANCE, Side.BUY, 100, "50", JUNE_10_2025, Product.CNC))).isEqualTo("5.00");
    // three fills of ₹10,000: 10.00, then 20.00 − 10.00 = 10.00, then the ₹20 cap is reached: 0.00
    assertThat(brokerageOf(fill("P-2", RELIANCE, Side.BUY, 200, "50", JUNE_10_2025, Product.CNC))).isEqualTo("10.00");
    assertThat(brokerageOf(fill("P-2", RELIANCE, Side.BUY, 200, "50", JUNE_10_2025, Product.CNC))).isEqualTo("10.00");
    assertThat(brokerageOf(fill("P-2", RELIANCE, Side.BUY, 200, "50", JUNE_10_2025, Product.CNC))).isEqualTo("0.00");
    // an options order in three fills: flat ₹20 on the first, nothing after
    assertThat(brokerageOf(fill("P-3", NIFTY_CE, Side.BUY, 75, "100", JUNE_10_2025, Product.NRML))).isEqualTo("20.00");
    assertThat(brokerageOf(fill("P-3", NIFTY_CE, Side.BUY, 75, "100", JUNE_10_2025, Product.NRML))).isEqualTo("0.00");
    assertThat(brokerageOf(fill("P-3", NIFTY_CE, Side.BUY, 75, "100", JUNE_10_2025, Product.NRML))).isEqualTo("0.00");
  }

  @Test
  void chargesBseAtBseRatesWithoutIpft() {
    // BUY 10 RELIANCE on BSE @ 2534.05 = 25,340.50: exchange 0.00375% = 0.95026875 -> 0.95, IPFT none;
    // GST 18% × (20 + 0.95 + 0.03) = 18% × 20.98 = 3.7764 -> 3.78
    Charges bse = model.chargesFor(fill("B-1", RELIANCE_BSE, Side.BUY, 10, "2534.05", JUNE_10_2025, Product.CNC));
    assertThat(bse).isEqualTo(charges("20.00", "25.34", "0.95", "0.03", "3.80", "3.78", "0", "0"));
  }

  @Test
  void rejectsACommodityFillWithAClearMessage() {
    assertThatThrownBy(() -> model.chargesFor(fill("C-1", CRUDE, Side.BUY, 100, "6500", JUNE_10_2025, Product.NRML)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MCX:CRUDEOIL25JUNFUT")
        .hasMessageContaining("segment COMMODITY")
        .hasMessageContaining("your own ChargesModel");
  }

  @Test
  void rejectsAFillBeforeTheFirstRateNamingTheCombinationAndTheFix() {
    assertThatThrownBy(() -> model.chargesFor(
        fill("E-1", RELIANCE, Side.BUY, 1, "2500", LocalDate.of(2022, 12, 30), Product.CNC)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no STT rate for exchange NSE, kind DELIVERY on 2022-12-30")
        .hasMessageContaining("starts 2023-01-01")
        .hasMessageContaining("ChargeRates.from(path)");
  }

  @Test
  void rejectsAnExchangeTheRatesDoNotCover() {
    String nseOnly = String.join("\n",
        "STT,*,*,2023-01-01,0.1,PCT,BOTH,-,test",
        "EXCHANGE,NSE,*,2023-01-01,0.00297,PCT,BOTH,-,test",
        "SEBI,*,*,2023-01-01,10,PER_CRORE,BOTH,-,test",
        "STAMP,*,*,2023-01-01,0.015,PCT,BUY,-,test",
        "IPFT,*,*,2023-01-01,10,PER_CRORE,BOTH,-,test",
        "GST,*,*,2023-01-01,18,PCT,BOTH,-,test");
    IndianChargesModel m = IndianChargesModel.builder()
        .rates(ChargeRates.parse(new StringReader(nseOnly), "nse-only.csv")).build();

    assertThatThrownBy(() -> m.chargesFor(fill("X-1", RELIANCE_BSE, Side.BUY, 1, "2500", JUNE_10_2025, Product.CNC)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("no EXCHANGE rate for exchange BSE, kind DELIVERY")
        .hasMessageContaining("nse-only.csv")
        .hasMessageContaining("at all");
  }

  private Charges sellOption(LocalDate date) {
    return noBrokerage.chargesFor(fill("OPT-" + date, NIFTY_CE, Side.SELL, 75, "135.00", date, Product.NRML));
  }

  private String brokerageOf(io.aitrader.api.order.Fill f) {
    return model.chargesFor(f).brokerage().toString();
  }
}
