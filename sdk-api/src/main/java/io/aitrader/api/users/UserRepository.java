package io.aitrader.api.users;

import io.aitrader.api.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * The users of a deployment and their passwords: create, look up, change role, enable or disable, change the
 * password, and check a login.
 *
 * <pre>{@code
 * UserRepository users = new InMemoryUserRepository(clock);     // or PostgresUserRepository.on(dataSource, clock)
 * User alice = users.create("alice", "Alice Iyer", Role.TRADER, passwordChars);
 * Optional<User> loggedIn = users.authenticate("Alice", typedChars);   // empty: wrong name or password, or disabled
 * }</pre>
 *
 * <p><b>Contract</b> (checked by the kit {@code io.aitrader.testing.users.UserRepositoryContract}):
 * <ul>
 *   <li>Names are unique ignoring case ({@link User#normalizedName(String)}): creating a taken name fails with a
 *       {@link ConflictException} naming it; of concurrent creators of one name (in any process sharing the store)
 *       exactly one wins. Lookups by name ignore case; the name is kept as first written.
 *   <li>Passwords are stored only as salted, slow hashes (PBKDF2-HMAC-SHA256, the form
 *       {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}), compared in constant time. The repository keeps no
 *       reference to the {@code char[]} it is given: the caller may (and should) zero it after the call.
 *   <li>{@link #authenticate} returns the user only for an enabled user and the right password; a wrong password, an
 *       unknown name and a disabled user all give the same empty answer (and take about as long).
 *   <li>Passwords are 8 to 1024 characters ({@link #checkPassword(char[])}). No password or hash ever appears in a
 *       message, a log line or a {@code toString()}.
 *   <li>{@link #list()} is ordered by normalized name.
 * </ul>
 *
 * <p>Time ({@link User#createdAtMillis()}) comes from the implementation's injected clock. Implementations are
 * thread-safe; a remote store that cannot be reached throws an unchecked {@link io.aitrader.api.AitraderException}.
 */
public interface UserRepository {
  /** The fewest characters of a password. */
  int MIN_PASSWORD = 8;
  /** The most characters of a password. */
  int MAX_PASSWORD = 1024;

  /**
   * Creates an enabled user.
   *
   * @throws ConflictException   when the name is taken (ignoring case)
   * @throws ValidationException when the name, display name or password breaks the rules of {@link User} and
   *     {@link #checkPassword(char[])}
   */
  User create(String name, String displayName, Role role, char[] password);

  /** The user with this id. */
  Optional<User> find(String id);

  /** The user with this name, ignoring case. */
  Optional<User> findByName(String name);

  /** Every user, ordered by normalized name. */
  List<User> list();

  /**
   * Gives the user {@code role}.
   *
   * @return the user as now stored
   * @throws io.aitrader.api.NotFoundException when no user has this id
   */
  User setRole(String id, Role role);

  /**
   * Enables or disables the user; a disabled user keeps its password but never authenticates.
   *
   * @return the user as now stored
   * @throws io.aitrader.api.NotFoundException when no user has this id
   */
  User setEnabled(String id, boolean enabled);

  /**
   * Replaces the user's password (a new salt and hash).
   *
   * @throws io.aitrader.api.NotFoundException when no user has this id
   * @throws ValidationException               when the password breaks {@link #checkPassword(char[])}
   */
  void changePassword(String id, char[] newPassword);

  /**
   * The user called {@code name} (ignoring case), if it is enabled and {@code password} is its password; empty
   * otherwise, without saying which check failed.
   */
  Optional<User> authenticate(String name, char[] password);

  /**
   * Returns {@code password} if it has {@value #MIN_PASSWORD} to {@value #MAX_PASSWORD} characters, else fails with a
   * {@link ValidationException} on {@code User.password} that gives the length, never the value.
   */
  static char[] checkPassword(char[] password) {
    ValidationException.required(password, "User.password");
    if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
      throw new ValidationException("User.password", "User.password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
          + " characters, was " + password.length + " characters");
    }
    return password;
  }
}
