package io.aitrader.core.services;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.EventHandler;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.bus.Watermark;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.Bar;
import io.aitrader.core.features.DefaultFeatureService;
import io.aitrader.core.features.StandardIndicators;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The feature service as a service: the strategy's features computed on each complete bar of its interval and
 * published on {@code features.<interval>}, each bar's watermark forwarded to the same shard. Features depend only
 * on their instrument's bars, so several instances may split the instruments in one consumer group. An optional
 * sink (the online feature cache) receives each vector too.
 */
public final class FeatureUnit implements ServiceUnit, EventHandler<Bar> {
  private final EventBus bus;
  private final DefaultFeatureService features = new DefaultFeatureService(StandardIndicators.catalog());
  private final Topic<FeatureVector> out;
  private final Subscription subscription;
  private final long endMillis;
  private long[] marks = new long[0];
  private long vectors;

  public FeatureUnit(EventBus bus, SessionPlan plan, List<String> expressions, Consumer<FeatureVector> sink) {
    this.bus = bus;
    this.endMillis = plan.endMillis();
    this.out = Topics.features(plan.strategyInterval());
    features.define(expressions);
    features.subscribe(v -> {
      vectors++;
      bus.publish(out, v);
      sink.accept(v);
    });
    this.subscription = bus.subscribe(Topics.bars(plan.strategyInterval()), this);
  }

  @Override
  public synchronized void onEvent(Bar bar) {
    features.onBar(bar);
  }

  @Override
  public synchronized void onWatermark(Watermark watermark) {
    if (marks.length != watermark.shards()) {
      marks = new long[watermark.shards()];
      Arrays.fill(marks, Long.MIN_VALUE);
    }
    marks[watermark.shard()] = Math.max(marks[watermark.shard()], watermark.millis());
    bus.forwardWatermark(out, watermark);
  }

  @Override
  public String name() {
    return "feature";
  }

  @Override
  public synchronized boolean sessionDone() {
    return marks.length > 0 && Arrays.stream(marks).allMatch(m -> m >= endMillis);
  }

  @Override
  public synchronized String report() {
    return "feature: " + vectors + " feature vectors";
  }

  @Override
  public void close() {
    subscription.close();
  }
}
