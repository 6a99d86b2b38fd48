package io.aitrader.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo sends its end-of-day summary to a real SMTP server (GreenMail, in this JVM on loopback) and to a local
 * HTTP server standing in for a Slack incoming webhook, which fails the first attempt with a 500 to show the retry.
 */
class DemoNotificationsTest {
  private static final String PASSWORD = "s3cret-Smtp-Pass";

  @TempDir
  Path tmp;

  private GreenMail smtp;
  private HttpServer slack;
  private final List<JsonNode> slackPosts = new CopyOnWriteArrayList<>();
  private final AtomicInteger slackCalls = new AtomicInteger();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startPeers() throws IOException {
    smtp = new GreenMail(ServerSetup.SMTP.createCopy("127.0.0.1").dynamicPort());
    smtp.start();
    smtp.setUser("alerts@aitrader.test", "alerts", PASSWORD);
    slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    slack.createContext("/services/T000/B000/XXXX", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = slackCalls.incrementAndGet() == 1 ? 500 : 200;
      if (status == 200 && "POST".equals(exchange.getRequestMethod())
          && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
        slackPosts.add(new ObjectMapper().readTree(body));
      }
      byte[] answer = (status == 200 ? "ok" : "internal_error").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    slack.start();
  }

  @AfterEach
  void stopPeers() {
    smtp.stop();
    slack.stop(0);
  }

  private Path secrets() throws IOException {
    Path file = tmp.resolve("secrets.properties");
    Files.writeString(file, String.join("\n",
        "SMTP_HOST=127.0.0.1",
        "SMTP_PORT=" + smtp.getSmtp().getPort(),
        "SMTP_SECURITY=NONE",
        "SMTP_USERNAME=alerts",
        "SMTP_PASSWORD=" + PASSWORD,
        "SMTP_FROM=alerts@aitrader.test",
        "SMTP_TO=ops@aitrader.test",
        "SLACK_WEBHOOK_URL=http://127.0.0.1:" + slack.getAddress().getPort() + "/services/T000/B000/XXXX",
        ""), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void theDemoSendsItsDaySummaryByEmailAndToTheWebhook() throws Exception {
    int code = AitraderCommand.execute(new String[] {"demo", "--symbols", "RELIANCE,TCS", "--date", "2025-06-02",
        "--no-audit", "--notify", "email,slack", "--secrets", secrets().toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(code).as(err.toString()).isZero();
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).contains("Day summary 2025-06-02: net PnL ₹");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@aitrader.test");
    assertThat(GreenMailUtil.getBody(mail)).contains("Equity").contains("fills");
    assertThat(slackCalls.get()).isEqualTo(2); // a 500, then delivered on the retry
    assertThat(slackPosts).hasSize(1);
    assertThat(slackPosts.get(0).get("text").asText()).contains("Day summary 2025-06-02");
    assertThat(out.toString()).contains("alerts").contains("delivered to email, slack");
    assertThat(out.toString() + err).doesNotContain(PASSWORD).doesNotContain("/services/T000/B000/XXXX");
  }

  @Test
  void missingSmtpSettingsAreNamedBeforeTheRunStarts() {
    int code = AitraderCommand.execute(new String[] {"demo", "--symbols", "RELIANCE", "--date", "2025-06-02",
        "--no-audit", "--notify", "email"}, new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("SMTP_HOST").contains("SMTP_TO");
    assertThat(out.toString()).doesNotContain("bars out");
  }

  @Test
  void anUnknownChannelOrAlertIsABadArgument() {
    assertThat(AitraderCommand.execute(new String[] {"demo", "--no-audit", "--notify", "pager"},
        new PrintWriter(out, true), new PrintWriter(err, true))).isEqualTo(2);
    assertThat(err.toString()).contains("--notify pager is not a channel");
    assertThat(AitraderCommand.execute(new String[] {"demo", "--no-audit", "--alerts", "fills"},
        new PrintWriter(out, true), new PrintWriter(err, true))).isEqualTo(2);
    assertThat(err.toString()).contains("--alerts fills is not an alert");
  }
}
