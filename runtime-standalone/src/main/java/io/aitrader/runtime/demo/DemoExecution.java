package io.aitrader.runtime.demo;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Money;
import io.aitrader.api.time.TimeSource;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.instruments.ReferencePrices;
import io.aitrader.core.orders.DailyPriceBands;
import io.aitrader.core.paper.PaperBroker;
import io.aitrader.core.paper.Slippage;
import java.util.List;

/**
 * The demo's paper account: ₹10,00,000, Groww's charges, NSE's ±20 % bands around the reference prices, the paper
 * broker filling at the next tick with 2 bps slippage and at most a quarter of each print.
 */
public final class DemoExecution {
  private final Money startingCash;

  public DemoExecution(Money startingCash) {
    this.startingCash = startingCash;
  }

  /** The default demo account. */
  public static DemoExecution standard() {
    return new DemoExecution(Money.ofRupees(1_000_000));
  }

  ExecutionTier build(TimeSource clock, EventBus bus, List<Instrument> instruments) {
    DailyPriceBands bands = new DailyPriceBands();
    ReferencePrices reference = ReferencePrices.bundledNse();
    for (Instrument i : instruments) {
      reference.find(i).ifPresent(p -> bands.setFromPreviousClose(i, p, 20));
    }
    return ExecutionTier.builder().timeSource(clock).eventBus(bus).startingCash(startingCash)
        .paperBroker(PaperBroker.builder().slippage(Slippage.fixedBps(2)).maxVolumeShare(0.25))
        .priceBands(bands)
        .build();
  }
}
