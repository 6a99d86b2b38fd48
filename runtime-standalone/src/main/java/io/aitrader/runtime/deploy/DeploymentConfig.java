package io.aitrader.runtime.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aitrader.api.ConfigurationException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.market.BarInterval;
import io.aitrader.api.money.Money;
import io.aitrader.core.notify.Alert;
import io.aitrader.core.risk.RiskLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployment read from YAML: the session, which bus and stores, and how to reach the servers. Values may use
 * {@code ${NAME}} or {@code ${NAME:-default}} to take environment variables (passwords belong there or in a secrets
 * file, never in the file). Every mistake is reported with the file, the key and what is expected.
 *
 * <pre>{@code
 * session: {date: 2025-06-02, symbols: [RELIANCE, TCS], seed: 42, strategy: rules-model, interval: 5m, bars: [1m, 5m]}
 *                             # date: today = the current IST day (the only choice with a live market); seed: default 42
 * bus: kafka                  # in-process | kafka
 * marketStore: clickhouse     # embedded | clickhouse
 * orderStore: postgres        # file | postgres
 * portfolioSnapshots: postgres  # file | postgres
 * output: out/run             # where embedded stores and reports go
 * auditLog: file              # none (default) | file (under output/audit) | clickhouse
 * notificationQueue: redis    # memory (default) | redis
 * featureCache: redis         # none (default) | memory | redis
 * alerts: [summary, fill]     # default [summary]; all, or any of fill, order-rejected, risk-limit, …
 * kafka: {bootstrapServers: 127.0.0.1:9092, group: aitrader, partitions: 6}
 * redis: {address: redis://127.0.0.1:6379, password: ${REDIS_PASSWORD:-}, keyPrefix: aitrader}
 * clickhouse: {url: http://127.0.0.1:8123, database: aitrader, user: default, password: ${CLICKHOUSE_PASSWORD:-}}
 * postgres: {url: jdbc:postgresql://127.0.0.1:5432/aitrader, user: aitrader, password: ${POSTGRES_PASSWORD:-}}
 * risk: {maxOrderValue: 50000, maxDailyLoss: 5000, maxGrossExposure: 200000, maxOpenOrders: 10, ordersPerSecond: 5}
 *                             # rupees; required for real orders (run --broker groww --live)
 * groww: {secretsFile: ~/.aitrader/groww.env}   # optional; also baseUrl, instrumentsUrl, feedUrl (default Groww's),
 *                                               # depth: false (default true: books on market.depth.<exchange>)
 * }</pre>
 */
public record DeploymentConfig(
    Path source,
    Optional<LocalDate> date,
    List<String> symbols,
    long seed,
    String strategy,
    BarInterval interval,
    Set<BarInterval> bars,
    Bus bus,
    MarketStoreKind marketStore,
    OrderStoreKind orderStore,
    SnapshotsKind portfolioSnapshots,
    Path output,
    Map<String, String> kafka,
    Map<String, String> clickhouse,
    Map<String, String> postgres,
    AuditLogKind auditLog,
    NotificationQueueKind notificationQueue,
    FeatureCacheKind featureCache,
    Set<Alert> alerts,
    Map<String, String> redis,
    Optional<RiskLimits> risk,
    Map<String, String> groww) {

  /** Keeps an immutable copy of the alerts. */
  public DeploymentConfig {
    alerts = Set.copyOf(alerts);
  }

  /** The keys of the {@code risk} section: amounts in rupees, counts as whole numbers. */
  public static final List<String> RISK_KEYS = List.of("maxOrderValue", "maxDailyLoss", "maxGrossExposure",
      "maxNetExposure", "maxPositionValue", "maxPositionQuantity", "maxOpenOrders", "ordersPerSecond",
      "flattenOnKillSwitch");

  /** The keys of the {@code groww} section. */
  public static final List<String> GROWW_KEYS = List.of("baseUrl", "instrumentsUrl", "feedUrl", "secretsFile",
      "depth");

  /**
   * Whether a Groww deployment also subscribes each instrument's five-level book and publishes it on
   * {@code market.depth.<exchange>}: {@code groww.depth}, default true (false halves the feed's subscriptions).
   */
  public boolean growwDepth() {
    return !"false".equalsIgnoreCase(groww.getOrDefault("depth", "true"));
  }

  /** The event bus. */
  public enum Bus { IN_PROCESS, KAFKA }

  /** Where bars are kept. */
  public enum MarketStoreKind { EMBEDDED, CLICKHOUSE }

  /** Where orders are journaled. */
  public enum OrderStoreKind { FILE, POSTGRES }

  /** Where the portfolio's end-of-session state is saved. */
  public enum SnapshotsKind { FILE, POSTGRES }

  /** Where the audit service writes its packets; {@code none} leaves the audit service idle. */
  public enum AuditLogKind { NONE, FILE, CLICKHOUSE }

  /** Where the notification service queues its deliveries. */
  public enum NotificationQueueKind { MEMORY, REDIS }

  /** Where the feature service keeps the latest feature vector of each instrument (the online feature cache). */
  public enum FeatureCacheKind { NONE, MEMORY, REDIS }

  /** The market simulator's seed when {@code session.seed} is not given. */
  public static final long DEFAULT_SEED = 42;

  /** The strategies a deployment can run today. */
  public static final Set<String> STRATEGIES = Set.of("rules-model");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  /** Reads {@code file}, substituting environment variables from {@code environment}. */
  public static DeploymentConfig load(Path file, Map<String, String> environment) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the configuration " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ConfigurationException(file + ": a configuration is a YAML mapping with session, bus, marketStore, …");
    }
    Reader r = new Reader(file, s -> substitute(file, s, environment));
    JsonNode session = r.object(root, "session");
    BarInterval interval = r.interval(session, "session.interval", r.text(session, "interval", "session.interval"));
    Set<BarInterval> bars = EnumSet.of(interval);
    JsonNode barList = session.get("bars");
    if (barList != null) {
      for (String label : r.list(barList, "session.bars")) {
        bars.add(r.interval(session, "session.bars", label));
      }
    }
    String strategy = r.text(session, "strategy", "session.strategy");
    if (!STRATEGIES.contains(strategy)) {
      throw r.error("session.strategy", "must be one of " + STRATEGIES, strategy);
    }
    String date = r.text(session, "date", "session.date");
    DeploymentConfig config = new DeploymentConfig(file,
        date.equalsIgnoreCase("today") ? Optional.empty() : Optional.of(r.date("session.date", date)),
        r.list(r.required(session, "symbols", "session.symbols"), "session.symbols"),
        session.has("seed") ? r.number(session, "seed", "session.seed") : DEFAULT_SEED, strategy, interval, bars,
        r.choice(root, "bus", Bus.class), r.choice(root, "marketStore", MarketStoreKind.class),
        r.choice(root, "orderStore", OrderStoreKind.class), r.choice(root, "portfolioSnapshots", SnapshotsKind.class),
        Path.of(r.optionalText(root, "output", "output").orElse("out/run")),
        r.section(root, "kafka"), r.section(root, "clickhouse"), r.section(root, "postgres"),
        r.choice(root, "auditLog", AuditLogKind.class, AuditLogKind.NONE),
        r.choice(root, "notificationQueue", NotificationQueueKind.class, NotificationQueueKind.MEMORY),
        r.choice(root, "featureCache", FeatureCacheKind.class, FeatureCacheKind.NONE),
        root.has("alerts") ? r.alerts(r.list(r.required(root, "alerts", "alerts"), "alerts"))
            : EnumSet.of(Alert.SESSION_SUMMARY),
        r.section(root, "redis"), r.risk(r.section(root, "risk")), r.section(root, "groww"));
    r.onlyKeys(config.groww(), "groww", GROWW_KEYS);
    if (config.groww().containsKey("depth")) {
      r.flag("groww.depth", config.groww().get("depth"));
    }
    config.requireSections(r);
    return config;
  }

  private void requireSections(Reader r) {
    if (bus == Bus.KAFKA) {
      r.need(kafka, "kafka", "bootstrapServers");
    }
    if (marketStore == MarketStoreKind.CLICKHOUSE) {
      r.need(clickhouse, "clickhouse", "url");
    }
    if (orderStore == OrderStoreKind.POSTGRES || portfolioSnapshots == SnapshotsKind.POSTGRES) {
      r.need(postgres, "postgres", "url");
    }
    if (auditLog == AuditLogKind.CLICKHOUSE) {
      r.need(clickhouse, "clickhouse", "url");
    }
    if (notificationQueue == NotificationQueueKind.REDIS || featureCache == FeatureCacheKind.REDIS) {
      r.need(redis, "redis", "address");
      String address = redis.get("address");
      if (!address.matches("rediss?://[^:/]+:\\d+")) {
        throw r.error("redis.address", "must be redis://host:port or rediss://host:port", address);
      }
    }
  }

  /** How a choice is written in the file: {@code IN_PROCESS} is {@code in-process}. */
  public static String label(Enum<?> choice) {
    return choice.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String substitute(Path file, String value, Map<String, String> environment) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = environment.get(m.group(1));
      if (v == null) {
        if (m.group(2) == null) {
          throw new ConfigurationException(file + ": the environment variable " + m.group(1)
              + " is not set; set it or write ${" + m.group(1) + ":-default} for a default");
        }
        v = m.group(3);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Reads values with errors that name the file and the key. */
  private static final class Reader {
    private final Path file;
    private final UnaryOperator<String> substitute;

    Reader(Path file, UnaryOperator<String> substitute) {
      this.file = file;
      this.substitute = substitute;
    }

    ConfigurationException error(String key, String rule, Object value) {
      return new ConfigurationException(file + ": " + key + " " + rule + " (found: " + value + ")");
    }

    JsonNode required(JsonNode parent, String name, String key) {
      JsonNode n = parent.get(name);
      if (n == null || n.isNull()) {
        throw new ConfigurationException(file + ": " + key + " is missing");
      }
      return n;
    }

    JsonNode object(JsonNode parent, String name) {
      JsonNode n = required(parent, name, name);
      if (!n.isObject()) {
        throw error(name, "must be a mapping", n);
      }
      return n;
    }

    String text(JsonNode parent, String name, String key) {
      JsonNode n = required(parent, name, key);
      if (!n.isValueNode()) {
        throw error(key, "must be a single value", n);
      }
      return substitute.apply(n.asText()).trim();
    }

    Optional<String> optionalText(JsonNode parent, String name, String key) {
      return parent.has(name) ? Optional.of(text(parent, name, key)) : Optional.empty();
    }

    long number(JsonNode parent, String name, String key) {
      String t = text(parent, name, key);
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        throw error(key, "must be a whole number", t);
      }
    }

    LocalDate date(String key, String t) {
      try {
        return LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        throw error(key, "must be a date like 2025-06-02, or today", t);
      }
    }

    BarInterval interval(JsonNode parent, String key, String label) {
      try {
        return BarInterval.parse(label);
      } catch (RuntimeException e) {
        throw error(key, "must be a bar interval like 1m, 5m, 15m, 1h, 1d", label);
      }
    }

    List<String> list(JsonNode n, String key) {
      List<String> out = new ArrayList<>();
      if (n.isArray()) {
        for (JsonNode item : n) {
          out.add(substitute.apply(item.asText()).trim());
        }
      } else if (n.isValueNode()) {
        Arrays.stream(substitute.apply(n.asText()).split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .forEach(out::add);
      } else {
        throw error(key, "must be a list", n);
      }
      if (out.isEmpty()) {
        throw error(key, "must not be empty", n);
      }
      return List.copyOf(out);
    }

    <E extends Enum<E>> E choice(JsonNode root, String key, Class<E> type, E absent) {
      JsonNode n = root.get(key);
      return n == null || n.isNull() ? absent : choice(root, key, type);
    }

    Set<Alert> alerts(List<String> names) {
      Set<Alert> out = EnumSet.noneOf(Alert.class);
      for (String a : names) {
        String name = a.toLowerCase(Locale.ROOT);
        if (name.equals("all")) {
          out.addAll(EnumSet.allOf(Alert.class));
        } else if (name.equals("summary")) {
          out.add(Alert.SESSION_SUMMARY);
        } else {
          try {
            out.add(Alert.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')));
          } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>(List.of("summary", "all"));
            for (Alert x : Alert.values()) {
              allowed.add(label(x));
            }
            throw error("alerts", "must list alerts among " + String.join(", ", allowed), a);
          }
        }
      }
      return out;
    }

    <E extends Enum<E>> E choice(JsonNode root, String key, Class<E> type) {
      String t = text(root, key, key);
      String constant = t.toUpperCase(Locale.ROOT).replace('-', '_');
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(constant)) {
          return e;
        }
      }
      List<String> allowed = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        allowed.add(label(e));
      }
      throw error(key, "must be one of " + String.join(", ", allowed), t);
    }

    Map<String, String> section(JsonNode root, String name) {
      JsonNode n = root.get(name);
      if (n == null || n.isNull()) {
        return Map.of();
      }
      if (!n.isObject()) {
        throw error(name, "must be a mapping", n);
      }
      Map<String, String> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        out.put(e.getKey(), text(n, e.getKey(), name + "." + e.getKey()));
      }
      return Map.copyOf(out);
    }

    void onlyKeys(Map<String, String> section, String name, List<String> keys) {
      for (String k : section.keySet()) {
        if (!keys.contains(k)) {
          throw error(name + "." + k, "is not a setting; the " + name + " settings are " + keys, section.get(k));
        }
      }
    }

    Optional<RiskLimits> risk(Map<String, String> section) {
      if (section.isEmpty()) {
        return Optional.empty();
      }
      onlyKeys(section, "risk", RISK_KEYS);
      RiskLimits.Builder b = RiskLimits.builder();
      for (Map.Entry<String, String> e : section.entrySet()) {
        String key = "risk." + e.getKey();
        String v = e.getValue();
        try {
          switch (e.getKey()) {
            case "maxOrderValue" -> b.maxOrderValue(rupees(key, v));
            case "maxDailyLoss" -> b.maxDailyLoss(rupees(key, v));
            case "maxGrossExposure" -> b.maxGrossExposure(rupees(key, v));
            case "maxNetExposure" -> b.maxNetExposure(rupees(key, v));
            case "maxPositionValue" -> b.maxPositionValue(rupees(key, v));
            case "maxPositionQuantity" -> b.maxPositionQuantity(count(key, v));
            case "maxOpenOrders" -> b.maxOpenOrders(Math.toIntExact(count(key, v)));
            case "ordersPerSecond" -> b.ordersPerSecond(Math.toIntExact(count(key, v)));
            case "flattenOnKillSwitch" -> b.flattenOnKillSwitch(flag(key, v));
            default -> throw new IllegalStateException(key);
          }
        } catch (ArithmeticException ex) {
          throw error(key, "is too large", v);
        }
      }
      try {
        return Optional.of(b.build());
      } catch (ValidationException ex) {
        throw new ConfigurationException(file + ": risk: " + ex.getMessage(), ex);
      }
    }

    private Money rupees(String key, String v) {
      try {
        Money m = Money.of(v);
        if (m.units() > 0) {
          return m;
        }
      } catch (NumberFormatException | ValidationException e) {
        // reported below
      }
      throw error(key, "must be a positive amount in rupees, like 50000 or 2500.50", v);
    }

    private long count(String key, String v) {
      try {
        long n = Long.parseLong(v);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(key, "must be a whole number > 0", v);
    }

    boolean flag(String key, String v) {
      if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(v);
      }
      throw error(key, "must be true or false", v);
    }

    void need(Map<String, String> section, String name, String key) {
      if (!section.containsKey(key) || section.get(key).isEmpty()) {
        throw new ConfigurationException(file + ": " + name + "." + key + " is missing (needed by the " + name
            + " settings chosen above)");
      }
    }
  }
}
