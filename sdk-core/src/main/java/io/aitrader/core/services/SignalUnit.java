package io.aitrader.core.services;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.Subscription;
import io.aitrader.api.bus.Topic;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.signal.Signal;
import io.aitrader.core.features.DefaultFeatureService;
import io.aitrader.core.features.StandardIndicators;
import io.aitrader.core.signals.DefaultSignalService;
import io.aitrader.core.signals.RuleSet;
import java.util.List;

/**
 * The signal service as a service: the strategy's rules and model evaluated on each feature vector, in event-time
 * order across instruments (its rules may keep state across them), signals published on {@code signals.<strategy>}
 * and the released watermark after them. One instance per strategy.
 */
public final class SignalUnit implements ServiceUnit {
  private final EventBus bus;
  private final EventTimeGate gate = new EventTimeGate();
  private final Subscription subscription;
  private final Topic<Signal> out;
  private final long endMillis;
  private volatile boolean done;
  private long signals;

  public SignalUnit(EventBus bus, SessionPlan plan, List<String> featureExpressions, RuleSet rules) {
    this.bus = bus;
    this.endMillis = plan.endMillis();
    this.out = Topics.signals(rules.strategyId());
    DefaultFeatureService names = new DefaultFeatureService(StandardIndicators.catalog());
    names.define(featureExpressions);
    DefaultSignalService service = DefaultSignalService.builder().featureNames(names.featureNames()).eventBus(bus)
        .build();
    service.register(rules);
    service.subscribe(s -> signals++);
    subscription = bus.subscribe(Topics.features(plan.strategyInterval()), gate.input("features", 0,
        FeatureVector::timestampMillis, f -> f.instrument().id(), service::onFeatures));
    gate.onAdvance(low -> {
      bus.publishWatermark(out, low);
      if (low >= endMillis) {
        done = true;
      }
    });
  }

  @Override
  public String name() {
    return "signal";
  }

  @Override
  public boolean sessionDone() {
    return done;
  }

  @Override
  public String report() {
    synchronized (gate) {
      return "signal: " + gate.releasedCount() + " feature vectors evaluated, " + signals + " signals";
    }
  }

  @Override
  public void close() {
    subscription.close();
  }
}
