package io.aitrader.core.notify;

import io.aitrader.api.Secret;
import static io.aitrader.api.ValidationException.requireText;
import static io.aitrader.api.ValidationException.required;

import io.aitrader.api.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where credentials come from: environment variables, then an optional secrets file in Java properties format
 * ({@code NAME=value} per line, UTF-8). The environment wins over the file; blank values count as unset. Values
 * come back as {@link Secret}s, which never print their value.
 *
 * <pre>{@code
 * Secrets secrets = Secrets.fromEnvironment(Optional.of(Path.of("/etc/aitrader/secrets.properties")));
 * Secret webhook = secrets.require("SLACK_WEBHOOK_URL");   // or a ConfigurationException saying what to set
 * Optional<Secret> smtp = secrets.find("SMTP_PASSWORD");
 * }</pre>
 *
 * <p>The file is read once, when this object is made; on POSIX systems a WARN is logged if it is readable by group
 * or others (fix: {@code chmod 600}). Immutable and thread-safe.
 */
public final class Secrets {
  private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);

  private final Map<String, String> env;
  private final Map<String, String> file;
  private final Optional<Path> secretsFile;

  private Secrets(Map<String, String> env, Map<String, String> file, Optional<Path> secretsFile) {
    this.env = env;
    this.file = file;
    this.secretsFile = secretsFile;
  }

  /** Secrets from this process's environment variables only. */
  public static Secrets fromEnvironment() {
    return from(System.getenv(), Optional.empty());
  }

  /** Secrets from this process's environment variables, then {@code secretsFile}. */
  public static Secrets fromEnvironment(Optional<Path> secretsFile) {
    return from(System.getenv(), secretsFile);
  }

  /**
   * Secrets from {@code env} (the environment, or a map standing in for it in tests), then {@code secretsFile}.
   *
   * @throws ConfigurationException when the secrets file does not exist or cannot be read
   */
  public static Secrets from(Map<String, String> env, Optional<Path> secretsFile) {
    required(env, "Secrets.env");
    required(secretsFile, "Secrets.secretsFile");
    Map<String, String> fileValues = secretsFile.map(Secrets::load).orElse(Map.of());
    return new Secrets(Map.copyOf(env), fileValues, secretsFile);
  }

  private static Map<String, String> load(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new ConfigurationException("secrets file " + path + " does not exist or is not a file; create it with "
          + "NAME=value lines, or do not name a secrets file");
    }
    if (readableByOthers(path)) {
      LOG.warn("Secrets file {} is readable by group or others; restrict it to its owner (chmod 600 {})", path,
          path);
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException("secrets file " + path + " cannot be read as NAME=value lines: "
          + e.getClass().getSimpleName(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      values.put(name, properties.getProperty(name));
    }
    return Map.copyOf(values);
  }

  /** Whether {@code path} is readable by its group or by others; {@code false} where POSIX permissions are unknown. */
  static boolean readableByOthers(Path path) {
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(path);
      return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
    } catch (UnsupportedOperationException | IOException e) {
      return false;
    }
  }

  /** The secret called {@code name}: the environment variable, else the secrets file entry; empty when neither. */
  public Optional<Secret> find(String name) {
    requireText(name, "Secrets.name");
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      value = file.get(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(name, value.strip()));
  }

  /**
   * The secret called {@code name}.
   *
   * @throws ConfigurationException saying which environment variable or secrets file entry to set
   */
  public Secret require(String name) {
    return find(name).orElseThrow(() -> new ConfigurationException(missing(name)));
  }

  /**
   * Every secret in {@code names}, by name.
   *
   * @throws ConfigurationException listing every missing one at once
   */
  public Map<String, Secret> requireAll(List<String> names) {
    required(names, "Secrets.names");
    Map<String, Secret> found = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String name : names) {
      find(name).ifPresentOrElse(s -> found.put(name, s), () -> problems.add(missing(name)));
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return Map.copyOf(found);
  }

  /** The secrets file read, if any. */
  public Optional<Path> secretsFile() {
    return secretsFile;
  }

  private String missing(String name) {
    return "secret " + name + " is not set: set the environment variable " + name + secretsFile
        .map(p -> " or add a line " + name + "=... to the secrets file " + p)
        .orElse(" (or name a secrets file with a " + name + "=... line)");
  }

  @Override
  public String toString() {
    return "Secrets[environment" + secretsFile.map(p -> ", file " + p).orElse("") + "]";
  }
}
