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
  private final Map<String, StoredOrder> orders = new LinkedHashMap<>();

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public synchronized void recordIntent(OrderRequest request, long atMillis) {
    required(request, "request");
    check(!orders.containsKey(request.referenceId()), "request.referenceId",
        "was already recorded: a reference id names one order forever; use a new one", request.referenceId());
    orders.put(request.referenceId(), new StoredOrder(request, atMillis, Optional.empty(), Optional.empty()));
  }

  @Override
  public synchronized void recordState(Order order) {
    StoredOrder known = require(order.referenceId());
    orders.put(order.referenceId(), new StoredOrder(known.request(), known.recordedAtMillis(), Optional.of(order),
        Optional.empty()));
  }

  @Override
  public synchronized void recordFailure(String referenceId, String reason, long atMillis) {
    StoredOrder known = require(referenceId);
    orders.put(referenceId, new StoredOrder(known.request(), known.recordedAtMillis(), Optional.empty(),
        Optional.of(reason)));
  }

  @Override
  public synchronized Optional<StoredOrder> find(String referenceId) {
    return Optional.ofNullable(orders.get(referenceId));
  }

  @Override
  public synchronized List<StoredOrder> orders() {
    return List.copyOf(new ArrayList<>(orders.values()));
  }

  @Override
  public void close() {
    // nothing to release
  }

  private StoredOrder require(String referenceId) {
    StoredOrder known = orders.get(referenceId);
    if (known == null) {
      throw new NotFoundException("no order intent recorded for reference id " + referenceId
          + "; record the intent before its state");
    }
    return known;
  }
}
