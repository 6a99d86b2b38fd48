package io.aitrader.core.backtest;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one backtest per point of a parameter grid, in parallel across cores (each run single-threaded, with its
 * own services), and returns the runs in grid order — the same list whatever the thread count.
 *
 * <pre>{@code
 * List<Map<String, String>> grid = ParameterSweep.grid(Map.of("fast", List.of("5", "9", "12"),
 *                                                           "slow", List.of("21", "26")));
 * List<ParameterSweep.Point> points = ParameterSweep.run(config, grid, 2, (done, total) -> {});
 * ParameterSweep.Point best = ParameterSweep.best(points, Objective.sharpe());
 * }</pre>
 */
public final class ParameterSweep {

  /** Told after each finished run, from the worker threads (implementations must be thread-safe). */
  @FunctionalInterface
  public interface Progress {
    void runDone(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  /**
   * One grid point and its run.
   *
   * @param parameters the parameters given for this point (over the strategy's defaults)
   * @param run        what the backtest produced
   */
  public record Point(Map<String, String> parameters, BacktestRun run) {
    public Point {
      parameters = Collections.unmodifiableMap(new TreeMap<>(required(parameters, "Point.parameters")));
      required(run, "Point.run");
    }
  }

  private ParameterSweep() {}

  /**
   * The Cartesian product of {@code axes}: names in sorted order vary slowest-first, values in the order given.
   * An empty axes map gives one empty point (the defaults).
   */
  public static List<Map<String, String>> grid(Map<String, List<String>> axes) {
    List<Map<String, String>> points = new ArrayList<>();
    points.add(Map.of());
    for (Map.Entry<String, List<String>> axis : new TreeMap<>(axes).entrySet()) {
      check(!axis.getValue().isEmpty(), "grid." + axis.getKey(), "must list at least one value", axis.getValue());
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> p : points) {
        for (String v : axis.getValue()) {
          Map<String, String> q = new LinkedHashMap<>(p);
          q.put(axis.getKey(), v);
          next.add(q);
        }
      }
      points = next;
    }
    return points;
  }

  /**
   * Runs {@code base} with each point's parameters on {@code threads} threads.
   *
   * @throws ValidationException when a point's parameters are invalid (before anything runs), naming it
   */
  public static List<Point> run(BacktestConfig base, List<Map<String, String>> grid, int threads, Progress progress) {
    check(threads >= 1, "ParameterSweep.threads", "must be >= 1", threads);
    check(!grid.isEmpty(), "ParameterSweep.grid", "must have at least one point", grid);
    List<BacktestConfig> configs = new ArrayList<>();
    for (Map<String, String> p : grid) {
      configs.add(base.toBuilder().parameters(p).build()); // validates every point first
    }
    AtomicInteger done = new AtomicInteger();
    int total = configs.size();
    if (threads == 1 || total == 1) {
      List<Point> out = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        out.add(new Point(grid.get(i), Backtest.run(configs.get(i))));
        progress.runDone(done.incrementAndGet(), total);
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), r -> {
      Thread t = new Thread(r, "aitrader-sweep");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<BacktestRun>> futures = new ArrayList<>();
      for (BacktestConfig c : configs) {
        futures.add(pool.submit(() -> {
          BacktestRun r = Backtest.run(c);
          progress.runDone(done.incrementAndGet(), total);
          return r;
        }));
      }
      List<Point> out = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        out.add(new Point(grid.get(i), await(futures.get(i))));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The point with the highest score; ties go to the earliest in grid order (deterministic). */
  public static Point best(List<Point> points, Objective objective) {
    check(!points.isEmpty(), "ParameterSweep.points", "must not be empty", points);
    Point best = points.get(0);
    double bestScore = objective.of(best.run());
    for (int i = 1; i < points.size(); i++) {
      double s = objective.of(points.get(i).run());
      if (s > bestScore) {
        best = points.get(i);
        bestScore = s;
      }
    }
    return best;
  }

  private static BacktestRun await(Future<BacktestRun> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a sweep run", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("a sweep run failed: " + e.getCause(), e.getCause());
    }
  }
}
