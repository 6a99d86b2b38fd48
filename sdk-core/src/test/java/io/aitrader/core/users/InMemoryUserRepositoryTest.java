package io.aitrader.core.users;

import io.aitrader.api.time.TimeSource;
import io.aitrader.api.users.UserRepository;
import io.aitrader.testing.users.UserRepositoryContract;

/** The embedded user repository passes the kit (with few PBKDF2 iterations, for speed). */
class InMemoryUserRepositoryTest extends UserRepositoryContract {
  @Override
  protected UserRepository newRepository(TimeSource clock) {
    return new InMemoryUserRepository(clock, Passwords.withIterations(Passwords.MIN_ITERATIONS));
  }

  @Override
  protected UserRepository otherClient(UserRepository first, TimeSource clock) {
    return first;
  }
}
