package io.aitrader.core.backtest.results;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Product;
import io.aitrader.core.backtest.ChargedFill;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The round-trip trades of a list of fills: every position lifecycle per (instrument, product), from flat to flat.
 *
 * <p>Rules:
 * <ul>
 *   <li>Fills are taken in list order (the order they happened), one position per instrument id and product.</li>
 *   <li>A fill on the side of the position (or from flat) opens or adds; a fill on the other side reduces.</li>
 *   <li>A fill that reverses the position is split: the part that makes it flat ends the trade, the rest opens the
 *       next one at the same time and price. Its charges total is split pro rata by quantity, exactly: the opening
 *       part gets {@code floor(charges × openingQty / fillQty)} units of ₹0.0001 and the closing part the rest, so
 *       the remainder unit goes to the closing part and the two parts sum to the fill's charges.</li>
 *   <li>Closed trades are ordered by exit time, then instrument id, then product, then entry time; positions still
 *       open at the end are {@link #openTrades()}, ordered by instrument id, then product.</li>
 * </ul>
 *
 * <pre>{@code
 * RoundTrips rt = RoundTrips.of(run.fills());
 * rt.trades();      // closed round trips
 * rt.openTrades();  // positions left open
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param trades     closed round trips
 * @param openTrades positions still open after the last fill
 */
public record RoundTrips(List<Trade> trades, List<OpenTrade> openTrades) {
  private static final Comparator<Trade> TRADE_ORDER = Comparator.comparingLong(Trade::exitTimeMillis)
      .thenComparing(Trade::instrumentId).thenComparing(Trade::product).thenComparingLong(Trade::entryTimeMillis);
  private static final Comparator<OpenTrade> OPEN_ORDER = Comparator.comparing(OpenTrade::instrumentId)
      .thenComparing(OpenTrade::product);

  /** Copies both lists. */
  public RoundTrips {
    trades = List.copyOf(required(trades, "RoundTrips.trades"));
    openTrades = List.copyOf(required(openTrades, "RoundTrips.openTrades"));
  }

  /** Pairs {@code fills} (in the order they happened) into round trips. */
  public static RoundTrips of(List<ChargedFill> fills) {
    required(fills, "RoundTrips.fills");
    Map<Key, Lifecycle> positions = new LinkedHashMap<>();
    List<Trade> closed = new ArrayList<>();
    for (ChargedFill cf : fills) {
      Fill f = cf.fill();
      Key key = new Key(f.instrument().id(), f.product());
      positions.computeIfAbsent(key, k -> new Lifecycle(k.instrumentId(), k.product()))
          .apply(f, cf.charges().total().units(), closed);
    }
    closed.sort(TRADE_ORDER);
    List<OpenTrade> open = new ArrayList<>();
    for (Lifecycle l : positions.values()) {
      if (!l.isFlat()) {
        open.add(l.openTrade());
      }
    }
    open.sort(OPEN_ORDER);
    return new RoundTrips(closed, open);
  }

  private record Key(String instrumentId, Product product) {}
}
