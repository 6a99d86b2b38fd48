package io.aitrader.connector.postgres;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small versioned schema migration runner: SQL resources named {@code V<version>__<description>.sql}, applied in
 * version order and recorded in a {@code schema_version} table with a SHA-256 checksum of their text.
 *
 * <pre>{@code
 * List<Migrations.Migration> applied = Migrations.bundled().apply(dataSource);   // [] when up to date
 * }</pre>
 *
 * <p>Rules: every pending migration is applied in <em>one</em> transaction under a transaction-scoped advisory lock,
 * so two processes starting at once apply each migration once and a failing migration leaves the schema as it was.
 * Applying again is a no-op. An applied migration whose resource text has changed (line endings aside), or a version
 * the database has but these resources do not (the database was migrated by a newer build), fails with a
 * {@link ConfigurationException} before anything is changed: migrations are append-only — add a new version.
 *
 * <p>The bundled migrations live under {@value #LOCATION} (not the bare {@code db/migration}, so they never mix
 * with an application's own Flyway scripts on the same class path). Immutable and thread-safe.
 */
public final class Migrations {
  /** Where the connector's own migrations live on the class path. */
  public static final String LOCATION = "io/aitrader/connector/postgres/db/migration";

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final Pattern NAME = Pattern.compile("V([0-9]{1,9})__([A-Za-z0-9_]+)\\.sql");
  /** Any constant shared by every process of this connector: serializes concurrent migrations. */
  private static final long LOCK_KEY = 0x6169747264657231L;

  private final List<Migration> migrations;

  /**
   * One migration.
   *
   * @param version     its version, > 0, unique
   * @param description the name part after {@code __}, underscores as spaces
   * @param sql         the statements, separated by semicolons
   * @param checksum    SHA-256 of the text with {@code \r\n} normalized to {@code \n}, lower-case hex
   */
  public record Migration(int version, String description, String sql, String checksum) {
    /** Validates every component. */
    public Migration {
      check(version > 0, "Migration.version", "must be > 0", version);
      requireText(description, "Migration.description");
      requireText(sql, "Migration.sql");
      requireText(checksum, "Migration.checksum");
    }

    /** A migration of this text, its checksum computed. */
    public static Migration of(int version, String description, String sql) {
      return new Migration(version, description, sql, Migrations.checksum(sql));
    }
  }

  private Migrations(List<Migration> migrations) {
    List<Migration> sorted = new ArrayList<>(migrations);
    sorted.sort(Comparator.comparingInt(Migration::version));
    for (int i = 1; i < sorted.size(); i++) {
      check(sorted.get(i).version() != sorted.get(i - 1).version(), "Migration.version", "must be unique",
          sorted.get(i).version());
    }
    this.migrations = List.copyOf(sorted);
  }

  /** These migrations, sorted by version; versions must be unique. */
  public static Migrations of(List<Migration> migrations) {
    return new Migrations(required(migrations, "migrations"));
  }

  /** The connector's own migrations (under {@link #LOCATION}). */
  public static Migrations bundled() {
    return fromClasspath(Migrations.class.getClassLoader(), LOCATION);
  }

  /**
   * Every {@code V<n>__<description>.sql} directly under {@code location} in directories and jars of {@code loader}.
   * Other files there are ignored; a location with no migration fails.
   */
  public static Migrations fromClasspath(ClassLoader loader, String location) {
    String dir = location.endsWith("/") ? location : location + "/";
    Map<String, String> texts = new TreeMap<>();
    try {
      Enumeration<URL> roots = loader.getResources(dir);
      while (roots.hasMoreElements()) {
        for (String name : list(roots.nextElement(), dir)) {
          if (NAME.matcher(name).matches()) {
            texts.put(name, read(loader, dir + name));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list migrations under " + location, e);
    }
    if (texts.isEmpty()) {
      throw new ConfigurationException("no migrations (V<n>__<description>.sql) found under class path location "
          + location);
    }
    List<Migration> all = new ArrayList<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      Matcher m = NAME.matcher(e.getKey());
      if (m.matches()) {
        all.add(Migration.of(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), e.getValue()));
      }
    }
    return new Migrations(all);
  }

  private static List<String> list(URL root, String dir) throws IOException {
    List<String> names = new ArrayList<>();
    if ("file".equals(root.getProtocol())) {
      try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
        files.forEach(p -> names.add(p.getFileName().toString()));
      } catch (URISyntaxException e) {
        throw new IOException("bad migration location " + root, e);
      }
    } else if ("jar".equals(root.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) root.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String entry = entries.nextElement().getName();
          if (entry.startsWith(dir) && entry.indexOf('/', dir.length()) < 0 && entry.length() > dir.length()) {
            names.add(entry.substring(dir.length()));
          }
        }
      }
    } else {
      LOG.warn("migrations: cannot list class path location {} ({} URLs are not supported); skipped", root,
          root.getProtocol());
    }
    return names;
  }

  private static String read(ClassLoader loader, String resource) throws IOException {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("migration " + resource + " disappeared from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The migrations, by version. */
  public List<Migration> migrations() {
    return migrations;
  }

  /**
   * Applies every migration the database lacks, in one transaction, and returns them (empty when up to date).
   *
   * @throws ConfigurationException when an applied migration changed or the database is ahead of these migrations
   * @throws IllegalStateException  when a migration's SQL fails (nothing is applied then)
   */
  public List<Migration> apply(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        List<Migration> applied = applyIn(c);
        c.commit();
        return applied;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("schema migration failed, nothing applied: " + e.getMessage(), e);
    }
  }

  private List<Migration> applyIn(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, description text NOT NULL,"
          + " checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    }
    Map<Integer, String> done = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, checksum FROM schema_version ORDER BY version")) {
      while (rs.next()) {
        done.put(rs.getInt(1), rs.getString(2));
      }
    }
    verify(done);
    List<Migration> applied = new ArrayList<>();
    for (Migration m : migrations) {
      if (done.containsKey(m.version())) {
        continue;
      }
      try (Statement s = c.createStatement()) {
        s.execute(m.sql());
      } catch (SQLException e) {
        throw new SQLException("migration V" + m.version() + " (" + m.description() + ") failed: " + e.getMessage(),
            e.getSQLState(), e);
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO schema_version (version, description, checksum) VALUES (?, ?, ?)")) {
        p.setInt(1, m.version());
        p.setString(2, m.description());
        p.setString(3, m.checksum());
        p.executeUpdate();
      }
      applied.add(m);
    }
    if (!applied.isEmpty()) {
      LOG.info("schema migrated to version {} ({} migration(s) applied)",
          applied.get(applied.size() - 1).version(), applied.size());
    }
    return List.copyOf(applied);
  }

  private void verify(Map<Integer, String> done) {
    List<String> problems = new ArrayList<>();
    Map<Integer, Migration> known = new LinkedHashMap<>();
    for (Migration m : migrations) {
      known.put(m.version(), m);
    }
    for (Map.Entry<Integer, String> d : done.entrySet()) {
      Migration m = known.get(d.getKey());
      if (m == null) {
        problems.add("the database has migration V" + d.getKey() + " applied, which this build does not know: it"
            + " was migrated by a newer build; run that build or a newer one");
      } else if (!m.checksum().equals(d.getValue())) {
        problems.add("migration V" + m.version() + " (" + m.description() + ") was applied with checksum "
            + d.getValue() + " but its resource now has checksum " + m.checksum() + ": an applied migration must"
            + " never change; restore its text and add the change as a new migration V"
            + (migrations.get(migrations.size() - 1).version() + 1));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  static String checksum(String sql) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
