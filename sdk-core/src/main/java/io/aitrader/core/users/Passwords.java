package io.aitrader.core.users;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.users.UserRepository;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing for every {@link UserRepository}: PBKDF2-HMAC-SHA256 from the JDK with a random 16-byte salt and a
 * 32-byte hash, stored in the self-describing form {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (salt and hash in
 * base64 without padding), so a hash made with another iteration count still verifies.
 *
 * <pre>{@code
 * Passwords passwords = Passwords.defaults();             // 210 000 iterations (OWASP 2023 for PBKDF2-SHA256)
 * String stored = passwords.hash(typed);                  // store this, never the password
 * boolean ok = passwords.verify(typed, stored);           // constant-time comparison
 * Arrays.fill(typed, '\0');                               // the caller zeroes its array
 * }</pre>
 *
 * <p>It keeps no reference to a password array and clears its own copies. Neither a password nor a stored hash ever
 * appears in a message of its exceptions. A fewer-iteration instance ({@link #withIterations(int)}, at least
 * {@value #MIN_ITERATIONS}) is for tests only: hashing with the default takes about 0.1–0.3 s on one core, on purpose.
 * Immutable and thread-safe.
 */
public final class Passwords {
  /** The default work factor: 210 000 iterations. */
  public static final int DEFAULT_ITERATIONS = 210_000;
  /** The fewest iterations {@link #withIterations(int)} accepts (for tests). */
  public static final int MIN_ITERATIONS = 1_000;
  /** The most iterations a stored hash may name (bounds the work of a corrupted or hostile value). */
  public static final int MAX_ITERATIONS = 100_000_000;
  /** The algorithm's name in the stored form. */
  public static final String SCHEME = "pbkdf2-sha256";

  private static final String JCA_NAME = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getDecoder();
  private static final Passwords DEFAULTS = new Passwords(DEFAULT_ITERATIONS);
  private static final char[] DUMMY_PASSWORD = "not-a-password-of-anyone".toCharArray();

  private final int iterations;
  private final byte[] dummySalt = new byte[SALT_BYTES];

  private Passwords(int iterations) {
    this.iterations = iterations;
  }

  /** Hashing with {@value #DEFAULT_ITERATIONS} iterations. */
  public static Passwords defaults() {
    return DEFAULTS;
  }

  /**
   * Hashing with {@code iterations} iterations: more for a stronger work factor, fewer only in tests.
   *
   * @throws io.aitrader.api.ValidationException when {@code iterations} is outside {@value #MIN_ITERATIONS} to
   *     {@value #MAX_ITERATIONS}
   */
  public static Passwords withIterations(int iterations) {
    check(iterations >= MIN_ITERATIONS && iterations <= MAX_ITERATIONS, "Passwords.iterations",
        "must be between " + MIN_ITERATIONS + " and " + MAX_ITERATIONS, iterations);
    return iterations == DEFAULT_ITERATIONS ? DEFAULTS : new Passwords(iterations);
  }

  /** The iteration count of new hashes. */
  public int iterations() {
    return iterations;
  }

  /**
   * The stored form of {@code password} with a fresh random salt.
   *
   * @throws io.aitrader.api.ValidationException when the password breaks {@link UserRepository#checkPassword}
   *     (the message gives its length, never its value)
   */
  public String hash(char[] password) {
    UserRepository.checkPassword(password);
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, iterations);
    return SCHEME + "$" + iterations + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
  }

  /**
   * Whether {@code password} is the one {@code stored} was made from. Hashes are compared in constant time; the
   * iteration count is the one in {@code stored}. An empty or over-long password is simply wrong.
   *
   * @throws IllegalStateException when {@code stored} is not in the stored form (the message does not quote it)
   */
  public boolean verify(char[] password, String stored) {
    required(password, "User.password");
    required(stored, "Passwords.stored");
    String[] parts = stored.split("\\$", -1);
    if (parts.length != 4 || !SCHEME.equals(parts[0])) {
      throw malformed();
    }
    int storedIterations;
    byte[] salt;
    byte[] expected;
    try {
      storedIterations = Integer.parseInt(parts[1]);
      salt = DECODER.decode(parts[2]);
      expected = DECODER.decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (storedIterations < 1 || storedIterations > MAX_ITERATIONS || salt.length == 0 || expected.length == 0) {
      throw malformed();
    }
    if (password.length == 0 || password.length > UserRepository.MAX_PASSWORD) {
      pbkdf2(DUMMY_PASSWORD, salt, storedIterations);
      return false;
    }
    byte[] actual = pbkdf2(password, salt, storedIterations, expected.length);
    return MessageDigest.isEqual(actual, expected);
  }

  /**
   * Does the work of one {@link #verify} and answers false: for a login whose user does not exist, so it takes as
   * long as a wrong password and the response time does not tell which names exist.
   */
  public boolean verifyNothing(char[] password) {
    required(password, "User.password");
    pbkdf2(DUMMY_PASSWORD, dummySalt, iterations);
    return false;
  }

  /** Whether {@code stored} was made with fewer iterations than this instance uses (a login may then rehash). */
  public boolean needsRehash(String stored) {
    String[] parts = stored.split("\\$", -1);
    if (parts.length != 4 || !SCHEME.equals(parts[0])) {
      return true;
    }
    try {
      return Integer.parseInt(parts[1]) < iterations;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    return pbkdf2(password, salt, iterations, HASH_BYTES);
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance(JCA_NAME).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2-HMAC-SHA256 is not available in this JDK: " + e.getMessage(), e);
    } finally {
      spec.clearPassword();
    }
  }

  private static IllegalStateException malformed() {
    return new IllegalStateException("stored password hash is not of the form " + SCHEME
        + "$<iterations>$<salt>$<hash>: the user store is corrupt; set a new password for this user");
  }

  @Override
  public String toString() {
    return "Passwords[" + SCHEME + ", " + iterations + " iterations]";
  }
}
