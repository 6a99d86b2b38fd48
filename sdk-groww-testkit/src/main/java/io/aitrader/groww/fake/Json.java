package io.aitrader.groww.fake;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitrader.api.money.Price;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** JSON for the fake: one shared mapper (exact decimals both ways), envelopes and rupee numbers. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** {@code {"status":"SUCCESS","payload":…}}. */
  static String success(JsonNode payload) {
    ObjectNode root = object();
    root.put("status", "SUCCESS");
    root.set("payload", payload);
    return write(root);
  }

  /** {@code {"status":"FAILURE","error":{"code":…,"message":…,"metadata":…}}}. */
  static ObjectNode failure(String code, String message, JsonNode metadata) {
    ObjectNode root = object();
    root.put("status", "FAILURE");
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    error.put("message", message);
    error.set("metadata", metadata);
    return root;
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body parsed as JSON; a GA001 error naming the problem when it is not JSON. */
  static JsonNode parse(String body) {
    if (body.isBlank()) {
      throw ApiError.badRequest("request body is empty: a JSON body is required");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Rupees as an exact JSON number, e.g. {@code 2534.05} or {@code 100.00}. */
  static DecimalNode rupees(long units) {
    return DecimalNode.valueOf(Price.ofUnits(units).toBigDecimal());
  }

  /** Puts {@code units} as an exact rupee number. */
  static void putRupees(ObjectNode node, String field, long units) {
    node.set(field, rupees(units));
  }

  /** An exact decimal number (no trailing-zero stripping). */
  static DecimalNode decimal(BigDecimal value) {
    return DecimalNode.valueOf(value);
  }

  /** Rupees as the decimal string smart orders use, e.g. {@code "3985.00"}. */
  static String rupeeText(long units) {
    return Price.format(units);
  }
}
