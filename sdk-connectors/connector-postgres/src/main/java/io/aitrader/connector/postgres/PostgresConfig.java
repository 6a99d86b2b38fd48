package io.aitrader.connector.postgres;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.Secret;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to reach PostgreSQL: JDBC URL, user, password and connection pool settings.
 *
 * <pre>{@code
 * PostgresConfig config = PostgresConfig.builder()
 *     .jdbcUrl("jdbc:postgresql://127.0.0.1:5432/aitrader")
 *     .user("aitrader")
 *     .password(Secret.of("PGPASSWORD", System.getenv("PGPASSWORD")))
 *     .poolSize(4)
 *     .build();
 * }</pre>
 *
 * <p>The password is a {@link Secret}: {@link #toString()} never shows it. Immutable and thread-safe.
 *
 * @param jdbcUrl              a {@code jdbc:postgresql://} URL
 * @param user                 the database user
 * @param password             the password, absent for trust or peer authentication
 * @param poolSize             the most connections the pool keeps open, 1..100 (default 4)
 * @param connectTimeoutMillis how long to wait for a pooled connection, >= 250 ms (default 10 s)
 * @param poolName             the pool's name in logs and metrics (default {@code aitrader-postgres})
 */
public record PostgresConfig(String jdbcUrl, String user, Optional<Secret> password, int poolSize,
    long connectTimeoutMillis, String poolName) {
  private static final String PREFIX = "jdbc:postgresql:";

  /** Validates every component; see the type's rules. */
  public PostgresConfig {
    requireText(jdbcUrl, "PostgresConfig.jdbcUrl");
    check(jdbcUrl.startsWith(PREFIX), "PostgresConfig.jdbcUrl", "must start with " + PREFIX, jdbcUrl);
    requireText(user, "PostgresConfig.user");
    required(password, "PostgresConfig.password");
    check(poolSize >= 1 && poolSize <= 100, "PostgresConfig.poolSize", "must be within [1, 100]", poolSize);
    check(connectTimeoutMillis >= 250, "PostgresConfig.connectTimeoutMillis", "must be >= 250", connectTimeoutMillis);
    requireText(poolName, "PostgresConfig.poolName");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PostgresConfig}; URL and user are required. Not thread-safe. */
  public static final class Builder {
    private @Nullable String jdbcUrl;
    private @Nullable String user;
    private @Nullable Secret password;
    private int poolSize = 4;
    private long connectTimeoutMillis = 10_000;
    private String poolName = "aitrader-postgres";

    private Builder() {}

    public Builder jdbcUrl(String v) { this.jdbcUrl = v; return this; }

    public Builder user(String v) { this.user = v; return this; }

    /** Not needed for trust or peer authentication. */
    public Builder password(Secret v) { this.password = required(v, "PostgresConfig.password"); return this; }

    /** Defaults to 4. */
    public Builder poolSize(int v) { this.poolSize = v; return this; }

    /** Defaults to 10 000 ms. */
    public Builder connectTimeoutMillis(long v) { this.connectTimeoutMillis = v; return this; }

    /** Defaults to {@code aitrader-postgres}. */
    public Builder poolName(String v) { this.poolName = v; return this; }

    /** Validates and builds; throws {@link io.aitrader.api.ValidationException} naming the first bad field. */
    public PostgresConfig build() {
      return new PostgresConfig(requireText(jdbcUrl, "PostgresConfig.jdbcUrl"), requireText(user, "PostgresConfig.user"),
          Optional.ofNullable(password), poolSize, connectTimeoutMillis, poolName);
    }
  }
}
