package io.aitrader.connector.kafka.codec;

import io.aitrader.api.instrument.InstrumentRepository;
import io.aitrader.api.market.Bar;
import io.aitrader.api.market.FeedStatus;
import io.aitrader.api.market.Tick;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.signal.Signal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The codecs a bus uses, by event type: {@link #standard} has every event type of
 * {@link io.aitrader.api.bus.Topics} (binary {@link Tick} and {@link Bar}, JSON {@link Order}, {@link Fill},
 * {@link Signal}, {@link io.aitrader.api.feature.FeatureVector}, {@link FeedStatus}, {@link
 * io.aitrader.api.market.MarketDepth} (the {@code market.depth.<exchange>} topics) and the execution tier's
 * {@link io.aitrader.core.execution.SessionSummary}, the risk engine's {@link io.aitrader.core.risk.RiskCheck} and
 * {@link io.aitrader.core.risk.KillSwitchEvent}, and {@link io.aitrader.core.audit.AuditEntry}); {@link #with} adds or replaces one for another type.
 *
 * <pre>{@code
 * EventCodecs codecs = EventCodecs.standard(instruments).with(new MyEventCodec());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class EventCodecs {
  private final Map<Class<?>, EventCodec<?>> byType;

  private EventCodecs(Map<Class<?>, EventCodec<?>> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** The codecs of the standard topics' event types, resolving instruments through {@code instruments}. */
  public static EventCodecs standard(InstrumentRepository instruments) {
    Objects.requireNonNull(instruments, "instruments");
    InstrumentIds ids = new InstrumentIds(instruments);
    Map<Class<?>, EventCodec<?>> map = new HashMap<>();
    put(map, new TickCodec(instruments));
    put(map, new BarCodec(instruments));
    put(map, new JsonCodecs.OrderCodec(ids));
    put(map, new JsonCodecs.FillCodec(ids));
    put(map, new JsonCodecs.FeedStatusCodec(ids));
    put(map, new JsonCodecs.MarketDepthCodec(ids));
    put(map, new JsonCodecs.SignalCodec(ids));
    put(map, new JsonCodecs.FeatureVectorCodec(ids));
    put(map, new JsonCodecs.SessionSummaryCodec(ids));
    put(map, new JsonCodecs.RiskCheckCodec(ids));
    put(map, new JsonCodecs.KillSwitchCodec(ids));
    put(map, new JsonCodecs.AuditEntryCodec(ids));
    return new EventCodecs(map);
  }

  /** These codecs plus {@code codec} (replacing any codec of the same type). */
  public EventCodecs with(EventCodec<?> codec) {
    Map<Class<?>, EventCodec<?>> map = new HashMap<>(byType);
    put(map, codec);
    return new EventCodecs(map);
  }

  /** The codec of events of exactly {@code type}. */
  public <T> Optional<EventCodec<T>> find(Class<T> type) {
    EventCodec<?> codec = byType.get(type);
    if (codec == null) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked") // put() keys every codec by its own type()
    EventCodec<T> typed = (EventCodec<T>) codec;
    return Optional.of(typed);
  }

  private static void put(Map<Class<?>, EventCodec<?>> map, EventCodec<?> codec) {
    map.put(Objects.requireNonNull(codec.type(), "codec.type()"), codec);
  }
}
