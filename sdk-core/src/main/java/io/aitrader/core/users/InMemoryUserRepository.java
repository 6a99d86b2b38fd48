package io.aitrader.core.users;

import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.time.TimeSource;
import io.aitrader.api.users.ConflictException;
import io.aitrader.api.users.Role;
import io.aitrader.api.users.User;
import io.aitrader.api.users.UserRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The embedded {@link UserRepository}: users and their password hashes in this process's memory, gone when it
 * stops. The PostgreSQL connector's repository replaces it to keep users in a database.
 *
 * <pre>{@code
 * UserRepository users = new InMemoryUserRepository(clock);
 * users.create("admin", "Administrator", Role.ADMIN, initialPassword);
 * }</pre>
 *
 * <p>Passwords are hashed by {@link Passwords} (210 000 PBKDF2 iterations unless given another instance), outside
 * any lock. Ids are random UUIDs. Thread-safe: lookups read concurrent maps without locking; writes take this
 * object's monitor, so of concurrent creators of one name exactly one wins.
 */
public final class InMemoryUserRepository implements UserRepository {
  private final TimeSource clock;
  private final Passwords passwords;
  private final ConcurrentMap<String, Entry> byId = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> idByName = new ConcurrentHashMap<>();

  /** A user and its password hash: never printed. */
  private record Entry(User user, String passwordHash) {
    @Override
    public String toString() {
      return user.toString();
    }
  }

  /** An empty repository hashing with {@link Passwords#defaults()}, its times from {@code clock}. */
  public InMemoryUserRepository(TimeSource clock) {
    this(clock, Passwords.defaults());
  }

  /** An empty repository hashing with {@code passwords}, its times from {@code clock}. */
  public InMemoryUserRepository(TimeSource clock, Passwords passwords) {
    this.clock = required(clock, "InMemoryUserRepository.clock");
    this.passwords = required(passwords, "InMemoryUserRepository.passwords");
  }

  @Override
  public User create(String name, String displayName, Role role, char[] password) {
    User.checkName(name);
    User.checkDisplayName(displayName);
    required(role, "User.role");
    UserRepository.checkPassword(password);
    String key = User.normalizedName(name);
    if (idByName.containsKey(key)) {
      throw ConflictException.nameTaken(name);
    }
    String hash = passwords.hash(password);
    synchronized (this) {
      if (idByName.containsKey(key)) {
        throw ConflictException.nameTaken(name);
      }
      User user = new User(UUID.randomUUID().toString(), name, displayName, role, true, clock.currentTimeMillis());
      byId.put(user.id(), new Entry(user, hash));
      idByName.put(key, user.id());
      return user;
    }
  }

  @Override
  public Optional<User> find(String id) {
    required(id, "User.id");
    Entry e = byId.get(id);
    return e == null ? Optional.empty() : Optional.of(e.user());
  }

  @Override
  public Optional<User> findByName(String name) {
    Entry e = entryByName(required(name, "User.name"));
    return e == null ? Optional.empty() : Optional.of(e.user());
  }

  private @Nullable Entry entryByName(String name) {
    String id = idByName.get(User.normalizedName(name));
    return id == null ? null : byId.get(id);
  }

  @Override
  public List<User> list() {
    List<User> all = new ArrayList<>();
    for (Entry e : byId.values()) {
      all.add(e.user());
    }
    all.sort(Comparator.comparing((User u) -> User.normalizedName(u.name())));
    return List.copyOf(all);
  }

  @Override
  public User setRole(String id, Role role) {
    required(role, "User.role");
    return update(id, e -> new Entry(e.user().withRole(role), e.passwordHash())).user();
  }

  @Override
  public User setEnabled(String id, boolean enabled) {
    return update(id, e -> new Entry(e.user().withEnabled(enabled), e.passwordHash())).user();
  }

  @Override
  public void changePassword(String id, char[] newPassword) {
    required(id, "User.id");
    UserRepository.checkPassword(newPassword);
    if (!byId.containsKey(id)) {
      throw unknown(id);
    }
    String hash = passwords.hash(newPassword);
    update(id, e -> new Entry(e.user(), hash));
  }

  private synchronized Entry update(String id, UnaryOperator<Entry> change) {
    required(id, "User.id");
    Entry current = byId.get(id);
    if (current == null) {
      throw unknown(id);
    }
    Entry next = change.apply(current);
    byId.put(id, next);
    return next;
  }

  static NotFoundException unknown(String id) {
    return new NotFoundException("no user with id '" + id + "': list the users to find the right id");
  }

  @Override
  public Optional<User> authenticate(String name, char[] password) {
    required(name, "User.name");
    required(password, "User.password");
    Entry e = entryByName(name);
    if (e == null) {
      passwords.verifyNothing(password);
      return Optional.empty();
    }
    boolean matches = passwords.verify(password, e.passwordHash());
    return matches && e.user().enabled() ? Optional.of(e.user()) : Optional.empty();
  }

  @Override
  public String toString() {
    return "InMemoryUserRepository[" + byId.size() + " users, " + passwords + "]";
  }
}
