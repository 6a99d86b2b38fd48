package io.aitrader.core.signals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds rules to one feature layout and hands out per-series state slots. Used once per registration, after
 * every feature name has been checked to exist. Not thread-safe.
 */
final class Binder {
  private final Map<String, Integer> indices = new HashMap<>();
  private int doubles;
  private int longs;

  Binder(List<String> featureNames) {
    for (int i = 0; i < featureNames.size(); i++) {
      indices.put(featureNames.get(i), i);
    }
  }

  /** The position of {@code feature} in every vector; the name was checked at registration. */
  int index(String feature) {
    Integer i = indices.get(feature);
    if (i == null) {
      throw new IllegalStateException("feature '" + feature + "' was not checked before binding");
    }
    return i;
  }

  /** Reserves {@code n} double slots (initially NaN) and returns the first one's offset. */
  int doubles(int n) {
    int offset = doubles;
    doubles += n;
    return offset;
  }

  /** Reserves {@code n} long slots (initially 0) and returns the first one's offset. */
  int longs(int n) {
    int offset = longs;
    longs += n;
    return offset;
  }

  int doubleCount() {
    return doubles;
  }

  int longCount() {
    return longs;
  }
}
