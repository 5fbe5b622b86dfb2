package com.onautomate.opportunities.conformance.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Values valid for the contract's schemas and for the server's data, shared by every phase: random values of a schema,
 * text, valid bodies (a configured stage, a new contact). All randomness comes from the run's one seeded {@link Random}.
 */
public final class Values {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,";
  private static final String UNICODE = "éüßøçñÅΩЖжλ日本語中文한국☃★€";

  private final RunOptions options;
  private final Identities ids;
  private final Random random;

  Values(RunOptions options, Identities ids, Random random) {
    this.options = options;
    this.ids = ids;
    this.random = random;
  }

  /** The run's seeded randomness; every phase draws from it in turn, so the same seed gives the same cases. */
  Random random() {
    return random;
  }

  /** One of the configured stages, at random. */
  public String stage() {
    return options.stageIds().get(random.nextInt(options.stageIds().size()));
  }

  /** A configured stage other than {@code current} (itself when only one is configured). */
  public String otherStage(String current) {
    for (String s : options.stageIds()) {
      if (!s.equals(current)) {
        return s;
      }
    }
    return current;
  }

  String text(int min, int max, boolean unicode) {
    int len = min + random.nextInt(Math.max(1, max - min + 1));
    return text(len, unicode);
  }

  /** A string of exactly {@code len} characters, never starting or ending with a space (BMP characters only). */
  String text(int len, boolean unicode) {
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      String alphabet = unicode && random.nextInt(3) == 0 ? UNICODE : PLAIN;
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      if ((i == 0 || i == len - 1) && !Character.isLetterOrDigit(c)) {
        c = 'x';
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** The schema's type; a schema without one is taken as a string. */
  static String typeOf(Schema<?> s) {
    return s.getType() == null ? "string" : s.getType();
  }

  /** A random value valid for the schema. */
  JsonNode valid(String name, Schema<?> s) {
    String type = typeOf(s);
    switch (type) {
      case "integer" -> {
        long min = s.getMinimum() == null ? 0 : s.getMinimum().longValue();
        long max = s.getMaximum() == null ? min + 100 : Math.min(s.getMaximum().longValue(), min + 100);
        return F.numberNode(min + (long) random.nextInt((int) (max - min + 1)));
      }
      case "number" -> {
        double min = s.getMinimum() == null ? 0 : s.getMinimum().doubleValue();
        return random.nextBoolean()
            ? F.numberNode((long) (min + random.nextInt(100_000)))
            : F.numberNode(BigDecimal.valueOf(min + random.nextInt(10_000_000) / 100.0));
      }
      case "boolean" -> {
        return F.booleanNode(random.nextBoolean());
      }
      case "array" -> {
        ArrayNode a = F.arrayNode();
        int max = s.getMaxItems() == null ? 3 : Math.min(3, s.getMaxItems());
        int min = s.getMinItems() == null ? 0 : s.getMinItems();
        int n = min + random.nextInt(Math.max(1, max - min + 1));
        for (int i = 0; i < n; i++) {
          a.add(valid(name, s.getItems()));
        }
        return a;
      }
      case "object" -> {
        return validObject(s, true);
      }
      default -> {
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
          return F.textNode(String.valueOf(s.getEnum().get(random.nextInt(s.getEnum().size()))));
        }
        if ("email".equals(s.getFormat())) {
          return F.textNode(ids.email());
        }
        int min = s.getMinLength() == null ? 1 : Math.max(1, s.getMinLength());
        int max = s.getMaxLength() == null ? min + 20 : Math.min(s.getMaxLength(), min + 20);
        return F.textNode(text(min, max, random.nextInt(4) == 0));
      }
    }
  }

  ObjectNode validObject(Schema<?> s, boolean optional) {
    ObjectNode o = Json.object();
    if (s.getProperties() == null) {
      return o;
    }
    List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
    for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
      if (required.contains(p.getKey()) || (optional && random.nextBoolean())) {
        o.set(p.getKey(), valid(p.getKey(), p.getValue()));
      }
    }
    return o;
  }

  /** A valid body for the operation: schema-valid, a configured stage, a new contact. */
  public ObjectNode validBody(Operation op) {
    ObjectNode body = validObject(op.bodySchema(), true);
    fixDomain(op, body);
    return body;
  }

  /** Makes a schema-valid body valid for the server's data too. */
  void fixDomain(Operation op, ObjectNode body) {
    if (body.has("stageId")) {
      body.put("stageId", stage());
    }
    Map<String, Schema> props = op.bodySchema().getProperties();
    if (props != null && props.containsKey("email")) {
      body.remove("contactId");
      boolean email = body.has("email") || (!body.has("phone") && random.nextInt(4) != 0);
      if (email) {
        body.put("email", ids.email());
      }
      if (body.has("phone")) {
        body.put("phone", ids.phone());
      } else if (!email) {
        body.put("phone", ids.phone());
      }
    }
  }
}
