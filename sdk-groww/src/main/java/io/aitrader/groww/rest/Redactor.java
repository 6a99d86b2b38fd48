package io.aitrader.groww.rest;

import io.aitrader.api.Secret;
import io.aitrader.groww.auth.BearerToken;
import io.aitrader.groww.auth.GrowwCredentials;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Removes every credential the client knows (the configured ones and each token it has used) from text that may
 * quote one: server error messages, library exception messages. Thread-safe.
 */
final class Redactor {
  private static final int MAX_TOKENS = 8;

  private final List<Secret> configured;
  private final CopyOnWriteArrayList<Secret> tokens = new CopyOnWriteArrayList<>();

  Redactor(GrowwCredentials credentials) {
    if (credentials instanceof GrowwCredentials.AccessToken) {
      configured = List.of(((GrowwCredentials.AccessToken) credentials).token());
    } else if (credentials instanceof GrowwCredentials.ApiKeyTotp) {
      GrowwCredentials.ApiKeyTotp c = (GrowwCredentials.ApiKeyTotp) credentials;
      configured = List.of(c.apiKey(), c.totpSecret());
    } else {
      GrowwCredentials.ApiKeySecret c = (GrowwCredentials.ApiKeySecret) credentials;
      configured = List.of(c.apiKey(), c.apiSecret());
    }
  }

  /** Remembers a token so later messages are redacted of it too (the last few are kept). */
  void remember(BearerToken token) {
    if (!tokens.contains(token.value())) {
      tokens.add(token.value());
      while (tokens.size() > MAX_TOKENS) {
        tokens.remove(0);
      }
    }
  }

  String redact(String text) {
    String t = text;
    for (Secret s : configured) {
      t = s.redact(t);
    }
    for (Secret s : tokens) {
      t = s.redact(t);
    }
    return t;
  }
}
