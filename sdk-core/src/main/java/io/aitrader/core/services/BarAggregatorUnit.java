package io.aitrader.core.services;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.bus.Watermark;
import io.aitrader.api.instrument.Exchange;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.market.Tick;
import io.aitrader.api.time.MarketCalendar;
import io.aitrader.core.bars.TimeBarAggregator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bar aggregator as a service: ticks from {@code market.ticks.*} to complete bars on {@code market.candles.*}.
 * Several instances in one consumer group split the tick partitions (so the instruments) between them; each keeps
 * one {@link TimeBarAggregator} per shard, closes a shard's bars when that shard's watermark passes their close
 * (or a later tick of the instrument arrives), never because of another shard's ticks, and then forwards the mark to
 * the same shard of every bar topic. A bar therefore depends only on its instrument's ticks and is made once.
 */
public final class BarAggregatorUnit implements ServiceUnit {
  /** Closing by tick time across instruments is off: only watermarks close other instruments' bars. */
  private static final Duration NO_TICK_WATERMARK = Duration.ofDays(365L * 100);

  private final EventBus bus;
  private final MarketCalendar calendar;
  private final Set<BarInterval> intervals;
  private final List<Exchange> exchanges;
  private final List<Subscription> subscriptions = new ArrayList<>();
  /** Per exchange (index in {@link #exchanges}), per shard. */
  private final TimeBarAggregator[][] aggregators;
  private final long[][] marks;
  /** Per shard of the bar topics: the watermark forwarded last. */
  private final long[] forwarded;
  private final Set<String> instruments = new TreeSet<>();
  private final Set<Integer> shardsSeen = new TreeSet<>();
  private long bars;
  private final long endMillis;

  public BarAggregatorUnit(EventBus bus, MarketCalendar calendar, SessionPlan plan) {
    this.bus = bus;
    this.calendar = calendar;
    this.intervals = plan.barIntervals();
    this.exchanges = new ArrayList<>(plan.exchanges());
    this.endMillis = plan.endMillis();
    this.aggregators = new TimeBarAggregator[exchanges.size()][];
    this.marks = new long[exchanges.size()][];
    int shards = bus.shards(Topics.bars(plan.strategyInterval()));
    for (int e = 0; e < exchanges.size(); e++) {
      Topic<Tick> ticks = Topics.ticks(exchanges.get(e));
      if (bus.shards(ticks) != shards) {
        throw new IllegalArgumentException("topic '" + ticks + "' has " + bus.shards(ticks) + " shard(s) but the bar"
            + " topics have " + shards + ": bars are kept on their ticks' shard, so both need as many");
      }
      aggregators[e] = new TimeBarAggregator[shards];
      marks[e] = new long[shards];
      Arrays.fill(marks[e], Long.MIN_VALUE);
    }
    this.forwarded = new long[shards];
    Arrays.fill(forwarded, Long.MIN_VALUE);
    for (int e = 0; e < exchanges.size(); e++) {
      subscriptions.add(bus.subscribe(Topics.ticks(exchanges.get(e)), new Ticks(e)));
    }
  }

  /** The ticks of one exchange. */
  private final class Ticks implements EventHandler<Tick> {
    private final int exchange;
    private final Topic<Tick> topic;

    Ticks(int exchange) {
      this.exchange = exchange;
      this.topic = Topics.ticks(exchanges.get(exchange));
    }

    @Override
    public void onEvent(Tick tick) {
      onTick(exchange, bus.shardOf(topic, tick), tick);
    }

    @Override
    public void onWatermark(Watermark watermark) {
      onMark(exchange, watermark);
    }
  }

  private synchronized void onTick(int exchange, int shard, Tick tick) {
    instruments.add(tick.instrument().id());
    aggregator(exchange, shard).onTick(tick);
  }

  private synchronized void onMark(int exchange, Watermark w) {
    int shard = w.shard();
    shardsSeen.add(shard);
    if (w.millis() <= marks[exchange][shard]) {
      return;
    }
    marks[exchange][shard] = w.millis();
    aggregator(exchange, shard).advanceTo(w.millis());
    long out = Long.MAX_VALUE;
    for (long[] m : marks) {
      out = Math.min(out, m[shard]);
    }
    if (out > forwarded[shard]) {
      forwarded[shard] = out;
      for (BarInterval interval : intervals) {
        bus.forwardWatermark(Topics.bars(interval), new Watermark(out, shard, w.shards()));
      }
    }
  }

  private TimeBarAggregator aggregator(int exchange, int shard) {
    TimeBarAggregator a = aggregators[exchange][shard];
    if (a == null) {
      a = TimeBarAggregator.builder().calendar(calendar).intervals(intervals).watermarkLag(NO_TICK_WATERMARK)
          .listener(bar -> {
            bars++;
            bus.publish(Topics.bars(bar.interval()), bar.toBar());
          }).build();
      aggregators[exchange][shard] = a;
    }
    return a;
  }

  @Override
  public String name() {
    return "bar-aggregator";
  }

  @Override
  public synchronized boolean sessionDone() {
    for (long f : forwarded) {
      if (f < endMillis) {
        return false;
      }
    }
    return true;
  }

  /** The instruments whose ticks this instance aggregated. */
  public synchronized Set<String> instruments() {
    return Set.copyOf(instruments);
  }

  @Override
  public synchronized String report() {
    return "bar-aggregator: " + bars + " bars of " + instruments.size() + " instrument(s) " + instruments
        + " from shard(s) " + shardsSeen;
  }

  @Override
  public void close() {
    subscriptions.forEach(Subscription::close);
  }
}
