package io.aitrader.core.users;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.time.TimeSource;
import io.aitrader.api.users.ConfigStore;
import io.aitrader.api.users.ConfigVersion;
import io.aitrader.api.users.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The embedded {@link ConfigStore}: every version of every document in this process's memory, gone when it stops.
 * The PostgreSQL connector's store replaces it to keep them in a database.
 *
 * <pre>{@code
 * ConfigStore configs = new InMemoryConfigStore(clock);
 * configs.put("deployment", yaml, 0, "alice");
 * }</pre>
 *
 * <p>Thread-safe: a write replaces a name's immutable version list atomically ({@link ConcurrentHashMap#compute}),
 * so of concurrent writers expecting one version exactly one wins; reads never lock.
 */
public final class InMemoryConfigStore implements ConfigStore {
  private final TimeSource clock;
  private final ConcurrentMap<String, List<ConfigVersion>> documents = new ConcurrentHashMap<>();

  /** An empty store whose versions are timed by {@code clock}. */
  public InMemoryConfigStore(TimeSource clock) {
    this.clock = required(clock, "InMemoryConfigStore.clock");
  }

  @Override
  public ConfigVersion put(String name, String content, long expectedVersion, String author) {
    ConfigVersion.checkName(name);
    ConfigVersion.checkContent(content);
    ConfigVersion.checkAuthor(author);
    checkExpected(expectedVersion);
    List<ConfigVersion> written = documents.compute(name, (n, versions) -> {
      long current = versions == null ? 0 : versions.size();
      if (current != expectedVersion) {
        throw ConflictException.staleVersion(name, expectedVersion, current);
      }
      List<ConfigVersion> next = new ArrayList<>(versions == null ? List.of() : versions);
      next.add(new ConfigVersion(name, current + 1, content, author, clock.currentTimeMillis()));
      return List.copyOf(next);
    });
    return written.get(written.size() - 1);
  }

  /** Fails unless {@code expectedVersion} is >= 0. */
  static void checkExpected(long expectedVersion) {
    check(expectedVersion >= 0, "ConfigStore.expectedVersion", "must be >= 0 (0 creates a new document)",
        expectedVersion);
  }

  @Override
  public Optional<ConfigVersion> latest(String name) {
    List<ConfigVersion> versions = documents.get(ConfigVersion.checkName(name));
    return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  @Override
  public Optional<ConfigVersion> version(String name, long version) {
    ConfigVersion.checkName(name);
    check(version >= 1, "ConfigStore.version", "must be >= 1", version);
    List<ConfigVersion> versions = documents.get(name);
    return versions == null || version > versions.size() ? Optional.empty()
        : Optional.of(versions.get((int) version - 1));
  }

  @Override
  public List<ConfigVersion> history(String name) {
    List<ConfigVersion> versions = documents.get(ConfigVersion.checkName(name));
    return versions == null ? List.of() : versions;
  }

  @Override
  public List<String> names() {
    List<String> names = new ArrayList<>(documents.keySet());
    names.sort(null);
    return List.copyOf(names);
  }

  @Override
  public String toString() {
    return "InMemoryConfigStore[" + documents.size() + " documents]";
  }
}
