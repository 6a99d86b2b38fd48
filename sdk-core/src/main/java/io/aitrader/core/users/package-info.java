/**
 * The embedded defaults of the users SPIs of {@code io.aitrader.api.users}: {@link
 * io.aitrader.core.users.InMemoryUserRepository}, {@link io.aitrader.core.users.InMemoryConfigStore} and {@link
 * io.aitrader.core.users.InMemoryLoginSessionStore}, each timed by an injected {@code TimeSource}; plus the pieces every
 * implementation (the PostgreSQL and Redis connectors too) shares: {@link io.aitrader.core.users.Passwords} (PBKDF2
 * hashing) and {@link io.aitrader.core.users.SessionIds} (session tokens and their fingerprints).
 */
@NullMarked
package io.aitrader.core.users;

import org.jspecify.annotations.NullMarked;
