package io.aitrader.api.users;

import java.util.List;
import java.util.Optional;

/**
 * Named, versioned configuration documents (a deployment YAML, a strategy's parameters) with optimistic
 * concurrency: a writer says which version it read, and loses if someone wrote since.
 *
 * <pre>{@code
 * ConfigStore configs = new InMemoryConfigStore(clock);              // or PostgresConfigStore.on(dataSource, clock)
 * ConfigVersion v1 = configs.put("strategies/momentum-5m", yaml, 0, "alice");      // 0: a new document
 * ConfigVersion read = configs.latest("strategies/momentum-5m").orElseThrow();
 * configs.put(read.name(), edited, read.version(), "bob");          // ConflictException if someone wrote meanwhile
 * }</pre>
 *
 * <p><b>Contract</b> (checked by the kit {@code io.aitrader.testing.users.ConfigStoreContract}):
 * <ul>
 *   <li>The versions of a name are 1, 2, 3… without gaps; a stored version never changes; content reads back exactly.
 *   <li>{@code put} succeeds only when {@code expectedVersion} is the current latest version (0 for a name never
 *       written); otherwise it fails with a {@link ConflictException} naming the current version and stores nothing.
 *       Of concurrent writers expecting the same version (in any process sharing the store) exactly one wins.
 *   <li>{@link #history(String)} lists every version, oldest first; {@link #names()} every name, sorted.
 * </ul>
 *
 * <p>Time ({@link ConfigVersion#createdAtMillis()}) comes from the implementation's injected clock. Implementations
 * are thread-safe; a remote store that cannot be reached throws an unchecked {@link io.aitrader.api.AitraderException}.
 */
public interface ConfigStore {

  /**
   * Writes the next version of {@code name}.
   *
   * @param expectedVersion the version the writer based its change on: the current latest, or 0 to create the name
   * @return the version written, {@code expectedVersion + 1}
   * @throws ConflictException                   when {@code expectedVersion} is not the current latest version
   * @throws io.aitrader.api.ValidationException when a value breaks the rules of {@link ConfigVersion} or
   *     {@code expectedVersion} is negative
   */
  ConfigVersion put(String name, String content, long expectedVersion, String author);

  /** The latest version of {@code name}; empty when it was never written. */
  Optional<ConfigVersion> latest(String name);

  /**
   * Version {@code version} of {@code name}; empty when there is none.
   *
   * @throws io.aitrader.api.ValidationException when {@code version} is below 1
   */
  Optional<ConfigVersion> version(String name, long version);

  /** Every version of {@code name}, oldest first; empty when it was never written. */
  List<ConfigVersion> history(String name);

  /** The name of every document, sorted. */
  List<String> names();
}
