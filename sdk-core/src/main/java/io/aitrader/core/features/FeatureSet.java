package io.aitrader.core.features;

import io.aitrader.api.ValidationException;
import io.aitrader.api.feature.FeatureExpressionException;
import io.aitrader.api.feature.FeatureVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable, ordered set of resolved features: canonical names and their expressions. */
final class FeatureSet {
  static final FeatureSet EMPTY = new FeatureSet(List.of(), List.of());

  final List<String> names;
  /** The names validated once for every vector of this set. */
  final FeatureVector.Layout layout;
  final List<Expr> roots;

  private FeatureSet(List<String> names, List<Expr> roots) {
    this.names = List.copyOf(names);
    this.layout = FeatureVector.Layout.of(this.names);
    this.roots = List.copyOf(roots);
  }

  /**
   * This set plus {@code expressions} (those whose canonical form is already in the set are skipped). Every
   * invalid expression of the batch is reported in one {@link InvalidFeaturesException}; then nothing is added.
   */
  FeatureSet with(IndicatorCatalog catalog, List<String> expressions) {
    ValidationException.required(expressions, "expressions");
    Resolver resolver = new Resolver(catalog);
    Map<String, Expr> added = new LinkedHashMap<>();
    List<FeatureExpressionException> errors = new ArrayList<>();
    for (int i = 0; i < expressions.size(); i++) {
      String source = ValidationException.required(expressions.get(i), "expressions[" + i + "]");
      try {
        Expr e = resolver.resolve(source);
        if (!names.contains(e.canonical())) {
          added.putIfAbsent(e.canonical(), e);
        }
      } catch (FeatureExpressionException e) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFeaturesException(errors);
    }
    List<String> n = new ArrayList<>(names);
    List<Expr> r = new ArrayList<>(roots);
    n.addAll(added.keySet());
    r.addAll(added.values());
    return new FeatureSet(n, r);
  }

  int size() {
    return names.size();
  }
}
