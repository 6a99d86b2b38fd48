package io.aitrader.core.portfolio;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.money.Price;
import io.aitrader.api.portfolio.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares two lists of positions by {@code (instrument id, product)}; pure, no state. */
final class Reconciler {
  private Reconciler() {}

  /**
   * The differences between {@code ours} and {@code broker}: ours in their order first, then positions only the
   * broker has, in its order. Flat positions count as absent.
   */
  static List<PositionDifference> differences(List<Position> ours, List<Position> broker, Price priceTolerance) {
    required(broker, "brokerPositions");
    required(priceTolerance, "priceTolerance");
    check(priceTolerance.units() >= 0, "priceTolerance", "must be >= 0", priceTolerance);
    Map<String, Position> theirs = new LinkedHashMap<>();
    for (Position p : broker) {
      required(p, "brokerPositions[]");
      check(theirs.put(key(p), p) == null, "brokerPositions", "must hold at most one position per instrument and product",
          key(p));
    }
    List<PositionDifference> out = new ArrayList<>();
    for (Position mine : ours) {
      Position other = theirs.remove(key(mine));
      long otherQty = other == null ? 0 : other.netQuantity();
      if (mine.isFlat() && otherQty == 0) {
        continue;
      }
      Price otherAvg = other == null ? Price.ZERO : other.averagePrice();
      PositionDifference.Kind kind;
      if (otherQty == 0) {
        kind = PositionDifference.Kind.MISSING_AT_BROKER;
      } else if (mine.isFlat()) {
        kind = PositionDifference.Kind.MISSING_HERE;
      } else if (mine.netQuantity() != otherQty) {
        kind = PositionDifference.Kind.QUANTITY;
      } else if (Math.abs(Math.subtractExact(mine.averagePrice().units(), otherAvg.units())) > priceTolerance.units()) {
        kind = PositionDifference.Kind.PRICE;
      } else {
        continue;
      }
      out.add(new PositionDifference(mine.instrument(), mine.product(), mine.netQuantity(), otherQty,
          mine.averagePrice(), otherAvg, kind));
    }
    for (Position other : theirs.values()) {
      if (!other.isFlat()) {
        out.add(new PositionDifference(other.instrument(), other.product(), 0, other.netQuantity(), Price.ZERO,
            other.averagePrice(), PositionDifference.Kind.MISSING_HERE));
      }
    }
    return List.copyOf(out);
  }

  private static String key(Position p) {
    return p.instrument().id() + "/" + p.product();
  }
}
