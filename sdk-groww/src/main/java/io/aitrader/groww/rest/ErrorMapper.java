package io.aitrader.groww.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitrader.api.AitraderException;
import io.aitrader.groww.auth.GrowwCredentials;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns an error answer into the exception that says what happened and what to do: HTTP 401 and 429 first (a
 * re-mint and a back-off depend on them), then Groww's GA code of a FAILURE envelope, then the HTTP status, as the
 * official SDK decodes them. Server text is cut to 200 characters and passed through the redactor.
 */
final class ErrorMapper {
  private static final int MAX_TEXT = 200;

  private ErrorMapper() {}

  static AitraderException map(int status, @Nullable JsonNode root, String endpoint, long retryAfterMillis,
      GrowwCredentials credentials, Redactor redactor) {
    Optional<String> code = Optional.empty();
    String serverText = "";
    if (root != null && root.isObject()) {
      JsonNode error = root.path("error");
      String c = error.path("code").asText("");
      if (!c.isBlank()) {
        code = Optional.of(c.trim());
      }
      String msg = error.path("message").asText("");
      if (msg.isBlank()) {
        msg = error.path("displayMessage").asText("");
      }
      serverText = clean(msg, redactor);
    }
    String said = describe(status, code, serverText);
    if (status == 401) {
      return new GrowwAuthenticationException("Groww rejected the credentials (" + said + ") on " + endpoint + ": "
          + credentials.whatToCheck(), status, code, endpoint);
    }
    if (status == 429) {
      return new GrowwRateLimitedException("Groww's rate limit was hit (" + said + ") on " + endpoint
          + ": slow down; retry in " + retryAfterMillis + " ms", retryAfterMillis, code, endpoint);
    }
    if (code.isPresent()) {
      switch (code.get()) {
        case "GA000":
          return new GrowwApiException("Groww had an internal error (" + said + ") on " + endpoint
              + ": retry later; if it persists, check Groww's service status", true, status, code, endpoint);
        case "GA001":
          return badRequest(said, status, code, endpoint);
        case "GA003":
          return new GrowwApiException("Groww cannot serve the request now (" + said + ") on " + endpoint
              + ": retry later (the market or the service may be closed or busy)", true, status, code, endpoint);
        case "GA004":
          return notFound(said, status, code, endpoint);
        case "GA005":
          return forbidden(said, status, code, endpoint);
        case "GA006":
          return new GrowwApiException("Groww could not process the request (" + said + ") on " + endpoint
              + ": check the order or account state (funds, holdings, market hours, order status)", false, status,
              code, endpoint);
        case "GA007":
          return new DuplicateReferenceException("the order reference id was already used (" + said + ") on "
              + endpoint + ": an order with it exists; look it up by its reference id instead of resending", status,
              endpoint);
        default:
          break; // an unknown code: decide by the HTTP status
      }
    }
    if (status == 400) {
      return badRequest(said, status, code, endpoint);
    }
    if (status == 403) {
      return forbidden(said, status, code, endpoint);
    }
    if (status == 404) {
      return notFound(said, status, code, endpoint);
    }
    if (status == 504) {
      return new GrowwTimeoutException("Groww's gateway timed out (" + said + ") on " + endpoint
          + ": the outcome is unknown; retry later (look an order up by its reference id before resending it)",
          status, endpoint);
    }
    if (status >= 500) {
      return new GrowwApiException("Groww had a server error (" + said + ") on " + endpoint + ": retry later", true,
          status, code, endpoint);
    }
    return new GrowwApiException("Groww answered with an error (" + said + ") on " + endpoint
        + ": check the request; if it looks right, report the answer", false, status, code, endpoint);
  }

  private static GrowwApiException badRequest(String said, int status, Optional<String> code, String endpoint) {
    return new GrowwApiException("Groww refused the request as invalid (" + said + ") on " + endpoint
        + ": check the values sent (symbol, exchange, segment, quantity, prices, dates)", false, status, code,
        endpoint);
  }

  private static GrowwApiException forbidden(String said, int status, Optional<String> code, String endpoint) {
    return new GrowwApiException("Groww did not authorise this operation (" + said + ") on " + endpoint
        + ": check that the API key has this permission and the segment is activated on the account", false, status,
        code, endpoint);
  }

  private static GrowwNotFoundException notFound(String said, int status, Optional<String> code, String endpoint) {
    return new GrowwNotFoundException("Groww found no such entity (" + said + ") on " + endpoint
        + ": check the id, symbol or date asked for", status, code, endpoint);
  }

  private static String describe(int status, Optional<String> code, String text) {
    StringBuilder sb = new StringBuilder("HTTP ").append(status);
    code.ifPresent(c -> sb.append(", ").append(c));
    if (!text.isEmpty()) {
      sb.append(": ").append(text);
    }
    return sb.toString();
  }

  /** Server text made safe for a message: redacted, control characters removed, at most 200 characters. */
  static String clean(String text, Redactor redactor) {
    String t = redactor.redact(text).replaceAll("[\\p{Cntrl}]", " ").trim();
    return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "…" : t;
  }
}
