package io.aitrader.core.orders;

import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.order.OrderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Splits an order above the exchange's freeze quantity into slices of at most the largest lot multiple below it.
 * Groww's instrument master gives {@code freeze_quantity} as the first quantity that freezes (e.g. 601 for a
 * 600-unit limit), so a slice carries at most {@code freeze − 1}, rounded down to the lot size.
 *
 * <p>Slice 1 keeps the submitted reference id; slice {@code k} (k ≥ 2) gets
 * {@code <up to 8 letters/digits of the id><6-character base-36 hash of the whole id>-<k>}: deterministic and valid
 * for Groww (8–20 characters, one hyphen). Ids alike in their first 8 characters differ by the hash, which is
 * 32 bits, so two ids can still derive the same child id; the order service refuses a submission whose derived
 * id is taken, and when it rebuilds slice lists after a restart it accepts only slices recorded with their parent.
 */
final class Slicing {
  private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

  private Slicing() {}

  /** The most one order may carry, or {@link Long#MAX_VALUE} when the instrument has no freeze quantity. */
  static long maxPerOrder(Instrument instrument) {
    OptionalInt freeze = instrument.freezeQuantity();
    if (freeze.isEmpty()) {
      return Long.MAX_VALUE;
    }
    long below = freeze.getAsInt() - 1L;
    return below - below % instrument.lotSize();
  }

  /** The slices of {@code request} (just {@code request} when it is within the limit). */
  static List<OrderRequest> slices(OrderRequest request, long maxPerOrder) {
    if (request.quantity() <= maxPerOrder) {
      return List.of(request);
    }
    List<OrderRequest> out = new ArrayList<>();
    long left = request.quantity();
    int k = 1;
    while (left > 0) {
      long q = Math.min(left, maxPerOrder);
      out.add(request.toBuilder().quantity(q).referenceId(k == 1 ? request.referenceId() : childId(request.referenceId(), k)).build());
      left -= q;
      k++;
    }
    return List.copyOf(out);
  }

  static String childId(String parent, int k) {
    StringBuilder b = new StringBuilder(20);
    for (int i = 0; i < parent.length() && b.length() < 8; i++) {
      char c = parent.charAt(i);
      if (c != '-') {
        b.append(c);
      }
    }
    long h = parent.hashCode() & 0xffffffffL; // all 32 bits: 6 base-36 digits hold 2^32
    for (int i = 0; i < 6; i++) {
      b.append(BASE36.charAt((int) (h % 36)));
      h /= 36;
    }
    return b.append('-').append(k).toString();
  }
}
