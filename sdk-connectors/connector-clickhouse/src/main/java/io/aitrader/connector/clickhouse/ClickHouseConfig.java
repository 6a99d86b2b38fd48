package io.aitrader.connector.clickhouse;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how to reach ClickHouse over its HTTP interface.
 *
 * <pre>{@code
 * ClickHouseConfig config = ClickHouseConfig.builder()
 *     .url(URI.create("http://127.0.0.1:8123/"))
 *     .database("aitrader")
 *     .user("default").password(Secret.of("clickhouse.password", pw))
 *     .build();
 * }</pre>
 *
 * @param url             the HTTP endpoint, e.g. {@code http://127.0.0.1:8123/}
 * @param database        the database holding the connector's tables (letters, digits, underscore)
 * @param user            the ClickHouse user
 * @param password        the user's password, empty for none; never logged
 * @param connectTimeout  how long to wait for a connection
 * @param requestTimeout  how long to wait for one statement's answer
 * @param createDatabase  whether {@link ClickHouseConnector#open} creates the database when it is missing
 */
public record ClickHouseConfig(URI url, String database, String user, Optional<Secret> password, Duration connectTimeout,
    Duration requestTimeout, boolean createDatabase) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Validates every component. */
  public ClickHouseConfig {
    required(url, "ClickHouseConfig.url");
    check("http".equals(url.getScheme()) || "https".equals(url.getScheme()), "ClickHouseConfig.url",
        "must be an http or https URL", url);
    required(database, "ClickHouseConfig.database");
    check(IDENTIFIER.matcher(database).matches(), "ClickHouseConfig.database",
        "must be letters, digits and underscores, not starting with a digit", "'" + database + "'");
    required(user, "ClickHouseConfig.user");
    check(!user.isBlank(), "ClickHouseConfig.user", "must not be blank", "'" + user + "'");
    required(password, "ClickHouseConfig.password");
    required(connectTimeout, "ClickHouseConfig.connectTimeout");
    check(!connectTimeout.isNegative() && !connectTimeout.isZero(), "ClickHouseConfig.connectTimeout",
        "must be > 0", connectTimeout);
    required(requestTimeout, "ClickHouseConfig.requestTimeout");
    check(!requestTimeout.isNegative() && !requestTimeout.isZero(), "ClickHouseConfig.requestTimeout",
        "must be > 0", requestTimeout);
  }

  /** A builder with defaults: user {@code default}, no password, 5 s connect, 60 s request, create database. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "ClickHouseConfig[url=" + url + ", database=" + database + ", user=" + user + ", password=" + password
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", createDatabase="
        + createDatabase + "]";
  }

  /** Builds a {@link ClickHouseConfig}; not thread-safe. */
  public static final class Builder {
    private URI url = URI.create("http://127.0.0.1:8123/");
    private String database = "aitrader";
    private String user = "default";
    private Optional<Secret> password = Optional.empty();
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private boolean createDatabase = true;

    private Builder() {
    }

    public Builder url(URI url) {
      this.url = url;
      return this;
    }

    public Builder url(String url) {
      this.url = URI.create(required(url, "ClickHouseConfig.url"));
      return this;
    }

    public Builder database(String database) {
      this.database = database;
      return this;
    }

    public Builder user(String user) {
      this.user = user;
      return this;
    }

    public Builder password(Secret password) {
      this.password = Optional.of(required(password, "ClickHouseConfig.password"));
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder createDatabase(boolean createDatabase) {
      this.createDatabase = createDatabase;
      return this;
    }

    public ClickHouseConfig build() {
      return new ClickHouseConfig(url, database, user, password, connectTimeout, requestTimeout, createDatabase);
    }
  }
}
