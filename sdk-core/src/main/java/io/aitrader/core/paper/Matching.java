package io.aitrader.core.paper;

import io.aitrader.api.market.BarView;
import io.aitrader.api.market.Tick;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.Validity;
import java.util.ArrayList;

/**
 * The fill model: matches one instrument's working orders against one market event. Deterministic (the outcome
 * depends only on the orders, the event and the configuration), allocation-free unless something fills, triggers
 * or is cancelled. Guarded by the broker's lock.
 *
 * <p>Each order is matched on its own against the event: the volume cap applies per order, not shared between
 * orders of the same instrument.
 */
final class Matching {
  static final String IOC_REMARK = "IOC: quantity not filled immediately was cancelled";
  private static final long PPM = 1_000_000L;

  private final Ledger ledger;
  private final Slippage slippage;
  private final LimitFill limitFill;
  /** The share of an event's volume one order may take, in millionths; {@code PPM} means no cap. */
  private final long volumeSharePpm;

  Matching(Ledger ledger, Slippage slippage, LimitFill limitFill, long volumeSharePpm) {
    this.ledger = ledger;
    this.slippage = slippage;
    this.limitFill = limitFill;
    this.volumeSharePpm = volumeSharePpm;
  }

  void onTick(Book book, Tick tick) {
    ArrayList<WorkingOrder> working = book.working;
    boolean finished = false;
    for (int i = 0, n = working.size(); i < n; i++) {
      WorkingOrder w = working.get(i);
      if (tick.timestampMillis() >= w.eligibleFromMillis && w.order.status().isActive()) {
        match(w, tick);
        finished |= w.order.isTerminal();
      }
    }
    if (finished) {
      book.removeTerminal();
    }
  }

  void onBar(Book book, BarView bar) {
    ArrayList<WorkingOrder> working = book.working;
    boolean finished = false;
    for (int i = 0, n = working.size(); i < n; i++) {
      WorkingOrder w = working.get(i);
      if (bar.openTimeMillis() >= w.eligibleFromMillis && w.order.status().isActive()) {
        match(w, bar);
        finished |= w.order.isTerminal();
      }
    }
    if (finished) {
      book.removeTerminal();
    }
  }

  private void match(WorkingOrder w, Tick tick) {
    long price = tick.lastPrice();
    long at = tick.timestampMillis();
    boolean buy = Ledger.isBuy(w);
    // an order that has just arrived (or just triggered) is marketable at the print's price
    boolean arriving = !w.arrived;
    w.arrived = true;
    if (w.isStop() && !w.triggered) {
      if (!(buy ? price >= w.triggerUnits() : price <= w.triggerUnits())) {
        return;
      }
      trigger(w, at);
      arriving = true;
    }
    long quantity = cap(tick.lastQuantity(), w);
    if (quantity > 0) {
      long fillPrice = 0;
      if (w.isMarketLeg()) {
        fillPrice = slippage.executionPrice(w.request().side(), price, tick.bidPrice(), tick.askPrice(), tickUnits(w));
      } else if (crosses(buy, w.limitUnits(), price)) {
        fillPrice = arriving ? price : w.limitUnits();
      }
      if (fillPrice > 0) {
        ledger.fill(w, quantity, fillPrice, at);
      }
    }
    expireIoc(w, at);
  }

  private void match(WorkingOrder w, BarView bar) {
    boolean buy = Ledger.isBuy(w);
    long open = bar.open();
    long openAt = bar.openTimeMillis();
    long closeAt = bar.closeTimeMillis();
    w.arrived = true;
    // where the order becomes live in this bar: at the open, or intra-bar at its trigger price
    long reference = open;
    boolean live = true;
    boolean atOpen = true;
    if (w.isStop() && !w.triggered) {
      long trigger = w.triggerUnits();
      if (!(buy ? bar.high() >= trigger : bar.low() <= trigger)) {
        return;
      }
      atOpen = buy ? open >= trigger : open <= trigger;
      reference = atOpen ? open : trigger;
      trigger(w, atOpen ? openAt : closeAt);
      live = atOpen;
    }
    long quantity = cap(bar.volume(), w);
    if (quantity > 0) {
      long fillPrice = 0;
      long fillAt = atOpen ? openAt : closeAt;
      if (w.isMarketLeg()) {
        fillPrice = slippage.executionPrice(w.request().side(), reference, 0, 0, tickUnits(w));
      } else {
        long limit = w.limitUnits();
        if (crosses(buy, limit, reference)) {
          fillPrice = reference;
        } else if (live && crosses(buy, limit, buy ? bar.low() : bar.high())) {
          // resting through the bar (or triggered at its open): the bar's range traded through the limit
          fillPrice = limit;
          fillAt = closeAt;
        }
      }
      if (fillPrice > 0) {
        ledger.fill(w, quantity, fillPrice, fillAt);
      }
    }
    expireIoc(w, closeAt);
  }

  private void trigger(WorkingOrder w, long atMillis) {
    w.triggered = true;
    ledger.update(w, w.order.withStatus(OrderStatus.OPEN, Ledger.later(w.order, atMillis)));
  }

  /** IOC: whatever did not fill on the first market event where the order was live is cancelled. */
  private void expireIoc(WorkingOrder w, long atMillis) {
    if (w.request().validity() == Validity.IOC && w.order.status().isActive()) {
      ledger.finish(w, OrderStatus.CANCELLED, IOC_REMARK, atMillis);
    }
  }

  /** Whether a trade at {@code price} fills a resting limit order at {@code limit}. */
  private boolean crosses(boolean buy, long limit, long price) {
    if (limitFill == LimitFill.TOUCH) {
      return buy ? price <= limit : price >= limit;
    }
    return buy ? price < limit : price > limit;
  }

  /** How much of the order may fill on an event that traded {@code volume}: a share, rounded down to lots. */
  private long cap(long volume, WorkingOrder w) {
    long remaining = w.order.remainingQuantity();
    if (volumeSharePpm >= PPM) {
      return remaining;
    }
    long allowed = Math.multiplyExact(volume, volumeSharePpm) / PPM;
    allowed -= allowed % w.request().instrument().lotSize();
    return Math.min(allowed, remaining);
  }

  private static long tickUnits(WorkingOrder w) {
    return w.request().instrument().tickSize().units();
  }
}
