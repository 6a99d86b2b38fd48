package io.aitrader.core.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryInstrumentRepositoryTest {
  static Instrument eq(Exchange exchange, String symbol, String token, String name) {
    return Instrument.builder().exchange(exchange).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol(symbol).exchangeToken(token).name(name).tickSize(Price.of("0.05")).build();
  }

  final Instrument hdfcNse = eq(Exchange.NSE, "HDFC", "1330", "Housing Development Finance");
  final Instrument hdfcBank = eq(Exchange.NSE, "HDFCBANK", "1333", "HDFC Bank Limited");
  final Instrument hdfcLife = eq(Exchange.NSE, "HDFCLIFE", "467", "HDFC Life Insurance");
  final Instrument hdfcBse = eq(Exchange.BSE, "HDFC", "500010", "Housing Development Finance");
  final Instrument bank = eq(Exchange.NSE, "BANKBARODA", "4668", "Bank of Baroda");
  final InMemoryInstrumentRepository repo = InMemoryInstrumentRepository.of(List.of(hdfcLife, bank, hdfcBank, hdfcBse, hdfcNse));

  @Test
  void findsByEveryKeyIgnoringCase() {
    assertThat(repo.find(Exchange.NSE, "hdfcbank")).contains(hdfcBank);
    assertThat(repo.find(Exchange.BSE, "HDFC")).contains(hdfcBse);
    assertThat(repo.findById("NSE:HDFC")).contains(hdfcNse);
    assertThat(repo.findByGrowwSymbol("NSE-HDFCLIFE")).contains(hdfcLife);
    assertThat(repo.findByExchangeToken(Exchange.NSE, "1333")).contains(hdfcBank);
    assertThat(repo.findByExchangeToken(Exchange.BSE, "500010")).contains(hdfcBse);
  }

  @Test
  void absentKeysGiveEmpty() {
    assertThat(repo.find(Exchange.MCX, "HDFC")).isEmpty();
    assertThat(repo.findById("NSE:NOPE")).isEmpty();
    assertThat(repo.findByGrowwSymbol("BSE-HDFCBANK")).isEmpty();
    assertThat(repo.findByExchangeToken(Exchange.BSE, "1333")).isEmpty();
  }

  @Test
  void searchPutsExactSymbolsFirstThenOrdersBySymbol() {
    assertThat(repo.search("hdfc", 10)).containsExactly(hdfcNse, hdfcBse, hdfcBank, hdfcLife);
  }

  @Test
  void searchMatchesNamesToo() {
    assertThat(repo.search("bank", 10)).containsExactly(bank);
    assertThat(repo.search("housing", 10)).containsExactly(hdfcNse, hdfcBse);
  }

  @Test
  void searchHonoursTheLimit() {
    assertThat(repo.search("HDFC", 2)).containsExactly(hdfcNse, hdfcBse);
    assertThat(repo.search("HDFC", 0)).isEmpty();
    assertThatThrownBy(() -> repo.search("HDFC", -1)).isInstanceOf(ValidationException.class);
  }

  @Test
  void allKeepsTheInputOrder() {
    assertThat(repo.all()).containsExactly(hdfcLife, bank, hdfcBank, hdfcBse, hdfcNse);
  }

  @Test
  void duplicateIdsAreRejected() {
    Instrument again = eq(Exchange.NSE, "HDFC", "9999", "Another");

    assertThatThrownBy(() -> InMemoryInstrumentRepository.of(List.of(hdfcNse, again)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("NSE:HDFC");
  }

  @Test
  void bundledMasterHasFiftyStocksAndBothIndicesWithUniqueKeys() {
    InMemoryInstrumentRepository nse = InMemoryInstrumentRepository.bundledNse();
    List<Instrument> all = nse.all();

    assertThat(all.stream().filter(i -> i.type() == InstrumentType.EQ).count()).isGreaterThanOrEqualTo(50);
    assertThat(nse.findByExchangeToken(Exchange.NSE, "26000")).get()
        .satisfies(i -> assertThat(i.id()).isEqualTo("NSE:NIFTY")).satisfies(i -> assertThat(i.type()).isEqualTo(InstrumentType.IDX));
    assertThat(nse.findByExchangeToken(Exchange.NSE, "26009")).get()
        .satisfies(i -> assertThat(i.id()).isEqualTo("NSE:BANKNIFTY"));
    assertThat(all.stream().map(Instrument::id).distinct().count()).isEqualTo(all.size());
    assertThat(all.stream().map(Instrument::exchangeToken).distinct().count()).isEqualTo(all.size());
    for (String s : List.of("RELIANCE", "TCS", "HDFCBANK", "ICICIBANK", "INFY", "SBIN", "BHARTIARTL", "ITC", "LT",
        "KOTAKBANK", "AXISBANK", "HINDUNILVR", "BAJFINANCE", "MARUTI", "SUNPHARMA", "TATAMOTORS", "TITAN")) {
      assertThat(nse.find(Exchange.NSE, s)).as(s).isPresent();
    }
    assertThat(nse.findById("NSE:RELIANCE")).get().satisfies(r -> {
      assertThat(r.exchangeToken()).isEqualTo("2885");
      assertThat(r.isin()).contains("INE002A01018");
      assertThat(r.growwSymbol()).isEqualTo("NSE-RELIANCE");
    });
  }

  @Test
  void bundledStocksHaveValidIsinsLotSizeOneAndAReferencePrice() {
    ReferencePrices prices = ReferencePrices.bundledNse();
    Set<String> isins = new HashSet<>();

    for (Instrument i : InMemoryInstrumentRepository.bundledNse().all()) {
      assertThat(i.lotSize()).as(i.id()).isEqualTo(1);
      assertThat(prices.find(i)).as(i.id()).isPresent();
      assertThat(prices.find(i).get().isMultipleOf(i.tickSize())).as(i.id()).isTrue();
      if (i.type() == InstrumentType.EQ) {
        String isin = i.isin().orElseThrow();
        assertThat(isin).as(i.id()).matches("INE[0-9A-Z]{8}[0-9]");
        assertThat(isinCheckDigitValid(isin)).as(isin).isTrue();
        assertThat(isins.add(isin)).as("unique " + isin).isTrue();
      }
    }
  }

  /** ISO 6166: letters to numbers (A=10), then Luhn over the digits. */
  static boolean isinCheckDigitValid(String isin) {
    StringBuilder digits = new StringBuilder();
    for (char c : isin.substring(0, 11).toCharArray()) {
      digits.append(Character.digit(c, 36));
    }
    int sum = 0;
    for (int k = 0; k < digits.length(); k++) {
      int d = digits.charAt(digits.length() - 1 - k) - '0';
      if (k % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (10 - sum % 10) % 10 == isin.charAt(11) - '0';
  }
}
