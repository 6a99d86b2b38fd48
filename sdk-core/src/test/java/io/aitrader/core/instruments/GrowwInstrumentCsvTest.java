package io.aitrader.core.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.money.Price;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GrowwInstrumentCsvTest {
  static final String DOC_HEADER = String.join(",", GrowwInstrumentCsv.COLUMNS);

  static List<Instrument> read(String csv) {
    return GrowwInstrumentCsv.read(new StringReader(csv), "test.csv");
  }

  @Test
  void parsesTheDocumentedOptionRow() {
    String csv = DOC_HEADER + "\n"
        + "NSE,49445,BANKNIFTY25DEC27000PE,NSE-BANKNIFTY-24Dec25-27000-PE,,PE,FNO,,,BANKNIFTY,26009,2025-12-24,27000,35,0.05,601,1,1,1\n";

    Instrument i = read(csv).get(0);

    assertThat(i.id()).isEqualTo("NSE:BANKNIFTY25DEC27000PE");
    assertThat(i.type()).isEqualTo(InstrumentType.PE);
    assertThat(i.segment()).isEqualTo(Segment.FNO);
    assertThat(i.exchangeToken()).isEqualTo("49445");
    assertThat(i.growwSymbol()).isEqualTo("NSE-BANKNIFTY-24Dec25-27000-PE");
    assertThat(i.name()).isEqualTo("BANKNIFTY25DEC27000PE");
    assertThat(i.underlying()).contains("BANKNIFTY");
    assertThat(i.expiry()).contains(LocalDate.of(2025, 12, 24));
    assertThat(i.strike()).contains(Price.of("27000"));
    assertThat(i.lotSize()).isEqualTo(35);
    assertThat(i.tickSize()).isEqualTo(Price.of("0.05"));
    assertThat(i.freezeQuantity()).hasValue(601);
  }

  @Test
  void findsColumnsByHeaderNameWhateverTheOrderAndIgnoresExtraColumns() {
    String csv = "feed_key,Tick_Size,trading_symbol,lot_size,segment,exchange_token,instrument_type,exchange,isin,name\n"
        + "x1,0.10,RELIANCE,1,CASH,2885,EQ,NSE,INE002A01018,Reliance Industries\n";

    Instrument i = read(csv).get(0);

    assertThat(i.id()).isEqualTo("NSE:RELIANCE");
    assertThat(i.tickSize()).isEqualTo(Price.of("0.10"));
    assertThat(i.isin()).contains("INE002A01018");
    assertThat(i.name()).isEqualTo("Reliance Industries");
    assertThat(i.growwSymbol()).isEqualTo("NSE-RELIANCE");
    assertThat(i.freezeQuantity()).isEmpty();
  }

  @Test
  void missingRequiredColumnFailsNamingIt() {
    String csv = "exchange,exchange_token,trading_symbol,instrument_type,segment,lot_size\nNSE,2885,RELIANCE,EQ,CASH,1\n";

    assertThatThrownBy(() -> read(csv)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("test.csv").hasMessageContaining("missing required column tick_size");
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
    String csv = DOC_HEADER + "\r\n"
        + "NSE,1,ABC,NSE-ABC,\"Alpha, Beta \"\"and\"\" Co\",EQ,CASH,EQ,,,,,,1,0.05,,0,1,1\r\n"
        + "NSE,2,XYZ,NSE-XYZ,\"Multi\nline\",EQ,CASH,EQ,,,,,,1,0.05,,0,1,1\r\n"
        + "NSE,3,LAST,NSE-LAST,Last,EQ,CASH,EQ,,,,,,1,0.05,,0,1,1\n";

    List<Instrument> all = read(csv);

    assertThat(all).extracting(Instrument::name).containsExactly("Alpha, Beta \"and\" Co", "Multi\nline", "Last");
  }

  @Test
  void badRowFailsNamingSourceLineColumnAndValue() {
    String csv = DOC_HEADER + "\n"
        + "NSE,1,ABC,NSE-ABC,Abc,EQ,CASH,EQ,,,,,,1,0.05,,0,1,1\n"
        + "\n"
        + "NSE,2,XYZ,NSE-XYZ,Xyz,EQ,CASH,EQ,,,,,,1,0.0x,,0,1,1\n";

    assertThatThrownBy(() -> read(csv)).isInstanceOf(ValidationException.class)
        .hasMessage("test.csv line 4, column tick_size: must be a decimal number of rupees, was '0.0x'");
  }

  @Test
  void crossFieldErrorNamesTheColumn() {
    String csv = DOC_HEADER + "\n" + "NSE,5,ABCFUT,,,FUT,FNO,,,ABC,,,,50,0.05,,0,1,1\n";

    assertThatThrownBy(() -> read(csv)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("test.csv line 2, column expiry_date");
  }

  @Test
  void skippingModeCountsBadRowsAndKeepsGoodOnes() {
    String csv = DOC_HEADER + "\n"
        + "NSE,1,ABC,NSE-ABC,Abc,EQ,CASH,EQ,,,,,,1,0.05,,0,1,1\n"
        + "NSE,2,CUR,NSE-CUR,Cur,EQ,CURRENCY,,,,,,,1,0.0025,,0,1,1\n"
        + "NSE,3,XYZ,NSE-XYZ,Xyz,EQ,CASH,EQ,,,,,,one,0.05,,0,1,1\n"
        + "NSE,4,DEF,NSE-DEF,Def,EQ,CASH,EQ,,,,,,1,0.05,,0,1,1\n";

    GrowwInstrumentCsv.Result r = GrowwInstrumentCsv.readSkippingBadRows(new StringReader(csv), "test.csv");

    assertThat(r.instruments()).extracting(Instrument::tradingSymbol).containsExactly("ABC", "DEF");
    assertThat(r.skippedRows()).isEqualTo(2);
    assertThat(r.problems()).hasSize(2);
    assertThat(r.problems().get(0)).contains("line 3", "column segment", "CURRENCY");
    assertThat(r.problems().get(1)).contains("line 4", "column lot_size", "'one'");
  }

  @Test
  void acceptsLenientCellsOfRealMasters() {
    String csv = DOC_HEADER + "\n"
        + "NSE,35001,NIFTYFUT,,,FUT,FNO,,,NIFTY,26000,2025-01-30,0,75.0,0.05,1800.0,0,true,false\n"
        + "NSE,26000,NIFTY,,NIFTY 50,IDX,CASH,,,,,,,,,,,,\n";

    List<Instrument> all = read(csv);

    assertThat(all.get(0).strike()).isEmpty();
    assertThat(all.get(0).lotSize()).isEqualTo(75);
    assertThat(all.get(0).freezeQuantity()).hasValue(1800);
    assertThat(all.get(1).tickSize()).isEqualTo(Price.of("0.05"));
    assertThat(all.get(1).lotSize()).isEqualTo(1);
  }

  @Test
  void rejectsBooleansOtherThanZeroOrOne() {
    String csv = DOC_HEADER + "\n" + "NSE,1,ABC,NSE-ABC,Abc,EQ,CASH,EQ,,,,,,1,0.05,,0,yes,1\n";

    assertThatThrownBy(() -> read(csv)).hasMessageContaining("column buy_allowed: must be 0 or 1, was 'yes'");
  }

  @Test
  void unterminatedQuoteFailsClearly() {
    String csv = DOC_HEADER + "\n" + "NSE,1,ABC,NSE-ABC,\"Abc,EQ,CASH\n";

    assertThatThrownBy(() -> read(csv)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("test.csv line 2").hasMessageContaining("quoted field is not closed");
  }

  @Test
  void writerOutputParsesBackToTheSameInstruments() {
    List<Instrument> bundled = InMemoryInstrumentRepository.bundledNse().all();

    assertThat(read(GrowwInstrumentCsv.toCsv(bundled))).isEqualTo(bundled);
  }

  @Property(tries = 200)
  void roundTripsAnyInstrument(@ForAll("instruments") List<Instrument> instruments) {
    assertThat(read(GrowwInstrumentCsv.toCsv(instruments))).isEqualTo(instruments);
  }

  @Provide
  Arbitrary<List<Instrument>> instruments() {
    Arbitrary<String> names = Arbitraries.strings().withChars("AZaz09 ,\"&.-'\n").ofMinLength(1).ofMaxLength(20)
        .filter(s -> !s.isBlank() && s.strip().equals(s));
    Arbitrary<Instrument> one = Combinators.combine(
        Arbitraries.of(InstrumentType.class),
        Arbitraries.integers().between(1, 999_999),
        names,
        Arbitraries.integers().between(1, 5000),
        Arbitraries.of("0.01", "0.05", "0.10", "0.0025", "1.00"),
        Arbitraries.integers().between(0, 10_000),
        Arbitraries.longs().between(1, 10_000_000))
        .as((type, token, name, lot, tick, freeze, strikeUnits) -> {
          Instrument.Builder b = Instrument.builder().exchange(Exchange.NSE)
              .segment(type.isDerivative() ? Segment.FNO : Segment.CASH).type(type)
              .tradingSymbol("SYM" + token).exchangeToken(Integer.toString(token)).name(name)
              .lotSize(lot).tickSize(Price.of(tick)).freezeQuantity(freeze);
          if (type.isDerivative()) {
            b.underlying("NIFTY").expiry(LocalDate.of(2025, 1, 30).plusDays(token % 400));
          }
          if (type.isOption()) {
            b.strike(Price.ofUnits(strikeUnits * 500));
          }
          return b.build();
        });
    return one.list().ofMaxSize(10).uniqueElements(Instrument::id);
  }
}
