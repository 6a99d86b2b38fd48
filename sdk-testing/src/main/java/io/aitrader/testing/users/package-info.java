/**
 * The compatibility kits of the users SPIs of {@code io.aitrader.api.users}:
 * {@link io.aitrader.testing.users.UserRepositoryContract}, {@link io.aitrader.testing.users.ConfigStoreContract} and
 * {@link io.aitrader.testing.users.LoginSessionStoreContract}. The embedded defaults and every connector extend them.
 */
@NullMarked
package io.aitrader.testing.users;

import org.jspecify.annotations.NullMarked;
