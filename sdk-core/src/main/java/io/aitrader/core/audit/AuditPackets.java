package io.aitrader.core.audit;

import io.aitrader.api.feature.FeatureVector;
import io.aitrader.api.market.FeedStatus;
import io.aitrader.api.order.Fill;
import io.aitrader.api.order.Order;
import io.aitrader.api.order.OrderRequest;
import io.aitrader.api.portfolio.Charges;
import io.aitrader.api.signal.Signal;
import io.aitrader.core.execution.SessionSummary;
import io.aitrader.core.risk.KillSwitchEvent;
import io.aitrader.core.risk.RiskCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The audit packet types and how each event becomes one: the packet's type, its correlation id and its payload
 * (ordered text key-values). The types and keys are documented in {@code docs/audit.md}; they are a format other
 * tools read, so keys are only ever added, never renamed.
 */
public final class AuditPackets {
  /** A signal with its features, model and rules. Correlation: {@link #signalId}. */
  public static final String SIGNAL = "signal";
  /** An order exactly as it is about to be sent. Correlation: its reference id. */
  public static final String ORDER_INTENT = "order.intent";
  /** A pre-trade risk check and its outcome. Correlation: the order's reference id. */
  public static final String RISK_CHECK = "risk.check";
  /** An order refused before the broker, or by it. Correlation: the order's reference id. */
  public static final String ORDER_REFUSED = "order.refused";
  /** A change of an order's state reported by the broker (acknowledged, rejected, filled…). Correlation: its reference id. */
  public static final String ORDER_UPDATE = "order.update";
  /** A fill with its charges. Correlation: the order's reference id. */
  public static final String FILL = "fill";
  /** A kill switch tripped or was reset. Correlation: {@code kill-switch:<scope>}. */
  public static final String KILL_SWITCH = "kill-switch";
  /** A feed lost or regained its connection. Correlation: {@code feed:<feed>}. */
  public static final String FEED_STATUS = "feed.status";
  /** The end-of-day summary of the account. Correlation: {@code session:<date>}. */
  public static final String SESSION_SUMMARY = "session.summary";
  /** Configuration in force (at start) or changed. Correlation: {@code config:<component>}. */
  public static final String CONFIG = "config";

  private AuditPackets() {}

  /** {@code <strategy>:<instrument id>:<epoch millis>}: one signal of one strategy for one instrument at one time. */
  public static String signalId(Signal s) {
    return s.strategyId() + ":" + s.instrument().id() + ":" + s.timestampMillis();
  }

  static Map<String, String> signal(Signal s) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("strategy", s.strategyId());
    m.put("instrument", s.instrument().id());
    m.put("direction", s.direction().name());
    m.put("score", Double.toString(s.strength()));
    m.put("model", s.modelId());
    m.put("modelVersion", s.modelVersion());
    m.put("rules", s.reason());
    FeatureVector f = s.features();
    m.put("features.interval", f.interval().label());
    for (int i = 0; i < f.size(); i++) {
      m.put("feature." + f.names().get(i), Double.toString(f.value(i)));
    }
    return m;
  }

  static Map<String, String> intent(OrderRequest r, String parentReferenceId, Optional<Signal> cause) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("referenceId", r.referenceId());
    if (!parentReferenceId.equals(r.referenceId())) {
      m.put("parent", parentReferenceId); // a slice of a larger order
    }
    m.put("strategy", r.strategyId());
    m.put("instrument", r.instrument().id());
    m.put("side", r.side().name());
    m.put("quantity", Long.toString(r.quantity()));
    m.put("orderType", r.orderType().name());
    r.limitPrice().ifPresent(p -> m.put("limitPrice", p.toString()));
    r.triggerPrice().ifPresent(p -> m.put("triggerPrice", p.toString()));
    m.put("product", r.product().name());
    m.put("validity", r.validity().name());
    r.algoId().ifPresent(a -> m.put("algoId", a));
    r.tag().ifPresent(t -> m.put("tag", t));
    cause.ifPresent(s -> m.put("signal", signalId(s)));
    return m;
  }

  static Map<String, String> riskCheck(RiskCheck c) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("strategy", c.strategyId());
    m.put("instrument", c.instrumentId());
    m.put("passed", Boolean.toString(c.passed()));
    m.put("rule", c.rule().name());
    m.put("reason", c.reason());
    if (c.retryAfterMillis() > 0) {
      m.put("retryAfterMillis", Long.toString(c.retryAfterMillis()));
    }
    return m;
  }

  static Map<String, String> refused(OrderRequest r, String reason) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("strategy", r.strategyId());
    m.put("instrument", r.instrument().id());
    m.put("side", r.side().name());
    m.put("quantity", Long.toString(r.quantity()));
    m.put("reason", reason);
    return m;
  }

  static Map<String, String> update(Order o) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("status", o.status().name());
    m.put("brokerOrderId", o.brokerOrderId());
    m.put("filledQuantity", Long.toString(o.filledQuantity()));
    m.put("quantity", Long.toString(o.request().quantity()));
    o.averageFillPrice().ifPresent(p -> m.put("averagePrice", p.toString()));
    o.remark().ifPresent(r -> m.put("remark", r));
    return m;
  }

  static Map<String, String> fill(Fill f, Charges c) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("tradeId", f.tradeId());
    m.put("brokerOrderId", f.brokerOrderId());
    m.put("instrument", f.instrument().id());
    m.put("side", f.side().name());
    m.put("quantity", Long.toString(f.quantity()));
    m.put("price", f.price().toString());
    m.put("product", f.product().name());
    m.put("value", f.value().toString());
    m.put("charges", c.total().toString());
    m.put("charges.brokerage", c.brokerage().toString());
    m.put("charges.stt", c.stt().toString());
    m.put("charges.exchange", c.exchangeCharges().toString());
    m.put("charges.sebi", c.sebiFee().toString());
    m.put("charges.stampDuty", c.stampDuty().toString());
    m.put("charges.gst", c.gst().toString());
    m.put("charges.dp", c.dpCharges().toString());
    m.put("charges.ipft", c.ipft().toString());
    return m;
  }

  static Map<String, String> killSwitch(KillSwitchEvent e) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("scope", e.scope());
    m.put("tripped", Boolean.toString(e.tripped()));
    m.put("flatten", Boolean.toString(e.flatten()));
    m.put("reason", e.reason());
    return m;
  }

  static Map<String, String> feedStatus(FeedStatus s) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("feed", s.feed());
    m.put("connected", Boolean.toString(s.connected()));
    m.put("detail", s.detail());
    return m;
  }

  static Map<String, String> sessionSummary(SessionSummary s) {
    return s.fields();
  }
}
