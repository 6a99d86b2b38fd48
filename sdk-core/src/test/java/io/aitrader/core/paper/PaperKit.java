package io.aitrader.core.paper;

import static io.aitrader.core.testdata.TestInstruments.rupees;

import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.instrument.InstrumentType;
import io.aitrader.api.instrument.Segment;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderType;
import io.aitrader.api.order.Product;
import io.aitrader.api.order.Side;
import io.aitrader.api.order.Validity;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.testdata.TestInstruments;
import java.time.LocalDate;

/** Test-data builders for the paper broker: a settable clock, requests, ticks and bars. */
final class PaperKit {
  static final Instrument RELIANCE = TestInstruments.RELIANCE;
  static final Instrument TCS = TestInstruments.TCS;
  /** A future with a lot size of 75 and a tick of 0.05. */
  static final Instrument NIFTY_FUT = Instrument.builder().exchange(Exchange.NSE).segment(Segment.FNO)
      .type(InstrumentType.FUT).tradingSymbol("NIFTY25JANFUT").exchangeToken("35001").underlying("NIFTY")
      .expiry(LocalDate.of(2025, 1, 30)).lotSize(75).tickSize(Price.of("0.05")).build();

  private PaperKit() {}

  /** A clock the test sets; starts at 09:15:00 on the test Monday. */
  static final class Clock implements TimeSource {
    long now = TestInstruments.at("09:15:00");

    @Override
    public long currentTimeMillis() {
      return now;
    }

    void set(String istTime) {
      now = TestInstruments.at(istTime);
    }
  }

  static long at(String istTime) {
    return TestInstruments.at(istTime);
  }

  static Price price(String rupees) {
    return Price.of(rupees);
  }

  private static int sequence;

  /** A fresh reference id. */
  static String nextRef() {
    return String.format("ref-%06d", ++sequence);
  }

  static OrderRequest.Builder request(Instrument instrument, Side side, long quantity) {
    return OrderRequest.builder().instrument(instrument).side(side).quantity(quantity).product(Product.MIS)
        .referenceId(nextRef()).strategyId("paper-test");
  }

  static OrderRequest market(Side side, long quantity) {
    return request(RELIANCE, side, quantity).orderType(OrderType.MARKET).build();
  }

  static OrderRequest limit(Side side, long quantity, String limit) {
    return request(RELIANCE, side, quantity).orderType(OrderType.LIMIT).limitPrice(price(limit)).build();
  }

  static OrderRequest limit(Side side, long quantity, String limit, Validity validity) {
    return request(RELIANCE, side, quantity).orderType(OrderType.LIMIT).limitPrice(price(limit))
        .validity(validity).build();
  }

  static OrderRequest stopLimit(Side side, long quantity, String trigger, String limit) {
    return request(RELIANCE, side, quantity).orderType(OrderType.SL).triggerPrice(price(trigger))
        .limitPrice(price(limit)).build();
  }

  static OrderRequest stopMarket(Side side, long quantity, String trigger) {
    return request(RELIANCE, side, quantity).orderType(OrderType.SL_M).triggerPrice(price(trigger)).build();
  }

  /** A RELIANCE trade print of {@code quantity} at {@code price} rupees. */
  static Tick trade(String istTime, String price, long quantity) {
    return Tick.trade(RELIANCE, at(istTime), rupees(price), quantity);
  }

  static Tick trade(Instrument instrument, String istTime, String price, long quantity) {
    return Tick.trade(instrument, at(istTime), rupees(price), quantity);
  }

  /** A RELIANCE trade print with a two-sided quote. */
  static Tick quoted(String istTime, String price, long quantity, String bid, String ask) {
    return new Tick(RELIANCE, at(istTime), rupees(price), quantity, quantity, rupees(bid), 100, rupees(ask), 100, 0);
  }

  /** A complete one-minute RELIANCE bar opening at {@code istTime}. */
  static Bar bar(String istTime, String open, String high, String low, String close, long volume) {
    return bar(RELIANCE, istTime, open, high, low, close, volume);
  }

  static Bar bar(Instrument instrument, String istTime, String open, String high, String low, String close,
      long volume) {
    long openTime = at(istTime);
    return new Bar(instrument, BarInterval.M1, openTime, openTime + BarInterval.M1.millis(), rupees(open),
        rupees(high), rupees(low), rupees(close), volume, volume * rupees(close), (int) Math.min(volume, 100), true);
  }
}
