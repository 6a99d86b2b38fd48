package io.aitrader.groww.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Segment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FeedSubjectsTest {

  @Test
  void buildsTheDocumentedMarketDataSubjects() {
    assertThat(FeedSubjects.ltp(Exchange.NSE, Segment.CASH, "2885")).isEqualTo("/ld/eq/nse/price.2885");
    assertThat(FeedSubjects.ltp(Exchange.BSE, Segment.FNO, "1234")).isEqualTo("/ld/fo/bse/price.1234");
    assertThat(FeedSubjects.depth(Exchange.NSE, Segment.FNO, "49445")).isEqualTo("/ld/fo/nse/book.49445");
    assertThat(FeedSubjects.depth(Exchange.BSE, Segment.CASH, "500325")).isEqualTo("/ld/eq/bse/book.500325");
    assertThat(FeedSubjects.indexValue(Exchange.NSE, "NIFTY")).isEqualTo("/ld/indices/nse/price.NIFTY");
    assertThat(FeedSubjects.indexValue(Exchange.BSE, "1")).isEqualTo("/ld/indices/bse/price.1");
  }

  @Test
  void buildsTheDocumentedAccountSubjects() {
    assertThat(FeedSubjects.orderUpdates(Segment.CASH, "sub42")).isEqualTo("stocks/order/updates.apex.sub42");
    assertThat(FeedSubjects.orderUpdates(Segment.FNO, "sub42")).isEqualTo("stocks_fo/order/updates.apex.sub42");
    assertThat(FeedSubjects.positionUpdates("sub42")).isEqualTo("stocks_fo/position/updates.apex.sub42");
  }

  @Test
  void parsesAccountSubjects() {
    FeedSubject s = FeedSubjects.parse("stocks_fo/order/updates.apex.abc-123");

    assertThat(s).isEqualTo(new FeedSubject.Account(FeedKind.ORDER_UPDATES, Segment.FNO, "abc-123"));
    assertThat(FeedSubjects.parse("stocks_fo/position/updates.apex.x").kind()).isEqualTo(FeedKind.POSITION_UPDATES);
    assertThat(FeedSubjects.parse("stocks/order/updates.apex.x").segment()).isEqualTo(Segment.CASH);
  }

  @Property(tries = 300)
  void parsesEveryBuiltMarketSubjectBackToItsParts(@ForAll("markets") FeedSubject.Market subject) {
    assertThat(FeedSubjects.parse(subject.subject())).isEqualTo(subject);
  }

  @Provide
  Arbitrary<FeedSubject.Market> markets() {
    Arbitrary<String> tokens = Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofMinLength(1)
        .ofMaxLength(8);
    return net.jqwik.api.Combinators.combine(Arbitraries.of(FeedKind.LTP, FeedKind.MARKET_DEPTH, FeedKind.INDEX_VALUE),
        Arbitraries.of(Exchange.NSE, Exchange.BSE), Arbitraries.of(Segment.CASH, Segment.FNO), tokens)
        .as((k, e, s, t) -> new FeedSubject.Market(k, e, k == FeedKind.INDEX_VALUE ? Segment.CASH : s, t));
  }

  @Test
  void refusesExchangesAndSegmentsWithoutSubjects() {
    assertThatThrownBy(() -> FeedSubjects.ltp(Exchange.MCX, Segment.COMMODITY, "1"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("must be NSE or BSE").hasMessageContaining("MCX");
    assertThatThrownBy(() -> FeedSubjects.ltp(Exchange.NSE, Segment.COMMODITY, "1"))
        .hasMessageContaining("must be CASH or FNO");
    assertThatThrownBy(() -> FeedSubjects.orderUpdates(Segment.COMMODITY, "s")).hasMessageContaining("CASH or FNO");
  }

  @Test
  void refusesTokensThatWouldChangeTheSubject() {
    assertThatThrownBy(() -> FeedSubjects.ltp(Exchange.NSE, Segment.CASH, "28.85"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("FeedSubject.token");
    assertThatThrownBy(() -> FeedSubjects.ltp(Exchange.NSE, Segment.CASH, "*")).hasMessageContaining("'*'");
    assertThatThrownBy(() -> FeedSubjects.positionUpdates(" ")).hasMessageContaining("subscriptionId");
  }

  @Test
  void refusesUnmappedSubjectsNamingThePartThatIsWrong() {
    assertThatThrownBy(() -> FeedSubjects.parse("/ld/eq/nse/price_detailed.2885"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("price_detailed");
    assertThatThrownBy(() -> FeedSubjects.parse("/ld/eq/mcx/price.1")).hasMessageContaining("exchange part");
    assertThatThrownBy(() -> FeedSubjects.parse("/ld/cd/nse/price.1")).hasMessageContaining("segment part");
    assertThatThrownBy(() -> FeedSubjects.parse("/ld/indices/nse/book.NIFTY")).hasMessageContaining("index subjects");
    assertThatThrownBy(() -> FeedSubjects.parse("/ld/eq/nse/price")).hasMessageContaining("no '.<token>'");
    assertThatThrownBy(() -> FeedSubjects.parse("ld.eq.nse.price.1")).hasMessageContaining("starts with neither");
    assertThatThrownBy(() -> FeedSubjects.parse("stocks/position/updates.apex.s")).hasMessageContaining("was 'stocks");
  }
}
