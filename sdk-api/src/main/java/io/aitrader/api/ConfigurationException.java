package io.aitrader.api;

import java.util.List;

/**
 * The configuration is invalid. Carries every problem found, so a user fixes them all in one round.
 */
public class ConfigurationException extends AitraderException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigurationException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  public ConfigurationException(String problem) {
    this(List.of(problem));
  }

  /** One problem caused by another exception, e.g. a configuration file that cannot be read. */
  public ConfigurationException(String problem, Throwable cause) {
    super(format(List.of(problem)), cause);
    this.problems = List.of(problem);
  }

  /** Each problem on its own, in the order found. */
  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    if (problems.size() == 1) {
      return "Invalid configuration: " + problems.get(0);
    }
    StringBuilder sb = new StringBuilder("Invalid configuration (" + problems.size() + " problems):");
    for (String p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }
}
