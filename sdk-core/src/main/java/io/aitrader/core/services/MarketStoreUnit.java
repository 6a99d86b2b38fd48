package io.aitrader.core.services;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.MarketStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The market store as a service: keeps every complete bar of the plan's intervals in a {@link MarketStore}
 * (embedded files or ClickHouse), written in batches: when a batch is full and whenever the bar topics' low
 * watermark rises (so what is complete is stored). Bars reach the store in event-time order.
 */
public final class MarketStoreUnit implements ServiceUnit {
  private static final int BATCH = 4096;

  private final MarketStore store;
  private final long endMillis;
  private final EventTimeGate gate = new EventTimeGate();
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final List<Bar> batch = new ArrayList<>();
  private long stored;
  private volatile boolean done;

  public MarketStoreUnit(EventBus bus, MarketStore store, SessionPlan plan) {
    this.store = store;
    this.endMillis = plan.endMillis();
    for (BarInterval interval : plan.barIntervals()) {
      subscriptions.add(bus.subscribe(Topics.bars(interval), gate.input("bars " + interval.label(),
          interval.ordinal(), Bar::closeTimeMillis, b -> b.instrument().id(), this::add)));
    }
    gate.onAdvance(low -> {
      flush();
      if (low >= endMillis) {
        done = true;
      }
    });
  }

  private void add(Bar bar) {
    batch.add(bar);
    if (batch.size() >= BATCH) {
      flush();
    }
  }

  private void flush() {
    if (!batch.isEmpty()) {
      store.appendBars(batch);
      stored += batch.size();
      batch.clear();
    }
  }

  @Override
  public String name() {
    return "market-store";
  }

  @Override
  public boolean sessionDone() {
    return done;
  }

  @Override
  public String report() {
    return "market-store: " + gate.releasedCount() + " bars stored" + (gate.late() > 0 ? ", " + gate.late()
        + " repeated bar(s) ignored" : "");
  }

  @Override
  public void close() {
    subscriptions.forEach(Subscription::close);
    synchronized (gate) {
      flush();
    }
  }
}
