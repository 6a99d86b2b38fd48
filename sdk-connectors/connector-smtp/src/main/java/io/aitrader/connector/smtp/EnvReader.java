package io.aitrader.connector.smtp;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads variables from an environment map, collecting every problem so that one {@link ConfigurationException} lists
 * them all. Parsers report a bad value with a {@link ValidationException} whose message names the variable; a
 * parser of a secret must not quote the value. Not thread-safe; one per read.
 */
final class EnvReader {
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  EnvReader(Map<String, String> env) {
    this.env = Map.copyOf(ValidationException.required(env, "environment"));
  }

  /** The parsed variable, or empty with a problem recorded when it is absent, blank or bad. */
  <T> Optional<T> required(String name, String what, Function<String, T> parser) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      problems.add(name + " is required (" + what + ")");
      return Optional.empty();
    }
    return parse(value, parser);
  }

  /** The parsed variable, or empty when it is absent or blank, or empty with a problem recorded when it is bad. */
  <T> Optional<T> optional(String name, Function<String, T> parser) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return parse(value, parser);
  }

  void problem(String problem) {
    problems.add(problem);
  }

  void throwIfAnyProblem() {
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  private <T> Optional<T> parse(String value, Function<String, T> parser) {
    try {
      return Optional.of(parser.apply(value));
    } catch (ValidationException e) {
      problems.add(e.getMessage());
      return Optional.empty();
    }
  }
}
