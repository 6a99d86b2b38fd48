package io.aitrader.core.orders;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.order.OrderStore;
import io.aitrader.api.order.StoredOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link OrderStore} in memory: the embedded default for backtests, where a restart starts a new run anyway.
 * Nothing survives the process. Thread-safe (synchronized).
 */
public final class InMemoryOrderStore implements OrderStore {
  /** Per reference id, in recording order, the latest record: replaced in its holder, one map lookup per change. */
  private final Map<String, Entry> orders = new LinkedHashMap<>();

  /** The latest record of one order. */
  private static final class Entry {
    StoredOrder current;

    Entry(StoredOrder current) {
      this.current = current;
    }
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public synchronized void recordIntent(OrderRequest request, long atMillis) {
    required(request, "request");
    if (orders.containsKey(request.referenceId())) {
      check(false, "request.referenceId", "was already recorded: a reference id names one order forever; use a new one",
          request.referenceId());
    }
    orders.put(request.referenceId(), new Entry(new StoredOrder(request, atMillis, Optional.empty(), Optional.empty())));
  }

  @Override
  public synchronized void recordState(Order order) {
    Entry e = require(order.referenceId());
    StoredOrder known = e.current;
    e.current = new StoredOrder(known.request(), known.recordedAtMillis(), Optional.of(order), Optional.empty());
  }

  @Override
  public synchronized void recordFailure(String referenceId, String reason, long atMillis) {
    Entry e = require(referenceId);
    StoredOrder known = e.current;
    e.current = new StoredOrder(known.request(), known.recordedAtMillis(), Optional.empty(), Optional.of(reason));
  }

  @Override
  public synchronized Optional<StoredOrder> find(String referenceId) {
    Entry e = orders.get(referenceId);
    return e == null ? Optional.empty() : Optional.of(e.current);
  }

  @Override
  public synchronized List<StoredOrder> orders() {
    List<StoredOrder> all = new ArrayList<>(orders.size());
    for (Entry e : orders.values()) {
      all.add(e.current);
    }
    return List.copyOf(all);
  }

  @Override
  public void close() {
    // nothing to release
  }

  private Entry require(String referenceId) {
    Entry known = orders.get(referenceId);
    if (known == null) {
      throw new NotFoundException("no order intent recorded for reference id " + referenceId
          + "; record the intent before its state");
    }
    return known;
  }
}
