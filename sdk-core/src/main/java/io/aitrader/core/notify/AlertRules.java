package io.aitrader.core.notify;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.bus.EventBus;
import io.aitrader.api.bus.SubscriptionOptions;
import io.aitrader.api.bus.Topics;
import io.aitrader.api.market.FeedStatus;
import io.aitrader.api.notify.Notification;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderStatus;
import io.aitrader.api.time.Ist;
import io.aitrader.core.execution.ExecutionTier;
import io.aitrader.core.execution.SessionSummary;
import io.aitrader.core.risk.KillSwitchEvent;
import io.aitrader.core.risk.RiskCheck;
import io.aitrader.core.risk.RiskEngine;
import io.aitrader.core.risk.RiskRule;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert rules of the Notification service: watch the bus and turn fills, broker rejections, risk-limit
 * refusals, kill switches, feed outages and the end-of-day summary into {@link Notification}s, each rendered from
 * its {@link AlertTemplate} and handed to a sink — normally {@code NotificationService::submit}, which queues,
 * de-duplicates, rate-limits and delivers them.
 *
 * <pre>{@code
 * AlertRules rules = AlertRules.builder(notifications::submit)
 *     .only(Alert.ORDER_REJECTED, Alert.KILL_SWITCH_TRIPPED, Alert.SESSION_SUMMARY)
 *     .template(AlertTemplate.of(Alert.SESSION_SUMMARY, "Day {date}: ₹{dayPnl}", "{fills} fills, charges ₹{charges}"))
 *     .build();
 * rules.attach(bus);
 * }</pre>
 *
 * <p>Each notification's de-duplication key names the event (the trade id, the order, the kill switch and its
 * time…), so a redelivered event does not alert twice. Threading: the handlers run on the publishing thread and only
 * build a small notification; the sink must not block (the notification service only queues).
 */
public final class AlertRules implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertRules.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'IST'");

  private final Consumer<Notification> sink;
  private final Set<Alert> enabled;
  private final Map<Alert, AlertTemplate> templates;
  private final List<AutoCloseable> subscriptions = new ArrayList<>();

  private AlertRules(Builder b) {
    this.sink = b.sink;
    this.enabled = EnumSet.copyOf(b.enabled);
    this.templates = new EnumMap<>(b.templates);
  }

  /** Rules handing their notifications to {@code sink}. */
  public static Builder builder(Consumer<Notification> sink) {
    return new Builder(required(sink, "sink"));
  }

  /** The default template of every alert. */
  public static Map<Alert, AlertTemplate> defaultTemplates() {
    Map<Alert, AlertTemplate> t = new EnumMap<>(Alert.class);
    t.put(Alert.FILL, AlertTemplate.of(Alert.FILL, "Fill: {side} {quantity} {instrument} @ ₹{price}",
        "Order {referenceId} ({product}), trade {tradeId}: ₹{value} at {time}."));
    t.put(Alert.ORDER_REJECTED, AlertTemplate.of(Alert.ORDER_REJECTED, "Order rejected: {side} {quantity} {instrument}",
        "Order {referenceId} was rejected at {time}: {reason}"));
    t.put(Alert.RISK_LIMIT, AlertTemplate.of(Alert.RISK_LIMIT, "Risk limit hit: {rule} ({instrument})",
        "Order {referenceId} of strategy {strategy} was refused at {time}: {reason}"));
    t.put(Alert.KILL_SWITCH_TRIPPED, AlertTemplate.of(Alert.KILL_SWITCH_TRIPPED, "KILL SWITCH TRIPPED ({scope})",
        "At {time}: {reason}. Flattening positions: {flatten}. No new orders until it is reset by hand."));
    t.put(Alert.KILL_SWITCH_RESET, AlertTemplate.of(Alert.KILL_SWITCH_RESET, "Kill switch reset ({scope})",
        "At {time}: {reason}. Orders are accepted again."));
    t.put(Alert.FEED_DISCONNECTED, AlertTemplate.of(Alert.FEED_DISCONNECTED, "Feed {feed} disconnected",
        "At {time}: {detail}. Reconnecting; bars are backfilled once it is back."));
    t.put(Alert.FEED_RECONNECTED, AlertTemplate.of(Alert.FEED_RECONNECTED, "Feed {feed} reconnected",
        "At {time}: {detail}"));
    t.put(Alert.SESSION_SUMMARY, AlertTemplate.of(Alert.SESSION_SUMMARY, "Day summary {date}: net PnL ₹{dayPnl}",
        "Trading day {date} closed at {time}.\n"
            + "Net PnL (after charges): ₹{dayPnl}\n"
            + "Equity: ₹{equity}\n"
            + "Charges: ₹{charges}\n"
            + "Orders: {ordersSubmitted} submitted, {ordersRefused} refused; fills: {fills}\n"
            + "Open positions at the close: {openPositions}"));
    return t;
  }

  /**
   * What an alert counts as in a digest's title ("9 fills, 2 rejections"): for
   * {@code NotificationService.Builder.digestKind(AlertRules::digestKind)}. Read from the de-duplication key the rules
   * give each kind; other notifications count by severity.
   */
  public static String digestKind(Notification n) {
    String key = n.dedupKey();
    int colon = key.indexOf(':');
    String prefix = colon < 0 ? "" : key.substring(0, colon);
    return switch (prefix) {
      case "fill" -> "fills";
      case "rejected" -> "rejections";
      case "risk" -> "risk refusals";
      case "kill-switch" -> "kill-switch events";
      case "feed" -> "feed events";
      case "session" -> "day summaries";
      default -> n.severity().name().toLowerCase(Locale.ROOT);
    };
  }

  /** Subscribes to the bus topics the enabled alerts watch. */
  public synchronized AlertRules attach(EventBus bus) {
    required(bus, "bus");
    SubscriptionOptions sync = SubscriptionOptions.SYNCHRONOUS;
    if (enabled.contains(Alert.FILL)) {
      subscriptions.add(bus.subscribe(Topics.fills(), this::onFill, sync));
    }
    if (enabled.contains(Alert.ORDER_REJECTED)) {
      subscriptions.add(bus.subscribe(Topics.orderUpdates(), this::onOrderUpdate, sync));
    }
    if (enabled.contains(Alert.RISK_LIMIT)) {
      subscriptions.add(bus.subscribe(RiskEngine.TOPIC, this::onRiskCheck, sync));
    }
    if (enabled.contains(Alert.KILL_SWITCH_TRIPPED) || enabled.contains(Alert.KILL_SWITCH_RESET)) {
      subscriptions.add(bus.subscribe(RiskEngine.KILL_SWITCH_TOPIC, this::onKillSwitch, sync));
    }
    if (enabled.contains(Alert.FEED_DISCONNECTED) || enabled.contains(Alert.FEED_RECONNECTED)) {
      subscriptions.add(bus.subscribe(Topics.feedStatus(), this::onFeedStatus, sync));
    }
    if (enabled.contains(Alert.SESSION_SUMMARY)) {
      subscriptions.add(bus.subscribe(ExecutionTier.SESSION_SUMMARY_TOPIC, this::onSessionSummary, sync));
    }
    return this;
  }

  void onFill(Fill f) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("referenceId", f.referenceId());
    m.put("tradeId", f.tradeId());
    m.put("instrument", f.instrument().id());
    m.put("side", f.side().name());
    m.put("quantity", Long.toString(f.quantity()));
    m.put("price", f.price().toString());
    m.put("value", f.value().toString());
    m.put("product", f.product().name());
    raise(Alert.FILL, m, f.timestampMillis(), "fill:" + f.tradeId() + ":" + f.brokerOrderId());
  }

  void onOrderUpdate(Order o) {
    if (o.status() != OrderStatus.REJECTED) {
      return;
    }
    Map<String, String> m = new LinkedHashMap<>();
    m.put("referenceId", o.referenceId());
    m.put("instrument", o.request().instrument().id());
    m.put("side", o.request().side().name());
    m.put("quantity", Long.toString(o.request().quantity()));
    m.put("reason", o.remark().orElse("no reason given"));
    raise(Alert.ORDER_REJECTED, m, o.updatedAtMillis(), "rejected:" + o.referenceId());
  }

  void onRiskCheck(RiskCheck c) {
    if (c.passed() || c.rule() == RiskRule.THROTTLE) {
      return;
    }
    Map<String, String> m = new LinkedHashMap<>();
    m.put("referenceId", c.referenceId());
    m.put("strategy", c.strategyId());
    m.put("instrument", c.instrumentId());
    m.put("rule", c.rule().name());
    m.put("reason", c.reason());
    raise(Alert.RISK_LIMIT, m, c.timestampMillis(), "risk:" + c.rule() + ":" + c.referenceId());
  }

  void onKillSwitch(KillSwitchEvent e) {
    Alert a = e.tripped() ? Alert.KILL_SWITCH_TRIPPED : Alert.KILL_SWITCH_RESET;
    Map<String, String> m = new LinkedHashMap<>();
    m.put("scope", e.scope());
    m.put("flatten", e.flatten() ? "yes" : "no");
    m.put("reason", e.reason());
    raise(a, m, e.timestampMillis(), "kill-switch:" + e.scope() + ":" + e.tripped() + ":" + e.timestampMillis());
  }

  void onFeedStatus(FeedStatus s) {
    Alert a = s.connected() ? Alert.FEED_RECONNECTED : Alert.FEED_DISCONNECTED;
    Map<String, String> m = new LinkedHashMap<>();
    m.put("feed", s.feed());
    m.put("detail", s.detail().isEmpty() ? "no detail" : s.detail());
    raise(a, m, s.timestampMillis(), "feed:" + s.feed() + ":" + s.connected() + ":" + s.timestampMillis());
  }

  void onSessionSummary(SessionSummary s) {
    raise(Alert.SESSION_SUMMARY, s.fields(), s.timestampMillis(), "session:" + s.date());
  }

  private void raise(Alert alert, Map<String, String> fields, long timestampMillis, String dedupKey) {
    if (!enabled.contains(alert)) {
      return;
    }
    fields.put("time", TIME.format(Ist.at(timestampMillis)));
    AlertTemplate t = templates.get(alert);
    String title = t.title(fields);
    if (title.length() > Notification.MAX_TITLE) {
      title = title.substring(0, Notification.MAX_TITLE - 1) + "…";
    }
    Notification n = new Notification(alert.severity(), title, t.body(fields), timestampMillis, dedupKey);
    try {
      sink.accept(n);
    } catch (RuntimeException e) { // an alert must never break the trading path that published the event
      LOG.warn("could not hand alert '{}' to the notification service: {}", n.title(), e.toString());
    }
  }

  /** Unsubscribes from the bus. */
  @Override
  public synchronized void close() {
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        LOG.warn("closing an alert subscription failed: {}", e.toString());
      }
    }
    subscriptions.clear();
  }

  /** Settings of {@link AlertRules}. */
  public static final class Builder {
    private final Consumer<Notification> sink;
    private Set<Alert> enabled = EnumSet.allOf(Alert.class);
    private final Map<Alert, AlertTemplate> templates = new EnumMap<>(defaultTemplates());

    private Builder(Consumer<Notification> sink) {
      this.sink = sink;
    }

    /** Raise only these alerts (all by default). */
    public Builder only(Alert first, Alert... more) {
      this.enabled = EnumSet.of(required(first, "alert"), more);
      return this;
    }

    /** Raise only these alerts; an empty set is refused. */
    public Builder only(Set<Alert> alerts) {
      check(!alerts.isEmpty(), "AlertRules.alerts", "must not be empty", "[]");
      this.enabled = EnumSet.copyOf(alerts);
      return this;
    }

    /** Replaces the default template of {@code template.alert()}. */
    public Builder template(AlertTemplate template) {
      templates.put(template.alert(), required(template, "template"));
      return this;
    }

    public AlertRules build() {
      return new AlertRules(this);
    }
  }
}
