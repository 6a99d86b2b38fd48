package io.aitrader.runtime.cli;

import io.aitrader.api.audit.AuditRecord;
import io.aitrader.api.time.Ist;
import io.aitrader.core.audit.AuditPackets;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Prints audit packets readably: a heading line per packet, a one-line account of it, then its details. */
final class AuditStory {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  /** Iterates a log's packets in sequence order. */
  interface Source {
    void forEach(Consumer<AuditRecord> each);
  }

  private AuditStory() {}

  /**
   * The packets of order {@code referenceId}: its own (risk checks, intent, updates, fills, refusal), those of its
   * slices when it was sliced, and the signals its intents name. Two passes over the log.
   */
  static List<AuditRecord> ofOrder(Source source, String referenceId) {
    Set<String> ids = new HashSet<>();
    ids.add(referenceId);
    Set<String> signals = new HashSet<>();
    source.forEach(r -> {
      if (AuditPackets.ORDER_INTENT.equals(r.type())) {
        String parent = r.payload().getOrDefault("parent", r.correlationId());
        if (ids.contains(r.correlationId()) || ids.contains(parent)) {
          ids.add(r.correlationId());
          String signal = r.payload().get("signal");
          if (signal != null) {
            signals.add(signal);
          }
        }
      }
    });
    List<AuditRecord> story = new ArrayList<>();
    source.forEach(r -> {
      if (ids.contains(r.correlationId()) || (AuditPackets.SIGNAL.equals(r.type()) && signals.contains(r.correlationId()))) {
        story.add(r);
      }
    });
    return story;
  }

  /** Prints the packet's heading and one-line account; with {@code details} (or for unknown types) every key too. */
  static void print(PrintWriter out, AuditRecord r, boolean details) {
    out.printf("%s IST  #%d  %-14s %s%n", TIME.format(Ist.at(r.timestampMillis())), r.sequence(), r.type(),
        r.correlationId());
    String line = summary(r);
    if (!line.isEmpty()) {
      out.println("    " + line);
    }
    if (AuditPackets.SIGNAL.equals(r.type()) && !details) {
      StringBuilder features = new StringBuilder("    features:");
      r.payload().forEach((k, v) -> {
        if (k.startsWith("feature.")) {
          features.append(' ').append(k.substring("feature.".length())).append('=').append(shortNumber(v));
        }
      });
      out.println(features);
    }
    if (details || line.isEmpty()) {
      for (Map.Entry<String, String> e : r.payload().entrySet()) {
        out.println("      " + e.getKey() + " = " + e.getValue());
      }
    }
  }

  private static String shortNumber(String v) {
    try {
      return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return v;
    }
  }

  /** One sentence for the packet types this SDK writes; empty for others. */
  static String summary(AuditRecord r) {
    Map<String, String> p = r.payload();
    return switch (r.type()) {
      case AuditPackets.SIGNAL -> p.get("strategy") + " saw " + p.get("direction") + " on " + p.get("instrument")
          + " (score " + shortNumber(String.valueOf(p.get("score"))) + ", model " + p.get("model") + " " + p.get("modelVersion") + "): "
          + p.get("rules");
      case AuditPackets.RISK_CHECK -> "true".equals(p.get("passed"))
          ? "risk check passed" + ("passed".equals(p.get("reason")) ? "" : ": " + p.get("reason"))
          : "risk check FAILED on " + p.get("rule") + ": " + p.get("reason");
      case AuditPackets.ORDER_INTENT -> "about to send " + p.get("side") + " " + p.get("quantity") + " "
          + p.get("instrument") + " " + p.get("orderType")
          + (p.containsKey("limitPrice") ? " @ " + p.get("limitPrice") : "") + " " + p.get("product") + " "
          + p.get("validity") + (p.containsKey("algoId") ? ", algo " + p.get("algoId") : "")
          + (p.containsKey("signal") ? ", decided on signal " + p.get("signal") : "")
          + (p.containsKey("parent") ? ", slice of " + p.get("parent") : "");
      case AuditPackets.ORDER_REFUSED -> "REFUSED: " + p.get("reason");
      case AuditPackets.ORDER_UPDATE -> "broker says " + p.get("status") + " (" + p.get("filledQuantity") + "/"
          + p.get("quantity") + " filled" + (p.containsKey("averagePrice") ? " at " + p.get("averagePrice") : "")
          + ", broker order " + p.get("brokerOrderId") + ")" + (p.containsKey("remark") ? ": " + p.get("remark") : "");
      case AuditPackets.FILL -> "filled " + p.get("side") + " " + p.get("quantity") + " at " + p.get("price")
          + " = ₹" + p.get("value") + ", charges ₹" + p.get("charges") + " (trade " + p.get("tradeId") + ")";
      case AuditPackets.KILL_SWITCH -> "kill switch " + p.get("scope") + ("true".equals(p.get("tripped"))
          ? " TRIPPED" : " reset") + ": " + p.get("reason");
      case AuditPackets.FEED_STATUS -> "feed " + p.get("feed") + ("true".equals(p.get("connected"))
          ? " connected" : " DISCONNECTED") + ": " + p.get("detail");
      case AuditPackets.SESSION_SUMMARY -> "day " + p.get("date") + ": net PnL ₹" + p.get("dayPnl") + ", equity ₹"
          + p.get("equity") + ", " + p.get("fills") + " fills, charges ₹" + p.get("charges");
      case AuditPackets.CONFIG -> "configuration of " + r.correlationId().substring("config:".length());
      default -> "";
    };
  }
}
