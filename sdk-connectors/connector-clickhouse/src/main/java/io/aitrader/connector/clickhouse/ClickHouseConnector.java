package io.aitrader.connector.clickhouse;

import static io.aitrader.api.ValidationException.required;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one ClickHouse database over the HTTP interface ({@code java.net.http}, no driver): runs
 * statements, streams {@code RowBinary} inserts and reads, and at {@link #open} creates the database (if so
 * configured) and applies the connector's versioned schema migrations (recorded in {@code schema_migrations}).
 * The stores ({@link ClickHouseMarketStore}, {@link ClickHouseAuditLog}) are built over a connector.
 *
 * <pre>{@code
 * try (ClickHouseConnector ch = ClickHouseConnector.open(config)) {
 *   MarketStore store = ClickHouseMarketStore.open(ch);
 *   ...
 * }
 * }</pre>
 *
 * <p>The SQL it sends works on ClickHouse 18.16 (Debian's package) and on current releases: the format is named
 * in the SQL ({@code FORMAT RowBinary}), the database in the URL, and responses are not compressed.
 *
 * <p>Threading: thread-safe; requests run concurrently over the JDK client's connection pool. Failures are
 * {@link ClickHouseException}s carrying the server's error text.
 */
public final class ClickHouseConnector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseConnector.class);

  private final ClickHouseConfig config;
  private final HttpClient http;
  private final URI base;
  private final String authorization;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ClickHouseConnector(ClickHouseConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
        .version(HttpClient.Version.HTTP_1_1).build();
    String u = config.url().toString();
    this.base = URI.create(u.endsWith("/") ? u : u + "/");
    String credentials = config.user() + ":" + config.password().map(s -> s.reveal()).orElse("");
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Connects, creates the database when {@link ClickHouseConfig#createDatabase()} holds, and applies every
   * schema migration not yet recorded.
   *
   * @throws ClickHouseException when the server cannot be reached or refuses a statement
   */
  public static ClickHouseConnector open(ClickHouseConfig config) {
    required(config, "ClickHouseConnector.config");
    ClickHouseConnector c = new ClickHouseConnector(config);
    if (config.createDatabase()) {
      c.send("CREATE DATABASE IF NOT EXISTS " + config.database(), false);
    }
    List<Integer> applied = Migrations.apply(c);
    if (!applied.isEmpty()) {
      LOG.info("ClickHouse {} database {}: applied schema migrations {}", config.url(), config.database(), applied);
    }
    return c;
  }

  /** The configuration it was opened with. */
  public ClickHouseConfig config() {
    return config;
  }

  /** Runs a statement that returns nothing of interest (DDL, INSERT … SELECT, ALTER). */
  public void execute(String sql) {
    send(required(sql, "sql"), false);
  }

  /** Runs a query and returns the raw response body; name the format in the SQL (e.g. {@code FORMAT RowBinary}). */
  public byte[] query(String sql) {
    return send(required(sql, "sql"), true);
  }

  /** Runs a query and returns the response as text (e.g. {@code FORMAT TabSeparated}), without a final newline. */
  public String queryText(String sql) {
    String s = new String(query(sql), StandardCharsets.UTF_8);
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Inserts the first {@code length} bytes of {@code rowBinary}, rows encoded in {@code RowBinary} for
   * {@code columns} (e.g. {@code "(a, b)"}), into {@code table} of the configured database. One HTTP request.
   */
  public void insertRowBinary(String table, String columns, byte[] rowBinary, int length) {
    String sql = "INSERT INTO " + table + " " + columns + " FORMAT RowBinary";
    sendBody(sql, HttpRequest.BodyPublishers.ofByteArray(rowBinary, 0, length), false);
  }

  /** The schema versions recorded as applied in {@code schema_migrations}, ascending. */
  public List<Integer> appliedMigrations() {
    String text = queryText("SELECT DISTINCT version FROM schema_migrations ORDER BY version FORMAT TabSeparated");
    List<Integer> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()) {
        out.add(Integer.valueOf(line));
      }
    }
    return List.copyOf(out);
  }

  /** {@code s} as a ClickHouse string literal, quotes and backslashes escaped. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '\'') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('\'').toString();
  }

  private byte[] send(String sql, boolean wantBody) {
    String db = config.database();
    boolean noDatabase = sql.startsWith("CREATE DATABASE");
    URI uri = noDatabase ? base : base.resolve("?database=" + db);
    HttpRequest request = request(uri).POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build();
    return exchange(request, sql, wantBody);
  }

  private byte[] sendBody(String sql, HttpRequest.BodyPublisher body, boolean wantBody) {
    URI uri = base.resolve("?database=" + config.database() + "&query="
        + URLEncoder.encode(sql, StandardCharsets.UTF_8));
    return exchange(request(uri).POST(body).build(), sql, wantBody);
  }

  private HttpRequest.Builder request(URI uri) {
    if (closed.get()) {
      throw new IllegalStateException("ClickHouseConnector to " + config.url() + " is closed");
    }
    return HttpRequest.newBuilder(uri).timeout(config.requestTimeout()).header("Authorization", authorization);
  }

  private byte[] exchange(HttpRequest request, String sql, boolean wantBody) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ClickHouseException("ClickHouse " + config.url() + " unreachable running " + abbreviate(sql) + ": "
          + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException("interrupted while ClickHouse ran " + abbreviate(sql), e);
    }
    if (response.statusCode() != 200) {
      String text = new String(response.body(), StandardCharsets.UTF_8).strip();
      throw new ClickHouseException("ClickHouse " + config.url() + " refused " + abbreviate(sql) + " (HTTP "
          + response.statusCode() + "): " + text, response.statusCode());
    }
    return wantBody ? response.body() : new byte[0];
  }

  private static String abbreviate(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").strip();
    return "'" + (oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine) + "'";
  }

  /** Stops accepting requests. Idempotent; the stores built over it fail afterwards. */
  @Override
  public void close() {
    closed.set(true);
  }
}
