package com.onautomate.opportunities.conformance.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;

/** Small JSON helpers shared by the generator and the checks. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Numbers compare by value, to double precision (120 equals 120.0 and 1.2e2; 0.1 equals 0.1000000000000000055511),
   * everything else structurally.
   */
  public static final Comparator<JsonNode> NUMERIC = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      int exact = a.decimalValue().compareTo(b.decimalValue());
      return exact == 0 || a.doubleValue() == b.doubleValue() ? 0 : exact;
    }
    return a.equals(b) ? 0 : 1;
  };

  private Json() {
  }

  /** Parses a body; null when it is not JSON. */
  public static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Whether two values are the same JSON (numbers by value); two absent values are the same. */
  public static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return a.equals(NUMERIC, b);
  }

  /** The text of a field, or null when absent or JSON null. */
  public static String text(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Whether a field is present with a non-null, non-empty value. */
  public static boolean given(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && !v.isNull() && !(v.isTextual() && v.asText().isEmpty());
  }
}
