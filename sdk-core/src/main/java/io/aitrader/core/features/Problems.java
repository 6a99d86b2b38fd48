package io.aitrader.core.features;

import io.aitrader.api.feature.FeatureExpressionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Message helpers: the problem part of an expression error, and "did you mean" suggestions. */
final class Problems {
  private Problems() {}

  /** The message of {@code e} without its {@code "Feature expression '…' is invalid at N: "} prefix. */
  static String problemOf(FeatureExpressionException e) {
    String prefix = "Feature expression '" + e.expression() + "' is invalid"
        + (e.position() >= 0 ? " at " + e.position() : "") + ": ";
    String m = String.valueOf(e.getMessage());
    return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }

  /**
   * The known names closest to {@code name}: those at the smallest edit distance (at most 2, and less than the
   * name's length), else those it is a prefix of or that are a prefix of it; sorted, at most 3.
   */
  static List<String> closest(String name, Collection<String> known) {
    List<String> hits = new ArrayList<>();
    for (int d = 1; d <= 2 && d < name.length() && hits.isEmpty(); d++) {
      for (String k : known) {
        if (hits.size() < 3 && distance(name, k) == d) {
          hits.add(k);
        }
      }
    }
    boolean none = hits.isEmpty();
    for (String k : known) {
      if (none && Math.min(k.length(), name.length()) >= 2 && (k.startsWith(name) || name.startsWith(k))) {
        hits.add(k);
      }
    }
    return hits.size() > 3 ? hits.subList(0, 3) : hits;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
