package io.aitrader.api.lock;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

/**
 * Hands out {@link LeaseLock}s by name. Every client of the same registry state — one process for the embedded
 * registry, every process on one Redis server and key prefix for the Redis connector — sees the same lock for the
 * same name.
 *
 * <pre>{@code
 * LockRegistry locks = new InMemoryLockRegistry(clock);    // or redis.locks()
 * LeaseLock lock = locks.lock("orders:ACC-1");
 * }</pre>
 *
 * <p>Names are 1 to 200 characters among letters, digits and {@code . _ - : /} (see {@link #checkName(String)}).
 * Implementations are thread-safe; asking twice for one name may give two handles, which behave as one lock.
 */
@FunctionalInterface
public interface LockRegistry {

  /**
   * The lock called {@code name}.
   *
   * @throws io.aitrader.api.ValidationException when the name breaks the rules of {@link #checkName(String)}
   */
  LeaseLock lock(String name);

  /**
   * Returns {@code name} if it is a valid lock name (1 to 200 letters, digits or {@code . _ - : /}), else fails with
   * a {@link io.aitrader.api.ValidationException} naming {@code LockRegistry.name}.
   */
  static String checkName(String name) {
    required(name, "LockRegistry.name");
    boolean valid = !name.isEmpty() && name.length() <= 200;
    for (int i = 0; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".-_:/".indexOf(c) >= 0;
    }
    check(valid, "LockRegistry.name", "must be 1 to 200 letters, digits or . _ - : /", "'" + name + "'");
    return name;
  }
}
