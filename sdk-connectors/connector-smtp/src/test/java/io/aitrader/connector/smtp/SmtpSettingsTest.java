package io.aitrader.connector.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.aitrader.api.ConfigurationException;
import io.aitrader.api.ValidationException;
import io.aitrader.api.Secret;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
  private static final String PASSWORD = "env-Pa55-w0rd";

  @Test
  void defaultsToStartTlsOnPort587WithThePrefixAndTenSecondTimeouts() {
    // when
    SmtpSettings s = minimal().build();

    // then
    assertThat(s.security()).isEqualTo(SmtpSecurity.STARTTLS);
    assertThat(s.port()).isEqualTo(587);
    assertThat(s.subjectPrefix()).isEqualTo("[aitrader]");
    assertThat(List.of(s.connectTimeout(), s.readTimeout(), s.writeTimeout())).containsOnly(Duration.ofSeconds(10));
    assertThat(s.username()).isEmpty();
    assertThat(s.password()).isEmpty();
    assertThat(s.trustedHosts()).isEmpty();
    assertThat(s.trustAllCertificates()).isFalse();
  }

  @Test
  void takesTheDefaultPortOfTheSecurityModeUnlessOneIsGiven() {
    assertThat(minimal().security(SmtpSecurity.SMTPS).build().port()).isEqualTo(465);
    assertThat(minimal().security(SmtpSecurity.NONE).build().port()).isEqualTo(25);
    assertThat(minimal().security(SmtpSecurity.SMTPS).port(2465).build().port()).isEqualTo(2465);
  }

  @Test
  void rejectsSettingsWithoutRecipients() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> minimal().to(List.of()).build());

    assertThat(e.field()).isEqualTo("SmtpSettings.to");
    assertThat(e.getMessage()).contains("must name at least one recipient");
  }

  @Test
  void rejectsABadRecipientNamingItsPositionAndValue() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> minimal().to("trader@aitrader.test", "not an address").build());

    assertThat(e.field()).isEqualTo("SmtpSettings.to[1]");
    assertThat(e.getMessage()).contains("SmtpSettings.to[1] must be one e-mail address").contains("'not an address'");
  }

  @Test
  void rejectsAnAddressWithoutDomainOrListingTwo() {
    assertThat(catchThrowableOfType(ValidationException.class, () -> minimal().from("alerts").build()).field())
        .isEqualTo("SmtpSettings.from");
    assertThat(catchThrowableOfType(ValidationException.class,
        () -> minimal().to("a@aitrader.test, b@aitrader.test").build()).field()).isEqualTo("SmtpSettings.to[0]");
  }

  @Test
  void acceptsAnAddressWithADisplayName() {
    assertThat(minimal().from("AI Trader <alerts@aitrader.test>").build().from())
        .isEqualTo("AI Trader <alerts@aitrader.test>");
  }

  @Test
  void rejectsPortZero() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> minimal().port(0).build());

    assertThat(e.field()).isEqualTo("SmtpSettings.port");
    assertThat(e.getMessage()).isEqualTo("SmtpSettings.port must be a port number in 1..65535, was 0");
  }

  @Test
  void requiresUsernameAndPasswordTogether() {
    assertThat(catchThrowableOfType(ValidationException.class, () -> minimal().username("alerts").build()).field())
        .isEqualTo("SmtpSettings.password");
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> minimal().password(Secret.of("SMTP_PASSWORD", PASSWORD)).build());
    assertThat(e.field()).isEqualTo("SmtpSettings.username");
    assertThat(e.getMessage()).doesNotContain(PASSWORD);
  }

  @Test
  void rejectsAMultiLinePrefixAndANonPositiveTimeout() {
    assertThat(catchThrowableOfType(ValidationException.class,
        () -> minimal().subjectPrefix("[x]\r\nBcc: evil@example.com").build()).field())
        .isEqualTo("SmtpSettings.subjectPrefix");
    assertThat(catchThrowableOfType(ValidationException.class,
        () -> minimal().readTimeout(Duration.ZERO).build()).field()).isEqualTo("SmtpSettings.readTimeout");
  }

  @Test
  void showsThePasswordOnlyByName() {
    SmtpSettings s = minimal().username("alerts").password(Secret.of("SMTP_PASSWORD", PASSWORD)).build();

    assertThat(s.toString()).contains("SMTP_PASSWORD=***").doesNotContain(PASSWORD);
  }

  @Test
  void toBuilderKeepsEveryValue() {
    SmtpSettings s = minimal().username("alerts").password(Secret.of("SMTP_PASSWORD", PASSWORD)).port(2525)
        .security(SmtpSecurity.SMTPS).subjectPrefix("").trustedHosts(Set.of("mail.internal"))
        .connectTimeout(Duration.ofSeconds(3)).build();

    assertThat(s.toBuilder().build()).isEqualTo(s);
  }

  @Test
  void readsEveryVariableFromTheEnvironment() {
    // given
    Map<String, String> env = Map.of("SMTP_HOST", "smtp.example.com", "SMTP_PORT", "2525",
        "SMTP_SECURITY", "smtps", "SMTP_USERNAME", "alerts@example.com", "SMTP_PASSWORD", PASSWORD,
        "SMTP_FROM", "AI Trader <alerts@example.com>", "SMTP_TO", " me@example.com, ,desk@example.com ");

    // when
    SmtpSettings s = SmtpSettings.fromEnvironment(env);

    // then
    assertThat(s.host()).isEqualTo("smtp.example.com");
    assertThat(s.port()).isEqualTo(2525);
    assertThat(s.security()).isEqualTo(SmtpSecurity.SMTPS);
    assertThat(s.username()).contains("alerts@example.com");
    assertThat(s.password()).hasValueSatisfying(p -> {
      assertThat(p.name()).isEqualTo("SMTP_PASSWORD");
      assertThat(p.reveal()).isEqualTo(PASSWORD);
    });
    assertThat(s.from()).isEqualTo("AI Trader <alerts@example.com>");
    assertThat(s.to()).containsExactly("me@example.com", "desk@example.com");
  }

  @Test
  void defaultsToStartTlsAndItsPortWithoutALoginFromTheEnvironment() {
    SmtpSettings s = SmtpSettings.fromEnvironment(
        Map.of("SMTP_HOST", "relay.internal", "SMTP_FROM", "a@b.test", "SMTP_TO", "c@d.test"));

    assertThat(s.security()).isEqualTo(SmtpSecurity.STARTTLS);
    assertThat(s.port()).isEqualTo(587);
    assertThat(s.username()).isEmpty();
  }

  @Test
  void listsEveryMissingVariableAtOnce() {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> SmtpSettings.fromEnvironment(Map.of("SMTP_HOST", "  ")));

    assertThat(e.problems()).hasSize(3);
    assertThat(e.problems().get(0)).startsWith("SMTP_HOST is required");
    assertThat(e.problems().get(1)).startsWith("SMTP_FROM is required");
    assertThat(e.problems().get(2)).startsWith("SMTP_TO is required");
  }

  @Test
  void namesEveryBadVariableButNeverThePassword() {
    // given
    Map<String, String> env = new HashMap<>();
    env.put("SMTP_HOST", "smtp.example.com");
    env.put("SMTP_PORT", "0");
    env.put("SMTP_SECURITY", "TLS");
    env.put("SMTP_PASSWORD", PASSWORD);
    env.put("SMTP_FROM", "alerts");
    env.put("SMTP_TO", "me@example.com,not an address");

    // when
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> SmtpSettings.fromEnvironment(env));

    // then
    assertThat(e.problems()).hasSize(5).contains(
        "SMTP_SECURITY must be one of NONE, STARTTLS, STARTTLS_IF_OFFERED, SMTPS, was 'TLS'",
        "SMTP_PORT must be a port number in 1..65535, was 0",
        "SMTP_USERNAME is required when SMTP_PASSWORD is set")
        .anyMatch(p -> p.startsWith("SMTP_FROM must be one e-mail address like alerts@example.com, was 'alerts'"))
        .anyMatch(p -> p.startsWith("SMTP_TO[1] must be one e-mail address like alerts@example.com, was 'not an address'"));
    assertThat(e.getMessage()).doesNotContain(PASSWORD);
  }

  @Test
  void rejectsAPortThatIsNotANumber() {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> SmtpSettings.fromEnvironment(
        Map.of("SMTP_HOST", "h", "SMTP_PORT", "five-eight-seven", "SMTP_FROM", "a@b.test", "SMTP_TO", "c@d.test")));

    assertThat(e.problems()).containsExactly("SMTP_PORT must be a port number in 1..65535, was 'five-eight-seven'");
  }

  @Test
  void mapsEachSecurityModeToAngusMailProperties() {
    Properties none = SessionProperties.of(minimal().security(SmtpSecurity.NONE).build(), "a@b.test");
    Properties required = SessionProperties.of(minimal().security(SmtpSecurity.STARTTLS).build(), "a@b.test");
    Properties optional = SessionProperties.of(minimal().security(SmtpSecurity.STARTTLS_IF_OFFERED).build(), "a@b.test");
    Properties smtps = SessionProperties.of(minimal().security(SmtpSecurity.SMTPS)
        .trustedHosts(Set.of("b.internal", "a.internal")).build(), "a@b.test");

    assertThat(flags(none)).containsExactly("false", "false", "false");
    assertThat(flags(required)).containsExactly("false", "true", "true");
    assertThat(flags(optional)).containsExactly("false", "true", "false");
    assertThat(flags(smtps)).containsExactly("true", "false", "false");
    assertThat(smtps.getProperty("mail.smtp.ssl.trust")).isEqualTo("a.internal b.internal");
    assertThat(smtps.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(none.getProperty("mail.smtp.timeout")).isEqualTo("10000");
    assertThat(none.getProperty("mail.smtp.auth")).isEqualTo("false");
  }

  @Test
  void trustingAllCertificatesAlsoSkipsTheNameCheck() {
    Properties p = SessionProperties.of(minimal().security(SmtpSecurity.SMTPS).trustAllCertificates(true).build(),
        "a@b.test");

    assertThat(p.getProperty("mail.smtp.ssl.trust")).isEqualTo("*");
    assertThat(p.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("false");
  }

  private static List<String> flags(Properties p) {
    return List.of(p.getProperty("mail.smtp.ssl.enable"), p.getProperty("mail.smtp.starttls.enable"),
        p.getProperty("mail.smtp.starttls.required"));
  }

  private static SmtpSettings.Builder minimal() {
    return SmtpSettings.builder().host("smtp.example.com").from("alerts@aitrader.test").to("trader@aitrader.test");
  }
}
