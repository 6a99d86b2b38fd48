package io.aitrader.core.backtest;

import io.aitrader.api.ValidationException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.time.TradingSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bars in memory, sorted per (instrument, interval); a session is a sub-list found by binary search. */
final class InMemoryBars implements HistoricalBars {
  private record Key(Instrument instrument, BarInterval interval) {}

  private final Map<Key, List<Bar>> series;
  private final Map<Key, long[]> openTimes;
  private final String description;

  private InMemoryBars(Map<Key, List<Bar>> series, String description) {
    this.series = series;
    this.description = description;
    this.openTimes = new HashMap<>();
    series.forEach((k, bars) -> {
      long[] t = new long[bars.size()];
      for (int i = 0; i < t.length; i++) {
        t[i] = bars.get(i).openTimeMillis();
      }
      openTimes.put(k, t);
    });
  }

  static InMemoryBars of(List<Bar> bars, String description) {
    Map<Key, List<Bar>> byKey = new HashMap<>();
    for (Bar b : bars) {
      byKey.computeIfAbsent(new Key(b.instrument(), b.interval()), k -> new ArrayList<>()).add(b);
    }
    Map<Key, List<Bar>> sorted = new HashMap<>();
    byKey.forEach((k, list) -> {
      list.sort(Comparator.comparingLong(Bar::openTimeMillis));
      for (int i = 1; i < list.size(); i++) {
        if (list.get(i).openTimeMillis() == list.get(i - 1).openTimeMillis()) {
          throw new ValidationException("bars", "two " + k.interval().label() + " bars of " + k.instrument().id()
              + " open at the same time " + io.aitrader.api.time.Ist.at(list.get(i).openTimeMillis()));
        }
      }
      sorted.put(k, List.copyOf(list));
    });
    return new InMemoryBars(sorted, description);
  }

  @Override
  public List<Bar> bars(Instrument instrument, BarInterval interval, TradingSession session) {
    Key key = new Key(instrument, interval);
    List<Bar> all = series.get(key);
    if (all == null) {
      return List.of();
    }
    long[] t = openTimes.get(key);
    int from = lowerBound(t, session.openMillis());
    int to = lowerBound(t, session.closeMillis());
    return all.subList(from, to);
  }

  private static int lowerBound(long[] t, long value) {
    int lo = 0;
    int hi = t.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public String description() {
    return description;
  }
}
