/**
 * Who may use a deployment and what it runs with: {@link io.aitrader.api.users.User}s with a
 * {@link io.aitrader.api.users.Role} in a {@link io.aitrader.api.users.UserRepository} (passwords stored only as
 * salted PBKDF2 hashes), named and versioned configuration documents in a {@link io.aitrader.api.users.ConfigStore}
 * (optimistic concurrency), and the logged-in users' {@link io.aitrader.api.users.LoginSession}s in a
 * {@link io.aitrader.api.users.LoginSessionStore} (the store the API gateway uses).
 *
 * <p>Each SPI has an embedded default in sdk-core ({@code io.aitrader.core.users}) and connectors (PostgreSQL for users
 * and configurations, Redis for sessions); all pass the same kits of {@code io.aitrader.testing.users}. Secrets —
 * passwords, password hashes, session ids — never appear in {@code toString()}, logs or exception messages.
 */
@NullMarked
package io.aitrader.api.users;

import org.jspecify.annotations.NullMarked;
