package io.aitrader.core.signals;

import io.aitrader.api.feature.FeatureVector;
import java.util.List;
import java.util.Set;

/** {@code all(...)} (every child holds) or {@code any(...)} (at least one holds); state is the children's. */
final class CompositeRule extends Rule {
  private final List<Rule> children;
  private final boolean all;

  CompositeRule(List<Rule> children, boolean all) {
    this.children = List.copyOf(children);
    this.all = all;
  }

  /** Whether this is an {@code all(...)}: its children are listed flat at the top of a reason. */
  boolean isAll() {
    return all;
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder(all ? "all(" : "any(");
    for (int i = 0; i < children.size(); i++) {
      sb.append(i == 0 ? "" : all ? ", " : " | ").append(children.get(i).describe());
    }
    return sb.append(')').toString();
  }

  @Override
  void collectFeatures(Set<String> out) {
    for (Rule r : children) {
      r.collectFeatures(out);
    }
  }

  @Override
  BoundRule bind(Binder binder) {
    BoundRule[] bound = new BoundRule[children.size()];
    for (int i = 0; i < bound.length; i++) {
      bound[i] = children.get(i).bind(binder);
    }
    return new Bound(bound, all);
  }

  /** Bound form; {@link #explainFlat} writes the children of an {@code all} as top-level clauses. */
  static final class Bound extends BoundRule {
    private final BoundRule[] children;
    private final boolean all;

    Bound(BoundRule[] children, boolean all) {
      this.children = children;
      this.all = all;
    }

    @Override
    boolean test(FeatureVector v, EvalContext c) {
      for (BoundRule r : children) {
        if (r.test(v, c) != all) {
          return !all;
        }
      }
      return all;
    }

    @Override
    boolean explain(FeatureVector v, EvalContext c, StringBuilder out) {
      out.append(all ? "all(" : "any(");
      boolean passed = explainChildren(v, c, out, all ? ", " : " | ");
      out.append(')');
      Reasons.mark(out, passed);
      return passed;
    }

    /** Appends every child's explanation (even after the outcome is known), joined by {@code separator}. */
    boolean explainChildren(FeatureVector v, EvalContext c, StringBuilder out, String separator) {
      boolean passed = all;
      boolean first = true;
      for (BoundRule r : children) {
        if (r.isAlways()) {
          continue;
        }
        if (!first) {
          out.append(separator);
        }
        first = false;
        boolean p = r.explain(v, c, out);
        passed = all ? passed && p : passed || p;
      }
      return passed;
    }

    boolean isAllOf() {
      return all;
    }

    @Override
    void update(FeatureVector v, EvalContext c, boolean entryEmitted) {
      for (BoundRule r : children) {
        r.update(v, c, entryEmitted);
      }
    }
  }
}
