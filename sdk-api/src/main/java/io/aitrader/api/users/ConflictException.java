package io.aitrader.api.users;

import io.aitrader.api.ValidationException;

/**
 * A write lost to the stored state: a user name that is taken, or a configuration written against a version that is
 * no longer the latest. The message names what conflicts (the name, the current version) and never a secret; reread
 * and retry, or pick another name. A {@link ValidationException}, so callers that map bad input to a client error map
 * this one too (HTTP 409 where they can tell it apart).
 */
public class ConflictException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /**
   * @param field   the field that conflicts, qualified by its type (e.g. {@code User.name})
   * @param message what happened and what to do
   */
  public ConflictException(String field, String message) {
    super(field, message);
  }

  /** The conflict of creating a user called {@code name} when the name is taken (ignoring case). */
  public static ConflictException nameTaken(String name) {
    return new ConflictException("User.name", "User.name '" + name
        + "' is taken (names are unique ignoring case): choose another name");
  }

  /**
   * The conflict of writing configuration {@code name} expecting version {@code expected} when {@code current} is
   * the latest (0: none): the one message of every {@link ConfigStore}.
   */
  public static ConflictException staleVersion(String name, long expected, long current) {
    String now = current == 0 ? "does not exist yet (write it expecting version 0)"
        : "is at version " + current + " (reread it, merge your change and write again expecting " + current + ")";
    return new ConflictException("ConfigStore.expectedVersion", "configuration '" + name
        + "' was expected at version " + expected + " but " + now);
  }
}
