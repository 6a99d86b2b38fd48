package io.aitrader.connector.kafka.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aitrader.api.AitraderException;
import io.aitrader.api.instrument.Instrument;
import io.aitrader.api.money.Price;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * A JSON wire format for a low-rate event type: an object whose first members are {@code "schema"} (the type's
 * name) and {@code "v"} (its version), then the event's fields; prices as decimal strings of rupees (exact),
 * instruments as their id, enums by name, absent optionals omitted. Written with Jackson's streaming generator,
 * read through its tree model. Thread-safe.
 */
abstract class JsonEventCodec<T> implements EventCodec<T> {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final String schema;
  private final int version;
  private final Class<T> type;
  final InstrumentIds ids;

  JsonEventCodec(String schema, int version, Class<T> type, InstrumentIds ids) {
    this.schema = schema;
    this.version = version;
    this.type = type;
    this.ids = ids;
  }

  @Override
  public final Class<T> type() {
    return type;
  }

  @Override
  public final byte[] encode(T event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("schema", schema);
      g.writeNumberField("v", version);
      write(g, event);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write a " + schema + " as JSON", e);
    }
    return out.toByteArray();
  }

  @Override
  public final T decode(byte[] bytes) {
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new CodecException("A " + schema + " payload is not valid JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new CodecException("A " + schema + " payload must be a JSON object");
    }
    String actual = node.path("schema").asText("");
    if (!schema.equals(actual)) {
      throw new CodecException("Expected schema '" + schema + "' but the payload carries schema '" + actual
          + "': the topic holds events of another type");
    }
    int v = node.path("v").asInt(0);
    if (v > version) {
      throw new CodecException("schema " + schema + " v" + v + " is newer than this consumer understands (v" + version
          + "): upgrade the consumer (connector-kafka) before the producers");
    }
    if (v < 1) {
      throw new CodecException("A " + schema + " payload has no valid version 'v' (was " + node.path("v") + ")");
    }
    try {
      return read(node);
    } catch (CodecException e) {
      throw e;
    } catch (AitraderException | IllegalArgumentException e) {
      throw new CodecException("A " + schema + " payload holds an invalid " + schema + ": " + e.getMessage(), e);
    }
  }

  /** Writes the event's fields (the object is open). */
  abstract void write(JsonGenerator g, T event) throws IOException;

  /** Reads the event from its object. */
  abstract T read(JsonNode node);

  // --- helpers for subclasses

  final String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new CodecException("A " + schema + " payload needs the text field '" + field + "'");
    }
    return value.asText();
  }

  final Optional<String> optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(text(node, field));
  }

  final long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new CodecException("A " + schema + " payload needs the integer field '" + field + "'");
    }
    return value.asLong();
  }

  final double decimal(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new CodecException("A " + schema + " payload needs the number field '" + field + "'");
    }
    return value.asDouble();
  }

  final boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isBoolean()) {
      throw new CodecException("A " + schema + " payload needs the boolean field '" + field + "'");
    }
    return value.asBoolean();
  }

  final JsonNode object(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      throw new CodecException("A " + schema + " payload needs the object field '" + field + "'");
    }
    return value;
  }

  final <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> enumType) {
    String name = text(node, field);
    try {
      return Enum.valueOf(enumType, name);
    } catch (IllegalArgumentException e) {
      throw new CodecException("A " + schema + " payload has '" + name + "' in '" + field + "', which is not a "
          + enumType.getSimpleName().toLowerCase(Locale.ROOT) + " this consumer knows", e);
    }
  }

  final Price price(JsonNode node, String field) {
    return Price.of(text(node, field));
  }

  final Optional<Price> optionalPrice(JsonNode node, String field) {
    return optionalText(node, field).map(Price::of);
  }

  final Instrument instrument(JsonNode node, String field) {
    return ids.resolve(text(node, field), schema);
  }

  static void writeOptional(JsonGenerator g, String field, Optional<?> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get().toString());
    }
  }
}
