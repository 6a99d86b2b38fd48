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
}
