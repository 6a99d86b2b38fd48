package io.aitrader.api.bus;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * A named, typed stream of events. Names are dot-separated lower-case words ({@code market.ticks.nse}); see
 * {@link Topics} for the standard ones.
 *
 * @param name the topic name
 * @param type the event type every event on it has
 * @param <T>  the event type
 */
public record Topic<T>(String name, Class<T> type) {
  public Topic {
    required(name, "Topic.name");
    required(type, "Topic.type");
    check(name.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)*"), "Topic.name",
        "must be dot-separated lower-case words like market.ticks.nse", "'" + name + "'");
  }

  public static <T> Topic<T> of(String name, Class<T> type) {
    return new Topic<>(name, type);
  }

  @Override
  public String toString() {
    return name;
  }
}
