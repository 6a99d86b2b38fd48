package io.aitrader.api.market;

import static io.aitrader.api.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.Fixtures;
import io.aitrader.api.ValidationException;
import io.aitrader.api.money.Price;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDepthTest {
  private static final long BID = Price.of("2534.00").units();
  private static final long ASK = Price.of("2534.05").units();

  @Test
  void bestBidAndAskAreTheFirstLevelOfEachSide() {
    MarketDepth d = new MarketDepth(Fixtures.reliance(), T0,
        List.of(new MarketDepth.Level(BID, 120), new MarketDepth.Level(BID - 500, 40)),
        List.of(new MarketDepth.Level(ASK, 75), new MarketDepth.Level(ASK + 500, 10)));

    assertThat(d.bestBid()).contains(new MarketDepth.Level(BID, 120));
    assertThat(d.bestAsk()).contains(new MarketDepth.Level(ASK, 75));
  }

  @Test
  void anEmptySideHasNoBestLevel() {
    MarketDepth d = new MarketDepth(Fixtures.reliance(), T0, List.of(), List.of(new MarketDepth.Level(ASK, 1)));

    assertThat(d.bestBid()).isEmpty();
    assertThat(d.bestAsk()).isPresent();
  }

  @Test
  void keepsAnUnmodifiableCopyOfTheLevels() {
    List<MarketDepth.Level> bids = new ArrayList<>(List.of(new MarketDepth.Level(BID, 1)));
    MarketDepth d = new MarketDepth(Fixtures.reliance(), T0, bids, List.of());

    bids.clear();

    assertThat(d.bids()).hasSize(1);
    assertThatThrownBy(() -> d.bids().add(new MarketDepth.Level(1, 1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesSidesThatAreNotBestFirst() {
    List<MarketDepth.Level> rising = List.of(new MarketDepth.Level(BID, 1), new MarketDepth.Level(BID + 500, 1));
    List<MarketDepth.Level> falling = List.of(new MarketDepth.Level(ASK, 1), new MarketDepth.Level(ASK - 500, 1));
    List<MarketDepth.Level> repeated = List.of(new MarketDepth.Level(ASK, 1), new MarketDepth.Level(ASK, 2));

    assertThatThrownBy(() -> new MarketDepth(Fixtures.reliance(), T0, rising, List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("MarketDepth.bids must be best first (strictly falling prices), was level 1 at 25340500 after "
            + "25340000");
    assertThatThrownBy(() -> new MarketDepth(Fixtures.reliance(), T0, List.of(), falling))
        .hasMessageStartingWith("MarketDepth.asks must be best first (strictly rising prices)");
    assertThatThrownBy(() -> new MarketDepth(Fixtures.reliance(), T0, List.of(), repeated))
        .hasMessageStartingWith("MarketDepth.asks must be best first");
  }

  @Test
  void aCrossedBookIsAccepted() {
    MarketDepth d = new MarketDepth(Fixtures.reliance(), T0, List.of(new MarketDepth.Level(ASK, 1)),
        List.of(new MarketDepth.Level(BID, 1)));

    assertThat(d.bestBid().orElseThrow().price()).isGreaterThan(d.bestAsk().orElseThrow().price());
  }

  @Test
  void rejectsBadValuesNamingFieldAndValue() {
    assertThatThrownBy(() -> new MarketDepth.Level(0, 1))
        .isInstanceOf(ValidationException.class).hasMessage("MarketDepth.Level.price must be > 0 (₹0.0001 units), was 0");
    assertThatThrownBy(() -> new MarketDepth.Level(1, -1)).hasMessage("MarketDepth.Level.quantity must be >= 0, was -1");
    assertThatThrownBy(() -> new MarketDepth(Fixtures.reliance(), 0, List.of(), List.of()))
        .hasMessage("MarketDepth.timestampMillis must be > 0, was 0");
    assertThatThrownBy(() -> new MarketDepth(null, T0, List.of(), List.of()))
        .hasMessage("MarketDepth.instrument is required, was null");
    assertThatThrownBy(() -> new MarketDepth(Fixtures.reliance(), T0, null, List.of()))
        .hasMessage("MarketDepth.bids is required, was null");
  }
}
