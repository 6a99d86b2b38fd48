package io.aitrader.testing.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aitrader.api.NotFoundException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.time.TimeSource;
import io.aitrader.api.users.ConflictException;
import io.aitrader.api.users.Role;
import io.aitrader.api.users.User;
import io.aitrader.api.users.UserRepository;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link UserRepository}: the embedded repository in sdk-core and every connector
 * (PostgreSQL) extend this class and pass the same tests. It uses the SPI only.
 *
 * <pre>{@code
 * class InMemoryUserRepositoryTest extends UserRepositoryContract {
 *   protected UserRepository newRepository(TimeSource clock) {
 *     return new InMemoryUserRepository(clock, Passwords.withIterations(1_000));   // fast hashing for tests
 *   }
 *   protected UserRepository otherClient(UserRepository first, TimeSource clock) { return first; }
 * }
 * }</pre>
 *
 * <p><b>Clients.</b> {@link #newRepository(TimeSource)} is called once per test for a first client over fresh, empty
 * data; {@link #otherClient} for a second client over the same data, as another process (an in-process repository
 * returns {@code first}). The kit creates a few dozen users: hash with few iterations in tests.
 *
 * <p><b>Time.</b> The kit's clock starts at {@link #T0} and moves only when the kit says; users created at a time
 * carry it in {@link User#createdAtMillis()}.
 */
public abstract class UserRepositoryContract {
  /** 2025-01-06 09:15 IST, where the kit's clock starts. */
  protected static final long T0 = 1_736_135_100_000L;
  private static final String SECRET = "s3cret-Passw0rd";

  private final AtomicLong now = new AtomicLong(T0);
  private final TimeSource clock = now::get;

  /** A fresh, empty repository timed by {@code clock}. */
  protected abstract UserRepository newRepository(TimeSource clock);

  /** A second client over the same data as {@code first}: another process. An in-process repository returns it. */
  protected abstract UserRepository otherClient(UserRepository first, TimeSource clock);

  private static char[] pw(String password) {
    return password.toCharArray();
  }

  private UserRepository[] twoClients() {
    UserRepository first = newRepository(clock);
    return new UserRepository[] {first, otherClient(first, clock)};
  }

  @Test
  void createsAnEnabledUserFoundByIdAndByNameInAnyCase() {
    UserRepository[] c = twoClients();

    User alice = c[0].create("Alice.Iyer", "Alice Iyer", Role.TRADER, pw(SECRET));

    assertThat(alice.name()).isEqualTo("Alice.Iyer");
    assertThat(alice.displayName()).isEqualTo("Alice Iyer");
    assertThat(alice.role()).isEqualTo(Role.TRADER);
    assertThat(alice.enabled()).isTrue();
    assertThat(alice.createdAtMillis()).isEqualTo(T0);
    assertThat(c[1].find(alice.id())).contains(alice);
    assertThat(c[1].findByName("alice.iyer")).contains(alice);
    assertThat(c[1].findByName("ALICE.IYER")).contains(alice);
    assertThat(c[1].findByName("bob")).isEmpty();
    assertThat(c[1].find("no-such-id")).isEmpty();
  }

  @Test
  void namesAreUniqueIgnoringCase() {
    UserRepository[] c = twoClients();
    c[0].create("alice", "Alice", Role.VIEWER, pw(SECRET));

    assertThatThrownBy(() -> c[1].create("ALICE", "Another Alice", Role.ADMIN, pw("other-password-1")))
        .isInstanceOf(ConflictException.class).isInstanceOf(ValidationException.class)
        .hasMessageContaining("ALICE").hasMessageContaining("taken")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("other-password-1"));

    assertThat(c[0].list()).extracting(User::displayName).containsExactly("Alice");
    assertThat(c[0].authenticate("alice", pw("other-password-1"))).as("the loser's password was not stored").isEmpty();
  }

  @Test
  void ofConcurrentCreatorsOfOneNameExactlyOneWins() throws InterruptedException {
    UserRepository[] c = twoClients();
    String[] spellings = {"trader", "Trader", "TRADER", "tRaDeR"};

    List<Object> outcomes = Race.run(8, i -> () -> c[i % 2].create(spellings[i % 4], "Trader " + i, Role.TRADER,
        pw("password-of-" + i)));

    assertThat(outcomes).filteredOn(User.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(7);
    User winner = (User) outcomes.stream().filter(User.class::isInstance).findFirst().orElseThrow();
    int i = Integer.parseInt(winner.displayName().substring("Trader ".length()));
    assertThat(c[0].list()).containsExactly(winner);
    assertThat(c[1].authenticate("trader", pw("password-of-" + i))).contains(winner);
  }

  @Test
  void authenticatesOnlyTheRightPasswordOfAnEnabledUser() {
    UserRepository[] c = twoClients();
    User bob = c[0].create("bob", "Bob", Role.TRADER, pw(SECRET));

    assertThat(c[1].authenticate("bob", pw(SECRET))).contains(bob);
    assertThat(c[1].authenticate("BOB", pw(SECRET))).as("the name ignores case").contains(bob);
    assertThat(c[1].authenticate("bob", pw(SECRET.toUpperCase()))).as("the password does not").isEmpty();
    assertThat(c[1].authenticate("bob", pw(SECRET + " "))).isEmpty();
    assertThat(c[1].authenticate("bob", pw(""))).isEmpty();
    assertThat(c[1].authenticate("nobody", pw(SECRET))).isEmpty();
    assertThat(c[1].authenticate("not a valid name!", pw(SECRET))).isEmpty();
  }

  @Test
  void aDisabledUserNeverAuthenticatesUntilEnabledAgain() {
    UserRepository[] c = twoClients();
    User carol = c[0].create("carol", "Carol", Role.ADMIN, pw(SECRET));

    User disabled = c[0].setEnabled(carol.id(), false);

    assertThat(disabled).isEqualTo(carol.withEnabled(false));
    assertThat(c[1].find(carol.id())).contains(disabled);
    assertThat(c[1].authenticate("carol", pw(SECRET))).isEmpty();
    assertThat(c[1].setEnabled(carol.id(), true).enabled()).isTrue();
    assertThat(c[0].authenticate("carol", pw(SECRET))).contains(carol);
  }

  @Test
  void aChangedPasswordReplacesTheOldOne() {
    UserRepository[] c = twoClients();
    User dev = c[0].create("dev", "Dev", Role.VIEWER, pw(SECRET));

    c[1].changePassword(dev.id(), pw("brand-new-password"));

    assertThat(c[0].authenticate("dev", pw(SECRET))).isEmpty();
    assertThat(c[0].authenticate("dev", pw("brand-new-password"))).contains(dev);
  }

  @Test
  void theRepositoryKeepsNoReferenceToThePasswordArray() {
    UserRepository repo = newRepository(clock);
    char[] given = pw(SECRET);
    repo.create("erin", "Erin", Role.VIEWER, given);

    Arrays.fill(given, '\0');

    assertThat(repo.authenticate("erin", pw(SECRET))).isPresent();
  }

  @Test
  void setRoleIsStoredAndSeenByEveryClient() {
    UserRepository[] c = twoClients();
    User frank = c[0].create("frank", "Frank", Role.VIEWER, pw(SECRET));

    User promoted = c[1].setRole(frank.id(), Role.ADMIN);

    assertThat(promoted).isEqualTo(frank.withRole(Role.ADMIN));
    assertThat(c[0].find(frank.id())).contains(promoted);
    assertThat(c[0].authenticate("frank", pw(SECRET))).contains(promoted);
  }

  @Test
  void listsEveryUserByNameIgnoringCaseWithTheirCreationTimes() {
    UserRepository[] c = twoClients();
    User zed = c[0].create("zed", "Zed", Role.VIEWER, pw(SECRET));
    now.set(T0 + 1_000);
    User amy = c[1].create("Amy", "Amy", Role.TRADER, pw(SECRET));
    now.set(T0 + 2_000);
    User mia = c[0].create("mia", "Mia", Role.ADMIN, pw(SECRET));

    assertThat(c[1].list()).containsExactly(amy, mia, zed);
    assertThat(c[1].list()).extracting(User::createdAtMillis).containsExactly(T0 + 1_000, T0 + 2_000, T0);
    assertThat(newRepository(clock).list()).as("a fresh repository").isEmpty();
  }

  @Test
  void changesToAnUnknownUserFailNamingTheId() {
    UserRepository repo = newRepository(clock);

    assertThatThrownBy(() -> repo.setRole("missing-id", Role.ADMIN)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("missing-id");
    assertThatThrownBy(() -> repo.setEnabled("missing-id", false)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("missing-id");
    assertThatThrownBy(() -> repo.changePassword("missing-id", pw(SECRET))).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("missing-id");
  }

  @Test
  void refusesBadNamesDisplayNamesAndPasswordsWithoutQuotingThePassword() {
    UserRepository repo = newRepository(clock);

    assertThatThrownBy(() -> repo.create("two words", "X", Role.VIEWER, pw(SECRET)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("User.name").hasMessageContaining("two words");
    assertThatThrownBy(() -> repo.create("", "X", Role.VIEWER, pw(SECRET))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> repo.create("x".repeat(65), "X", Role.VIEWER, pw(SECRET)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("User.name");
    assertThatThrownBy(() -> repo.create("gita", " ", Role.VIEWER, pw(SECRET)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("User.displayName");
    assertThatThrownBy(() -> repo.create("gita", "Gita", Role.VIEWER, pw("short7!")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("User.password")
        .hasMessageContaining("7 characters").satisfies(e -> assertThat(e.getMessage()).doesNotContain("short7!"));
    User gita = repo.create("gita", "Gita", Role.VIEWER, pw(SECRET));
    assertThatThrownBy(() -> repo.changePassword(gita.id(), pw("tiny")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("User.password")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tiny"));

    assertThat(repo.list()).containsExactly(gita);
    assertThat(repo.authenticate("gita", pw(SECRET))).as("the refused change kept the password").contains(gita);
  }

  @Test
  void noUserValueOrRepositoryDescriptionRevealsAPassword() {
    UserRepository repo = newRepository(clock);
    User hari = repo.create("hari", "Hari", Role.TRADER, pw(SECRET));

    assertThat(hari.toString()).doesNotContain(SECRET).doesNotContain("pbkdf2");
    assertThat(repo.toString()).doesNotContain(SECRET).doesNotContain("pbkdf2-sha256$");
  }
}
