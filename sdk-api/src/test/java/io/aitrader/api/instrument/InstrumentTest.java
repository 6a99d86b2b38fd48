package io.aitrader.api.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Fixtures;
import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Price;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InstrumentTest {

  private static Instrument.Builder equity() {
    return Instrument.builder().exchange(Exchange.NSE).segment(Segment.CASH).type(InstrumentType.EQ)
        .tradingSymbol("TCS").exchangeToken("11536").tickSize(Price.of("0.05"));
  }

  private static Instrument.Builder option() {
    return Instrument.builder().exchange(Exchange.NSE).segment(Segment.FNO).type(InstrumentType.PE)
        .tradingSymbol("BANKNIFTY25DEC27000PE").exchangeToken("49445").underlying("BANKNIFTY")
        .expiry(LocalDate.of(2025, 12, 24)).strike(Price.ofRupees(27_000)).lotSize(35).tickSize(Price.of("0.05"));
  }

  @Test
  void idIsExchangeColonSymbolAndDefaultsAreFilled() {
    Instrument tcs = equity().build();

    assertThat(tcs.id()).isEqualTo("NSE:TCS");
    assertThat(tcs).hasToString("NSE:TCS");
    assertThat(tcs.growwSymbol()).isEqualTo("NSE-TCS");
    assertThat(tcs.name()).isEqualTo("TCS");
    assertThat(tcs.lotSize()).isEqualTo(1);
    assertThat(tcs.isin()).isEmpty();
    assertThat(tcs.expiry()).isEmpty();
    assertThat(tcs.strike()).isEmpty();
    assertThat(tcs.freezeQuantity()).isEmpty();
  }

  @Test
  void requiresExchangeSegmentTypeSymbolTokenAndTickSize() {
    assertThatThrownBy(() -> equity().exchange(null).build()).hasMessage("Instrument.exchange is required, was null");
    assertThatThrownBy(() -> equity().segment(null).build()).hasMessageContaining("Instrument.segment is required");
    assertThatThrownBy(() -> equity().type(null).build()).hasMessageContaining("Instrument.type is required");
    assertThatThrownBy(() -> equity().tradingSymbol(" ").build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("Instrument.tradingSymbol must not be blank");
    assertThatThrownBy(() -> equity().exchangeToken(null).build()).hasMessageContaining("Instrument.exchangeToken");
    assertThatThrownBy(() -> equity().tickSize(null).build()).hasMessageContaining("Instrument.tickSize is required");
  }

  @Test
  void rejectsBadLotTickAndFreezeSizesNamingTheInstrument() {
    assertThatThrownBy(() -> equity().lotSize(0).build())
        .hasMessage("Instrument.lotSize must be >= 1 (instrument NSE:TCS), was 0");
    assertThatThrownBy(() -> equity().tickSize(Price.ZERO).build()).hasMessageContaining("Instrument.tickSize must be > 0");
    assertThatThrownBy(() -> equity().freezeQuantity(-1).build()).hasMessageContaining("Instrument.freezeQuantity");
  }

  @Test
  void derivativeNeedsExpiryAndUnderlying() {
    Instrument.Builder future = Instrument.builder().exchange(Exchange.NSE).segment(Segment.FNO).type(InstrumentType.FUT)
        .tradingSymbol("NIFTY25DECFUT").exchangeToken("1").tickSize(Price.of("0.05")).lotSize(50);

    assertThatThrownBy(() -> future.underlying("NIFTY").build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("Instrument.expiry is required for FUT");
    assertThatThrownBy(() -> future.underlying(" ").expiry(LocalDate.of(2025, 12, 30)).build())
        .hasMessageContaining("Instrument.underlying is required for FUT");
    assertThat(Fixtures.niftyFuture().expiry()).contains(LocalDate.of(2025, 12, 30));
  }

  @Test
  void equityMustNotHaveAnExpiryOrStrike() {
    assertThatThrownBy(() -> equity().expiry(LocalDate.of(2025, 1, 1)).build()).hasMessageContaining("Instrument.expiry must be empty for EQ");
    assertThatThrownBy(() -> equity().strike(Price.ofRupees(1)).build()).hasMessageContaining("Instrument.strike must be empty for EQ");
  }

  @Test
  void optionNeedsAPositiveStrike() {
    assertThat(option().build().strike()).contains(Price.ofRupees(27_000));
    assertThatThrownBy(() -> option().strike(null).build()).hasMessageContaining("Instrument.strike must be > 0 for an option");
    assertThatThrownBy(() -> option().strike(Price.ZERO).build()).hasMessageContaining("was 0.00");
  }

  @Test
  void equalWhenEveryFieldIsEqual() {
    Instrument a = equity().build();
    Instrument b = equity().build();
    Instrument other = equity().lotSize(2).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(other);
    assertThat(a.id()).isEqualTo(other.id());
    assertThat(a.toBuilder().build()).isEqualTo(a);
    assertThat(option().build().toBuilder().build()).isEqualTo(option().build());
  }

  @Test
  void enumsParseCaseInsensitivelyAndListValidNames() {
    assertThat(Exchange.parse(" bse ")).isEqualTo(Exchange.BSE);
    assertThat(Exchange.NSE.topicName()).isEqualTo("nse");
    assertThat(Segment.parse("fno")).isEqualTo(Segment.FNO);
    assertThat(InstrumentType.parse("ce")).isEqualTo(InstrumentType.CE);
    assertThatThrownBy(() -> Exchange.parse("NYSE")).hasMessage("exchange must be one of NSE, BSE, MCX, was 'NYSE'");
    assertThatThrownBy(() -> Segment.parse("FX")).hasMessageContaining("was 'FX'");
    assertThatThrownBy(() -> InstrumentType.parse("ETF")).hasMessageContaining("was 'ETF'");
  }

  @Test
  void instrumentTypesKnowWhatTheyAre() {
    assertThat(InstrumentType.FUT.isDerivative()).isTrue();
    assertThat(InstrumentType.FUT.isOption()).isFalse();
    assertThat(InstrumentType.CE.isOption()).isTrue();
    assertThat(InstrumentType.EQ.isDerivative()).isFalse();
    assertThat(InstrumentType.IDX.isTradable()).isFalse();
    assertThat(InstrumentType.EQ.isTradable()).isTrue();
  }
}
