package io.aitrader.api.users;

import static io.aitrader.api.ValidationException.check;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

/**
 * One version of a named configuration document in a {@link ConfigStore}: a deployment YAML, a strategy's
 * parameters. Versions of a name are numbered 1, 2, 3… and never change once written.
 *
 * <p>{@link #toString()} shows the content's length, not the content (a document may hold things not meant for
 * logs). Immutable and thread-safe.
 *
 * @param name            the document's name: 1 to 200 letters, digits or {@code . _ - : /}
 *                        ({@link #checkName(String)}), e.g. {@code strategies/momentum-5m}
 * @param version         1 for the first version, then one more per write
 * @param content         the text, exactly as written (may be empty), at most {@value #MAX_CONTENT} characters
 * @param author          who wrote it (a user name, a service), 1 to 200 characters, not blank
 * @param createdAtMillis when it was written, epoch milliseconds, >= 0
 */
public record ConfigVersion(String name, long version, String content, String author, long createdAtMillis) {
  /** The most characters of a document's content (4 Mi). */
  public static final int MAX_CONTENT = 4 * 1024 * 1024;

  /** Validates every component; see the parameters. */
  public ConfigVersion {
    checkName(name);
    check(version >= 1, "ConfigVersion.version", "must be >= 1", version);
    checkContent(content);
    checkAuthor(author);
    check(createdAtMillis >= 0, "ConfigVersion.createdAtMillis", "must be >= 0", createdAtMillis);
  }

  /** Returns {@code name} if it is 1 to 200 letters, digits or {@code . _ - : /}, else fails naming it. */
  public static String checkName(String name) {
    required(name, "ConfigVersion.name");
    boolean valid = !name.isEmpty() && name.length() <= 200;
    for (int i = 0; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".-_:/".indexOf(c) >= 0;
    }
    check(valid, "ConfigVersion.name", "must be 1 to 200 letters, digits or . _ - : /", "'" + name + "'");
    return name;
  }

  /** Returns {@code content} if it is at most {@value #MAX_CONTENT} characters, else fails giving its length. */
  public static String checkContent(String content) {
    required(content, "ConfigVersion.content");
    check(content.length() <= MAX_CONTENT, "ConfigVersion.content", "must be at most " + MAX_CONTENT + " characters",
        content.length() + " characters");
    return content;
  }

  /** Returns {@code author} if it is 1 to 200 characters and not blank, else fails naming it. */
  public static String checkAuthor(String author) {
    requireText(author, "ConfigVersion.author");
    check(author.length() <= 200, "ConfigVersion.author", "must be at most 200 characters", author);
    return author;
  }

  /** Name, version, author, time and the content's length (never the content). */
  @Override
  public String toString() {
    return "ConfigVersion[name=" + name + ", version=" + version + ", author=" + author + ", createdAtMillis="
        + createdAtMillis + ", content=" + content.length() + " chars]";
  }
}
