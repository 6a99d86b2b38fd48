package io.aitrader.core.notify;

import io.aitrader.api.Secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aitrader.api.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  private static final String WEBHOOK = "https://hooks.slack.com/services/T000/B000/s3cr3tT0k3n";

  @TempDir
  Path dir;

  private Path secretsFile(String content) throws IOException {
    Path file = dir.resolve("secrets.properties");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsASecretFromTheEnvironment() {
    Secrets secrets = Secrets.from(Map.of("SLACK_WEBHOOK_URL", WEBHOOK), Optional.empty());

    Secret secret = secrets.require("SLACK_WEBHOOK_URL");

    assertThat(secret.reveal()).isEqualTo(WEBHOOK);
    assertThat(secret.name()).isEqualTo("SLACK_WEBHOOK_URL");
    assertThat(secret.toString()).isEqualTo("SLACK_WEBHOOK_URL=***");
  }

  @Test
  void theEnvironmentWinsOverTheFileAndTheFileFillsTheGaps() throws IOException {
    Path file = secretsFile("""
        # secrets for the desk
        SLACK_WEBHOOK_URL=https://hooks.slack.com/services/from-file
        SMTP_PASSWORD=hunter2\u0020\u0020
        """);

    Secrets secrets = Secrets.from(Map.of("SLACK_WEBHOOK_URL", WEBHOOK, "SMTP_PASSWORD", " "), Optional.of(file));

    assertThat(secrets.require("SLACK_WEBHOOK_URL").reveal()).isEqualTo(WEBHOOK);
    assertThat(secrets.require("SMTP_PASSWORD").reveal()).as("blank env falls back; value stripped")
        .isEqualTo("hunter2");
    assertThat(secrets.find("GROWW_API_KEY")).isEmpty();
  }

  @Test
  void aMissingSecretSaysWhatToSet() throws IOException {
    Path file = secretsFile("OTHER=x\n");

    assertThatThrownBy(() -> Secrets.from(Map.of(), Optional.of(file)).require("SLACK_WEBHOOK_URL"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration: secret SLACK_WEBHOOK_URL is not set: set the environment variable "
            + "SLACK_WEBHOOK_URL or add a line SLACK_WEBHOOK_URL=... to the secrets file " + file);
    assertThatThrownBy(() -> Secrets.from(Map.of(), Optional.empty()).require("SMTP_PASSWORD"))
        .hasMessageContaining("set the environment variable SMTP_PASSWORD (or name a secrets file");
  }

  @Test
  void requireAllListsEveryMissingSecretAtOnce() {
    Secrets secrets = Secrets.from(Map.of("SMTP_PASSWORD", "hunter2"), Optional.empty());

    assertThatThrownBy(() -> secrets.requireAll(List.of("SLACK_WEBHOOK_URL", "SMTP_PASSWORD", "GROWW_API_KEY")))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).hasSize(2)
            .anySatisfy(p -> assertThat(p).contains("SLACK_WEBHOOK_URL"))
            .anySatisfy(p -> assertThat(p).contains("GROWW_API_KEY")));
    assertThat(secrets.requireAll(List.of("SMTP_PASSWORD"))).containsOnlyKeys("SMTP_PASSWORD");
  }

  @Test
  void aNamedSecretsFileThatDoesNotExistIsAConfigurationError() {
    Path missing = dir.resolve("nope.properties");

    assertThatThrownBy(() -> Secrets.from(Map.of(), Optional.of(missing)))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("secrets file " + missing + " does not exist");
  }

  @Test
  void neverShowsValuesInToStringOrMessages() throws IOException {
    Path file = secretsFile("SMTP_PASSWORD=hunter2\n");
    Secrets secrets = Secrets.from(Map.of("SLACK_WEBHOOK_URL", WEBHOOK), Optional.of(file));

    assertThat(secrets.toString()).doesNotContain("hunter2", WEBHOOK).contains(file.toString());
    assertThat(secrets.require("SMTP_PASSWORD").toString()).isEqualTo("SMTP_PASSWORD=***");
    assertThatThrownBy(() -> secrets.require("MISSING")).message().doesNotContain("hunter2", WEBHOOK);
  }

  @Test
  void detectsASecretsFileReadableByGroupOrOthers() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    Path file = secretsFile("SMTP_PASSWORD=hunter2\n");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(Secrets.readableByOthers(file)).isFalse();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(Secrets.readableByOthers(file)).isTrue();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
    assertThat(Secrets.readableByOthers(file)).isTrue();
    assertThat(Secrets.from(Map.of(), Optional.of(file)).require("SMTP_PASSWORD").reveal())
        .as("still readable, with a warning").isEqualTo("hunter2");
  }
}
