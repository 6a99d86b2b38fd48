package io.aitrader.api.market;

import io.aitrader.api.instrument.Instrument;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Market Store service: persists ticks and bars and answers range queries; the backtest reads from it.
 * Embedded default in sdk-core; ClickHouse in the connector.
 *
 * <p>Time ranges are half-open {@code [fromMillis, toMillis)} on the tick time or the bar open time. Results are
 * in time order. Thread-safe.
 */
public interface MarketStore extends AutoCloseable {

  void appendTicks(Collection<Tick> ticks);

  /** Stores complete bars; a bar with the same instrument, interval and open time replaces the older one. */
  void appendBars(Collection<Bar> bars);

  List<Tick> ticks(Instrument instrument, long fromMillis, long toMillis);

  List<Bar> bars(Instrument instrument, BarInterval interval, long fromMillis, long toMillis);

  /** The latest stored tick of an instrument (its snapshot). */
  Optional<Tick> lastTick(Instrument instrument);

  @Override
  void close();
}
