package io.aitrader.api.users;

/**
 * What a {@link User} may do, each role including the ones before it: a {@code VIEWER} reads (dashboards, orders,
 * positions), a {@code TRADER} also places and cancels orders and starts strategies, an {@code ADMIN} also manages
 * users and configurations.
 *
 * <pre>{@code
 * if (!user.role().includes(Role.TRADER)) throw forbidden();
 * }</pre>
 */
public enum Role {
  /** Reads only. */
  VIEWER,
  /** Reads and trades. */
  TRADER,
  /** Reads, trades and administers users and configurations. */
  ADMIN;

  /** Whether this role may do what {@code required} may: {@code ADMIN.includes(TRADER)} is true. */
  public boolean includes(Role required) {
    return compareTo(required) >= 0;
  }
}
