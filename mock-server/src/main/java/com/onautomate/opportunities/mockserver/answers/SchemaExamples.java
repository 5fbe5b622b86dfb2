package com.onautomate.opportunities.mockserver.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * A value valid for a schema, for a documented answer that has no example: Prism's static
 * strategy (its {@code example}, else its {@code default}, else its first {@code enum} value, else
 * {@code null} where nullable, else a fixed value of its type and format within its bounds; every
 * property of an object, one item in an array). Deterministic: the same schema gives the same value.
 */
final class SchemaExamples {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 16;

  private final UnaryOperator<JsonNode> resolve;

  /** {@code resolve}: follows a {@code $ref} in the document the schemas come from. */
  SchemaExamples(UnaryOperator<JsonNode> resolve) {
    this.resolve = resolve;
  }

  JsonNode valueOf(JsonNode schema) {
    return valueOf(schema, 0);
  }

  private JsonNode valueOf(JsonNode schemaOrRef, int depth) {
    JsonNode schema = resolve.apply(schemaOrRef);
    if (depth > MAX_DEPTH) {
      return NODES.nullNode();
    }
    for (String given : new String[] {"example", "default"}) {
      if (schema.has(given)) {
        return schema.get(given);
      }
    }
    if (schema.has("enum") && !schema.get("enum").isEmpty()) {
      return schema.get("enum").get(0);
    }
    for (String choice : new String[] {"oneOf", "anyOf"}) {
      if (schema.has(choice) && !schema.get(choice).isEmpty()) {
        return valueOf(schema.get(choice).get(0), depth + 1);
      }
    }
    if (schema.has("allOf")) {
      ObjectNode merged = NODES.objectNode();
      schema.get("allOf").forEach(part -> {
        JsonNode value = valueOf(part, depth + 1);
        if (value.isObject()) {
          merged.setAll((ObjectNode) value);
        }
      });
      return merged;
    }
    if (schema.path("nullable").asBoolean(false)) {
      return NODES.nullNode();
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    return switch (type) {
      case "object" -> object(schema, depth);
      case "array" -> array(schema, depth);
      case "integer" -> NODES.numberNode((long) Math.ceil(lowest(schema)));
      case "number" -> NODES.numberNode(lowest(schema));
      case "boolean" -> NODES.booleanNode(true);
      default -> NODES.textNode(string(schema));
    };
  }

  private ObjectNode object(JsonNode schema, int depth) {
    ObjectNode object = NODES.objectNode();
    schema.path("properties").properties().forEach(p -> object.set(p.getKey(), valueOf(p.getValue(), depth + 1)));
    JsonNode additional = schema.get("additionalProperties");
    int wanted = schema.path("minProperties").asInt(0);
    for (int i = 1; object.size() < wanted && additional != null && additional.isObject(); i++) {
      object.set("property" + i, valueOf(additional, depth + 1));
    }
    return object;
  }

  private ArrayNode array(JsonNode schema, int depth) {
    ArrayNode array = NODES.arrayNode();
    int items = Math.max(1, schema.path("minItems").asInt(1));
    if (schema.has("maxItems")) {
      items = Math.min(items, schema.get("maxItems").asInt());
    }
    for (int i = 0; i < items; i++) {
      array.add(schema.has("items") ? valueOf(schema.get("items"), depth + 1) : NODES.textNode("string"));
    }
    return array;
  }

  /** The smallest number the bounds allow, or 0 when 0 is allowed. */
  private static double lowest(JsonNode schema) {
    double value = 0;
    if (schema.has("minimum")) {
      double minimum = schema.get("minimum").asDouble();
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
      value = exclusive ? minimum + 1 : minimum;
    }
    if (schema.has("maximum") && value > schema.get("maximum").asDouble()) {
      value = schema.get("maximum").asDouble();
    }
    return value;
  }

  private static String string(JsonNode schema) {
    String value = switch (schema.path("format").asText("")) {
      case "date-time" -> "2020-10-29T09:31:30.255Z";
      case "date" -> "2020-10-29";
      case "email" -> "user@example.com";
      case "uri", "url" -> "http://127.0.0.1:8080/";
      case "uuid" -> "8b897c8f-b859-49c1-88f2-ed590708a85c";
      default -> "string";
    };
    int min = schema.path("minLength").asInt(0);
    int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    if (value.length() < min) {
      value = value + "x".repeat(min - value.length());
    }
    return value.length() > max ? value.substring(0, max) : value;
  }
}
