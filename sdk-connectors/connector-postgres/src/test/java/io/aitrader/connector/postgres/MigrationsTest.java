package io.aitrader.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ConfigurationException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  private static final Migrations SAMPLES =
      Migrations.fromClasspath(MigrationsTest.class.getClassLoader(), "migration-samples");

  @Test
  void findsVersionedResourcesInNumericOrderIgnoringOtherFiles() {
    assertThat(SAMPLES.migrations()).extracting(Migrations.Migration::version).containsExactly(1, 2, 10);
    assertThat(SAMPLES.migrations().get(1).description()).isEqualTo("add note");
  }

  @Test
  void findsMigrationsInsideAJar(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : List.of("app/db/", "app/db/V1__first.sql", "app/db/V3__third.sql", "app/db/notes.md",
          "app/db/nested/V2__not_here.sql")) {
        out.putNextEntry(new JarEntry(name));
        if (!name.endsWith("/")) {
          out.write(("-- " + name + "\nSELECT 1;\n").getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Migrations found = Migrations.fromClasspath(loader, "app/db");

      assertThat(found.migrations()).extracting(Migrations.Migration::description).containsExactly("first", "third");
      assertThat(found.migrations().get(1).sql()).contains("app/db/V3__third.sql");
    }
  }

  @Test
  void aLocationWithoutMigrationsFailsNamingIt() {
    assertThatThrownBy(() -> Migrations.fromClasspath(MigrationsTest.class.getClassLoader(), "no/such/place"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("no/such/place");
  }

  @Test
  void theBundledMigrationsAreFoundAndAppliedOnceOnOpen() throws SQLException {
    PostgresConfig config = TestDatabases.newDatabase("migrate_bundled");

    try (PostgresConnector first = PostgresConnector.open(config);
        PostgresConnector second = PostgresConnector.open(config)) {
      assertThat(first.appliedMigrations()).extracting(Migrations.Migration::version)
          .containsExactlyElementsOf(Migrations.bundled().migrations().stream().map(m -> m.version()).toList());
      assertThat(second.appliedMigrations()).isEmpty();
      assertThat(strings(first.dataSource(), "SELECT version || ':' || description FROM schema_version ORDER BY 1"))
          .containsExactly("1:orders", "2:instruments", "3:portfolio snapshots", "4:users and configs");
    }
  }

  @Test
  void appliesPendingMigrationsOnlyAndIsIdempotent() throws SQLException {
    try (PostgresConnector pg = PostgresConnector.open(TestDatabases.newDatabase("migrate_pending"),
        Migrations.of(SAMPLES.migrations().subList(0, 1)))) {

      List<Migrations.Migration> applied = SAMPLES.apply(pg.dataSource());
      List<Migrations.Migration> again = SAMPLES.apply(pg.dataSource());

      assertThat(applied).extracting(Migrations.Migration::version).containsExactly(2, 10);
      assertThat(again).isEmpty();
      assertThat(strings(pg.dataSource(), "SELECT note FROM sample_a")).containsExactly("ten; with a semicolon");
    }
  }

  @Test
  void refusesAnAppliedMigrationWhoseTextChanged() throws SQLException {
    try (PostgresConnector pg = PostgresConnector.open(TestDatabases.newDatabase("migrate_changed"), SAMPLES)) {
      Migrations edited = Migrations.of(List.of(SAMPLES.migrations().get(0),
          Migrations.Migration.of(2, "add note", "ALTER TABLE sample_a ADD COLUMN remark text;"),
          Migrations.Migration.of(11, "more", "CREATE TABLE sample_c (id int);")));

      assertThatThrownBy(() -> edited.apply(pg.dataSource())).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("migration V2 (add note) was applied with checksum " + SAMPLES.migrations().get(1)
              .checksum())
          .hasMessageContaining("must never change")
          .hasMessageContaining("V12");
      assertThat(strings(pg.dataSource(), "SELECT to_regclass('sample_c')::text")).containsExactly((String) null);
    }
  }

  @Test
  void refusesADatabaseMigratedByANewerBuild() {
    try (PostgresConnector pg = PostgresConnector.open(TestDatabases.newDatabase("migrate_newer"), SAMPLES)) {
      Migrations older = Migrations.of(SAMPLES.migrations().subList(0, 2));

      assertThatThrownBy(() -> older.apply(pg.dataSource())).isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("V10").hasMessageContaining("newer build");
    }
  }

  @Test
  void aFailingMigrationLeavesTheSchemaAsItWas() throws SQLException {
    PostgresConfig config = TestDatabases.newDatabase("migrate_failing");
    Migrations broken = Migrations.of(List.of(SAMPLES.migrations().get(0),
        Migrations.Migration.of(2, "broken", "ALTER TABLE no_such_table ADD COLUMN x int;")));

    assertThatThrownBy(() -> PostgresConnector.open(config, broken)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("V2 (broken)").hasMessageContaining("no_such_table");

    try (PostgresConnector pg = PostgresConnector.open(config, Migrations.of(SAMPLES.migrations().subList(0, 1)))) {
      assertThat(pg.appliedMigrations()).extracting(Migrations.Migration::version).containsExactly(1);
    }
  }

  @Test
  void checksumsIgnoreLineEndings() {
    assertThat(Migrations.checksum("SELECT 1;\r\nSELECT 2;\r\n")).isEqualTo(Migrations.checksum("SELECT 1;\nSELECT 2;\n"))
        .isNotEqualTo(Migrations.checksum("SELECT 1;\nSELECT 3;\n"));
  }

  @Test
  void refusesDuplicateVersions() {
    Migrations.Migration a = Migrations.Migration.of(3, "a", "SELECT 1");
    Migrations.Migration b = Migrations.Migration.of(3, "b", "SELECT 2");

    assertThatThrownBy(() -> Migrations.of(List.of(a, b))).hasMessageContaining("Migration.version")
        .hasMessageContaining("3");
  }

  static List<String> strings(DataSource ds, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
