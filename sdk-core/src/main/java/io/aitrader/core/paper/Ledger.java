package io.aitrader.core.paper;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Price;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.order.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The paper broker's records: every order by reference id (in placement order), each instrument's {@link Book},
 * the id sequences, and the one place where order states change — each change is queued on the
 * {@link Dispatcher}, a fill before the update that reports it. Guarded by the broker's lock.
 */
final class Ledger {
  private final Map<String, WorkingOrder> byReference = new LinkedHashMap<>();
  /** The orders still active, oldest first: the end of day walks these, not the whole history. */
  private final Map<String, WorkingOrder> active = new LinkedHashMap<>();
  private final Map<Instrument, Book> books = new HashMap<>();
  private final Dispatcher dispatcher;
  private long orderSequence;
  private long tradeSequence;

  Ledger(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  String nextOrderId() {
    return sequenced("PAPER-", ++orderSequence);
  }

  @Nullable WorkingOrder find(String referenceId) {
    return byReference.get(referenceId);
  }

  /** The instrument's book, or null when no market event or order has been seen for it. */
  @Nullable Book existingBook(Instrument instrument) {
    return books.get(instrument);
  }

  Book book(Instrument instrument) {
    Book book = books.get(instrument);
    if (book == null) {
      book = new Book();
      books.put(instrument, book);
    }
    return book;
  }

  /** Records a newly placed (or rejected) order and queues its first state. */
  void add(Order order) {
    WorkingOrder w = new WorkingOrder(order);
    byReference.put(order.referenceId(), w);
    if (order.status().isActive()) {
      book(order.instrument()).working.add(w);
      active.put(order.referenceId(), w);
    }
    dispatcher.queue(order);
  }

  /** Replaces the order's state and queues it. The caller removes a now terminal order from its book. */
  void update(WorkingOrder w, Order next) {
    w.order = next;
    if (!next.status().isActive()) {
      active.remove(next.referenceId());
    }
    dispatcher.queue(next);
  }

  /** Executes {@code quantity} at {@code priceUnits}: queues the fill, then the order with the new filled quantity. */
  void fill(WorkingOrder w, long quantity, long priceUnits, long atMillis) {
    Order order = w.order;
    String tradeId = sequenced("PT-", ++tradeSequence);
    Fill fill = new Fill(tradeId, order.brokerOrderId(), order.referenceId(), order.instrument(), order.request().side(),
        quantity, Price.ofUnits(priceUnits), atMillis, order.request().product());
    w.fills.add(fill);
    w.filledValueUnits = Math.addExact(w.filledValueUnits, Math.multiplyExact(priceUnits, quantity));
    long filled = order.filledQuantity() + quantity;
    Price average = Price.ofUnits(TickRounding.halfEven(w.filledValueUnits, filled));
    OrderStatus status = filled == order.request().quantity() ? OrderStatus.EXECUTED : OrderStatus.OPEN;
    dispatcher.queue(fill);
    update(w, order.updated(status, filled, Optional.of(average), order.remark(), later(order, atMillis)));
  }

  /** Moves an active order to a terminal state with a remark (cancel, expiry, IOC remainder). */
  void finish(WorkingOrder w, OrderStatus terminal, String remark, long atMillis) {
    Order order = w.order;
    update(w, order.updated(terminal, order.filledQuantity(), order.averageFillPrice(), Optional.of(remark),
        later(order, atMillis)));
  }

  /** The active orders, oldest first: a copy. */
  List<WorkingOrder> active() {
    return new ArrayList<>(active.values());
  }

  /** Every order, oldest first: a copy. */
  List<WorkingOrder> all() {
    return new ArrayList<>(byReference.values());
  }

  /** {@code atMillis}, or the order's last update time when that is later: updates never go back in time. */
  static long later(Order order, long atMillis) {
    return Math.max(order.updatedAtMillis(), atMillis);
  }

  static boolean isBuy(WorkingOrder w) {
    return w.order.request().side() == Side.BUY;
  }

  /** {@code prefix} + the number zero-padded to six digits (more when larger), without {@code String.format}. */
  static String sequenced(String prefix, long n) {
    String digits = Long.toString(n);
    StringBuilder b = new StringBuilder(prefix.length() + Math.max(6, digits.length())).append(prefix);
    for (int i = digits.length(); i < 6; i++) {
      b.append('0');
    }
    return b.append(digits).toString();
  }
}
