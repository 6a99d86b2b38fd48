package io.aitrader.core.charges;

import static io.aitrader.core.charges.ChargesFixtures.INFY;
import static io.aitrader.core.charges.ChargesFixtures.JUNE_10_2025;
import static io.aitrader.core.charges.ChargesFixtures.NIFTY_CE;
import static io.aitrader.core.charges.ChargesFixtures.NIFTY_FUT;
import static io.aitrader.core.charges.ChargesFixtures.RELIANCE;
import static io.aitrader.core.charges.ChargesFixtures.charges;
import static io.aitrader.core.charges.ChargesFixtures.fill;
import static org.assertj.core.api.Assertions.assertThat;

import io.aitrader.api.money.Money;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.portfolio.Charges;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * One worked contract note per trade kind, on NSE in June 2025 (rates in force from 2024-10-01), every line
 * computed by hand below. Rounding: each line half-up to the paisa; GST on the rounded lines.
 */
class ContractNoteTest {
  private final IndianChargesModel model = IndianChargesModel.groww();

  @Test
  void equityDeliveryBuyAndSellMatchTheHandComputedContractNotes() {
    // BUY 10 RELIANCE @ 2534.05, CNC: value 25,340.50
    //   brokerage  min(20, max(5, 0.1% = 25.34)) = 20.00 (2.5% cap 633.51 not reached)
    //   STT        0.1% × 25,340.50 = 25.3405          -> 25.34
    //   exchange   0.00297% × 25,340.50 = 0.75261285   -> 0.75
    //   SEBI       ₹10/crore = 0.0001% → 0.0253405     -> 0.03
    //   stamp      0.015% × 25,340.50 = 3.801075       -> 3.80
    //   IPFT       ₹10/crore → 0.0253405               -> 0.03
    //   DP         buy                                 -> 0.00
    //   GST        18% × (20 + 0.75 + 0.03 + 0.03) = 18% × 20.81 = 3.7458 -> 3.75
    //   total      53.70
    Charges buy = model.chargesFor(fill("O-1", RELIANCE, Side.BUY, 10, "2534.05", JUNE_10_2025, Product.CNC));
    assertThat(buy).isEqualTo(charges("20.00", "25.34", "0.75", "0.03", "3.80", "3.75", "0", "0.03"));
    assertThat(buy.total()).isEqualTo(Money.of("53.70"));

    // SELL 10 RELIANCE @ 2600.00, CNC, two days later: value 26,000.00
    //   brokerage  0.1% = 26.00 -> capped at 20.00
    //   STT        0.1% × 26,000 = 26.00
    //   exchange   0.00297% × 26,000 = 0.7722          -> 0.77
    //   SEBI       0.026                               -> 0.03
    //   stamp      sell                                -> 0.00
    //   IPFT       0.026                               -> 0.03
    //   DP         3.50 (CDSL) + 16.50 (Groww, sale ≥ ₹100) = 20.00
    //   GST        18% × (20 + 0.77 + 0.03 + 0.03 + 20.00) = 18% × 40.83 = 7.3494 -> 7.35
    //   total      74.18
    Charges sell = model.chargesFor(
        fill("O-2", RELIANCE, Side.SELL, 10, "2600.00", LocalDate.of(2025, 6, 12), Product.CNC));
    assertThat(sell).isEqualTo(charges("20.00", "26.00", "0.77", "0.03", "0", "7.35", "20.00", "0.03"));
    assertThat(sell.total()).isEqualTo(Money.of("74.18"));
  }

  @Test
  void equityIntradayBuyAndSellMatchTheHandComputedContractNotes() {
    // BUY 100 INFY @ 1500.50, MIS: value 1,50,050.00
    //   brokerage  0.1% = 150.05 -> 20.00
    //   STT        intraday pays on the sell side only -> 0.00
    //   exchange   0.00297% × 150,050 = 4.456485       -> 4.46
    //   SEBI       0.15005                             -> 0.15
    //   stamp      0.003% × 150,050 = 4.5015           -> 4.50
    //   IPFT       0.15005                             -> 0.15
    //   GST        18% × (20 + 4.46 + 0.15 + 0.15) = 18% × 24.76 = 4.4568 -> 4.46
    //   total      33.72
    Charges buy = model.chargesFor(fill("O-3", INFY, Side.BUY, 100, "1500.50", JUNE_10_2025, Product.MIS));
    assertThat(buy).isEqualTo(charges("20.00", "0", "4.46", "0.15", "4.50", "4.46", "0", "0.15"));
    assertThat(buy.total()).isEqualTo(Money.of("33.72"));

    // SELL 100 INFY @ 1510.25, MIS: value 1,51,025.00
    //   brokerage  20.00
    //   STT        0.025% × 151,025 = 37.75625          -> 37.76
    //   exchange   0.00297% × 151,025 = 4.4854425      -> 4.49
    //   SEBI       0.151025                            -> 0.15
    //   stamp      sell                                -> 0.00
    //   IPFT       0.151025                            -> 0.15
    //   DP         intraday: no demat debit            -> 0.00
    //   GST        18% × (20 + 4.49 + 0.15 + 0.15) = 18% × 24.79 = 4.4622 -> 4.46
    //   total      67.01
    Charges sell = model.chargesFor(fill("O-4", INFY, Side.SELL, 100, "1510.25", JUNE_10_2025, Product.MIS));
    assertThat(sell).isEqualTo(charges("20.00", "37.76", "4.49", "0.15", "0", "4.46", "0", "0.15"));
    assertThat(sell.total()).isEqualTo(Money.of("67.01"));
  }

  @Test
  void futuresBuyAndSellMatchTheHandComputedContractNotes() {
    // BUY 75 NIFTY25JUNFUT @ 24,850.40, NRML: value 18,63,780.00
    //   brokerage  flat 20.00 per executed order
    //   STT        sell side only                      -> 0.00
    //   exchange   0.00173% × 1,863,780 = 32.243394    -> 32.24
    //   SEBI       1.86378                             -> 1.86
    //   stamp      0.002% × 1,863,780 = 37.2756        -> 37.28
    //   IPFT       ₹10/crore → 1.86378                 -> 1.86
    //   GST        18% × (20 + 32.24 + 1.86 + 1.86) = 18% × 55.96 = 10.0728 -> 10.07
    //   total      103.31
    Charges buy = model.chargesFor(fill("O-5", NIFTY_FUT, Side.BUY, 75, "24850.40", JUNE_10_2025, Product.NRML));
    assertThat(buy).isEqualTo(charges("20.00", "0", "32.24", "1.86", "37.28", "10.07", "0", "1.86"));
    assertThat(buy.total()).isEqualTo(Money.of("103.31"));

    // SELL 75 @ 24,900.00: value 18,67,500.00
    //   brokerage  20.00
    //   STT        0.02% × 1,867,500 = 373.50
    //   exchange   0.00173% × 1,867,500 = 32.30775     -> 32.31
    //   SEBI       1.8675                              -> 1.87
    //   stamp      sell                                -> 0.00
    //   IPFT       1.8675                              -> 1.87
    //   GST        18% × (20 + 32.31 + 1.87 + 1.87) = 18% × 56.05 = 10.089 -> 10.09
    //   total      439.64
    Charges sell = model.chargesFor(fill("O-6", NIFTY_FUT, Side.SELL, 75, "24900.00", JUNE_10_2025, Product.NRML));
    assertThat(sell).isEqualTo(charges("20.00", "373.50", "32.31", "1.87", "0", "10.09", "0", "1.87"));
    assertThat(sell.total()).isEqualTo(Money.of("439.64"));
  }

  @Test
  void optionsBuyAndSellAreChargedOnThePremium() {
    // BUY 75 NIFTY25JUN24800CE @ 120.50, NRML: premium 9,037.50
    //   brokerage  flat 20.00
    //   STT        sell side only                      -> 0.00
    //   exchange   0.03503% × 9,037.50 = 3.16583625    -> 3.17
    //   SEBI       0.0090375                           -> 0.01
    //   stamp      0.003% × 9,037.50 = 0.271125        -> 0.27
    //   IPFT       ₹50/crore = 0.0005% → 0.0451875     -> 0.05
    //   GST        18% × (20 + 3.17 + 0.01 + 0.05) = 18% × 23.23 = 4.1814 -> 4.18
    //   total      27.68
    Charges buy = model.chargesFor(fill("O-7", NIFTY_CE, Side.BUY, 75, "120.50", JUNE_10_2025, Product.NRML));
    assertThat(buy).isEqualTo(charges("20.00", "0", "3.17", "0.01", "0.27", "4.18", "0", "0.05"));
    assertThat(buy.total()).isEqualTo(Money.of("27.68"));

    // SELL 75 @ 135.00: premium 10,125.00
    //   brokerage  20.00
    //   STT        0.1% × 10,125 = 10.125 (half-up)    -> 10.13
    //   exchange   0.03503% × 10,125 = 3.5467875       -> 3.55
    //   SEBI       0.010125                            -> 0.01
    //   stamp      sell                                -> 0.00
    //   IPFT       0.050625                            -> 0.05
    //   GST        18% × (20 + 3.55 + 0.01 + 0.05) = 18% × 23.61 = 4.2498 -> 4.25
    //   total      37.99
    Charges sell = model.chargesFor(fill("O-8", NIFTY_CE, Side.SELL, 75, "135.00", JUNE_10_2025, Product.NRML));
    assertThat(sell).isEqualTo(charges("20.00", "10.13", "3.55", "0.01", "0", "4.25", "0", "0.05"));
    assertThat(sell.total()).isEqualTo(Money.of("37.99"));
  }
}
