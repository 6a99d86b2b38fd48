package io.aitrader.testing.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.ValidationException;
import io.aitrader.api.time.TimeSource;
import io.aitrader.api.users.ConfigStore;
import io.aitrader.api.users.ConfigVersion;
import io.aitrader.api.users.ConflictException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link ConfigStore}: the embedded store in sdk-core and every connector (PostgreSQL)
 * extend this class and pass the same tests. It uses the SPI only.
 *
 * <pre>{@code
 * class InMemoryConfigStoreTest extends ConfigStoreContract {
 *   protected ConfigStore newStore(TimeSource clock) { return new InMemoryConfigStore(clock); }
 *   protected ConfigStore otherClient(ConfigStore first, TimeSource clock) { return first; }
 * }
 * }</pre>
 *
 * <p><b>Clients.</b> {@link #newStore(TimeSource)} is called once per test for a first client over fresh, empty data;
 * {@link #otherClient} for a second client over the same data, as another process (an in-process store returns
 * {@code first}). <b>Time.</b> The kit's clock starts at {@link #T0} and moves only when the kit says.
 */
public abstract class ConfigStoreContract {
  /** 2025-01-06 09:15 IST, where the kit's clock starts. */
  protected static final long T0 = 1_736_135_100_000L;
  private static final String NAME = "strategies/momentum-5m";
  private static final String YAML = "strategy: momentum\nparams:\n  fast: 12\n  slow: 26\n";

  private final AtomicLong now = new AtomicLong(T0);
  private final TimeSource clock = now::get;

  /** A fresh, empty store timed by {@code clock}. */
  protected abstract ConfigStore newStore(TimeSource clock);

  /** A second client over the same data as {@code first}: another process. An in-process store returns it. */
  protected abstract ConfigStore otherClient(ConfigStore first, TimeSource clock);

  private ConfigStore[] twoClients() {
    ConfigStore first = newStore(clock);
    return new ConfigStore[] {first, otherClient(first, clock)};
  }

  @Test
  void theFirstWriteCreatesVersionOneReadByEveryClient() {
    ConfigStore[] c = twoClients();

    ConfigVersion v1 = c[0].put(NAME, YAML, 0, "alice");

    assertThat(v1).isEqualTo(new ConfigVersion(NAME, 1, YAML, "alice", T0));
    assertThat(c[1].latest(NAME)).contains(v1);
    assertThat(c[1].version(NAME, 1)).contains(v1);
    assertThat(c[1].history(NAME)).containsExactly(v1);
    assertThat(c[1].names()).containsExactly(NAME);
  }

  @Test
  void eachWriteAddsTheNextVersionAndKeepsEveryEarlierOne() {
    ConfigStore[] c = twoClients();
    ConfigVersion v1 = c[0].put(NAME, YAML, 0, "alice");
    now.set(T0 + 60_000);
    ConfigVersion v2 = c[1].put(NAME, YAML.replace("12", "10"), 1, "bob");
    now.set(T0 + 120_000);
    ConfigVersion v3 = c[0].put(NAME, "", 2, "alice");

    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.createdAtMillis()).isEqualTo(T0 + 60_000);
    assertThat(v3.content()).as("empty content is a version too").isEmpty();
    assertThat(c[1].history(NAME)).containsExactly(v1, v2, v3);
    assertThat(c[1].latest(NAME)).contains(v3);
    assertThat(c[1].version(NAME, 2)).contains(v2);
    assertThat(c[1].version(NAME, 4)).isEmpty();
  }

  @Test
  void aWriteBasedOnAStaleVersionIsRefusedNamingTheCurrentOne() {
    ConfigStore[] c = twoClients();
    c[0].put(NAME, YAML, 0, "alice");
    c[0].put(NAME, YAML + "# 2\n", 1, "alice");
    ConfigVersion v3 = c[1].put(NAME, YAML + "# 3\n", 2, "bob");

    assertThatThrownBy(() -> c[0].put(NAME, "lost update", 2, "alice")).isInstanceOf(ConflictException.class)
        .hasMessageContaining(NAME).hasMessageContaining("version 3").hasMessageContaining("expected at version 2");
    assertThatThrownBy(() -> c[0].put(NAME, "from the future", 7, "alice")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("version 3");
    assertThatThrownBy(() -> c[0].put(NAME, "recreate", 0, "alice")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("version 3");

    assertThat(c[1].latest(NAME)).contains(v3);
    assertThat(c[1].history(NAME)).hasSize(3);
  }

  @Test
  void updatingADocumentThatDoesNotExistIsAConflict() {
    ConfigStore store = newStore(clock);

    assertThatThrownBy(() -> store.put(NAME, YAML, 1, "alice")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("does not exist");

    assertThat(store.names()).isEmpty();
    assertThat(store.latest(NAME)).isEmpty();
  }

  @Test
  void ofConcurrentWritersOfOneVersionExactlyOneWins() throws InterruptedException {
    ConfigStore[] c = twoClients();
    c[0].put(NAME, YAML, 0, "alice");

    List<Object> outcomes = Race.run(8, i -> () -> c[i % 2].put(NAME, "edit " + i, 1, "writer-" + i));

    assertThat(outcomes).filteredOn(ConfigVersion.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(7);
    ConfigVersion winner = (ConfigVersion) outcomes.stream().filter(ConfigVersion.class::isInstance).findFirst()
        .orElseThrow();
    assertThat(winner.version()).isEqualTo(2);
    assertThat(winner.content()).isEqualTo("edit " + winner.author().substring("writer-".length()));
    assertThat(c[1].latest(NAME)).contains(winner);
    assertThat(c[0].history(NAME)).hasSize(2);
  }

  @Test
  void ofConcurrentCreatorsOfOneNameExactlyOneWins() throws InterruptedException {
    ConfigStore[] c = twoClients();

    List<Object> outcomes = Race.run(6, i -> () -> c[i % 2].put("deployment", "v" + i, 0, "writer-" + i));

    assertThat(outcomes).filteredOn(ConfigVersion.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(5);
    assertThat(c[0].history("deployment")).hasSize(1);
  }

  @Test
  void contentReadsBackExactly() {
    ConfigStore[] c = twoClients();
    String tricky = "line one\r\nline two\n\ttabbed  \n₹ 2,534.05 — निफ्टी 😀\n\\ ' \" $1 %s\u0001 ";
    String large = "x: " + "0123456789".repeat(20_000) + "\n";

    c[0].put("tricky", tricky, 0, "alice");
    c[0].put("large", large, 0, "alice");

    assertThat(c[1].latest("tricky").orElseThrow().content()).isEqualTo(tricky);
    assertThat(c[1].latest("large").orElseThrow().content()).isEqualTo(large);
  }

  @Test
  void documentsAreIndependentAndNamesSorted() {
    ConfigStore[] c = twoClients();
    c[0].put("strategies/b", "b", 0, "alice");
    c[1].put("deployment", "d", 0, "bob");
    c[0].put("strategies/a", "a", 0, "alice");
    c[0].put("strategies/a", "a2", 1, "alice");

    assertThat(c[1].names()).containsExactly("deployment", "strategies/a", "strategies/b");
    assertThat(c[1].latest("strategies/b").orElseThrow().version()).isEqualTo(1);
    assertThat(c[1].latest("strategies/a").orElseThrow().content()).isEqualTo("a2");
    assertThat(c[1].history("never-written")).isEmpty();
    assertThat(c[1].version("never-written", 1)).isEmpty();
  }

  @Test
  void refusesBadNamesAuthorsVersionsAndExpectedVersions() {
    ConfigStore store = newStore(clock);

    assertThatThrownBy(() -> store.put("two words", YAML, 0, "alice")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("ConfigVersion.name").hasMessageContaining("two words");
    assertThatThrownBy(() -> store.put(NAME, YAML, 0, " ")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("ConfigVersion.author");
    assertThatThrownBy(() -> store.put(NAME, YAML, -1, "alice")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("expectedVersion").hasMessageContaining("-1");
    assertThatThrownBy(() -> store.version(NAME, 0)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("version");
    assertThatThrownBy(() -> store.latest("bad name")).isInstanceOf(ValidationException.class);

    assertThat(store.names()).as("nothing was written").isEmpty();
  }

  @Test
  void aVersionPrintsItsLengthNotItsContent() {
    ConfigVersion v = newStore(clock).put(NAME, "password: hunter2-not-for-logs\n", 0, "alice");

    assertThat(v.toString()).contains(NAME).contains("version=1").contains("31 chars")
        .doesNotContain("hunter2");
  }
}
