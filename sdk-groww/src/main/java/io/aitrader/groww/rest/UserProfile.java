package io.aitrader.groww.rest;

import java.util.Map;
import java.util.Optional;

/**
 * The user profile ({@code GET /v1/user/detail}). Its fields are UNCONFIRMED (not documented in what was read), so
 * every scalar field of the payload is kept as text under its wire name.
 */
public record UserProfile(Map<String, String> fields) {
  public UserProfile {
    fields = Map.copyOf(fields);
  }

  /** The field with this wire name, e.g. {@code ucc}. */
  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }
}
