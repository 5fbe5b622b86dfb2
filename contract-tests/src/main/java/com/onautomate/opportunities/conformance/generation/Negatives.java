package com.onautomate.opportunities.conformance.generation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Invalid values, one place at a time (Schemathesis's negative generation): used by the coverage phase for every
 * property and parameter, and by the fuzzing phase for one at random. Each names its target, the field it breaks.
 */
final class Negatives {
  private final Values values;
  private final Identities ids;

  Negatives(Values values, Identities ids) {
    this.values = values;
    this.ids = ids;
  }

  /** Invalid values of the body: each required field missing or null, wrong types, bounds and formats broken. */
  List<Mutation> body(Operation op) {
    List<Mutation> out = new ArrayList<>();
    Schema<?> schema = op.bodySchema();
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    for (String r : required) {
      out.add(Mutation.body(r + ": missing (required)", r, b -> b.remove(r)));
      out.add(Mutation.body(r + ": null (required)", r, b -> b.putNull(r)));
    }
    for (Map.Entry<String, Schema> e : schema.getProperties().entrySet()) {
      String name = e.getKey();
      Schema<?> s = e.getValue();
      String type = Values.typeOf(s);
      switch (type) {
        case "string" -> {
          out.add(Mutation.body(name + ": a number instead of a string", name, b -> b.put(name, 12345)));
          if (s.getMinLength() != null && s.getMinLength() > 0) {
            out.add(Mutation.body(name + ": empty string (minLength " + s.getMinLength() + ")", name,
                b -> b.put(name, "")));
          }
          if (s.getMaxLength() != null) {
            int max = s.getMaxLength();
            out.add(Mutation.body(name + ": " + (max + 1) + " characters (maxLength " + max + ")", name,
                b -> b.put(name, name.equals("email") ? ids.email(max + 1) : values.text(max + 1, false))));
          }
          if (s.getEnum() != null) {
            out.add(Mutation.body(name + ": not one of " + s.getEnum(), name, b -> b.put(name, "not-a-" + name)));
          }
          if ("email".equals(s.getFormat())) {
            out.add(Mutation.body(name + ": not an email address", name, b -> b.put(name, "not-an-email")));
          }
        }
        case "number", "integer" -> {
          out.add(Mutation.body(name + ": a string instead of a number", name, b -> b.put(name, "abc")));
          if (s.getMinimum() != null) {
            BigDecimal below = s.getMinimum().subtract(BigDecimal.ONE);
            out.add(Mutation.body(name + ": " + below.toPlainString() + " (minimum " + s.getMinimum() + ")", name,
                b -> b.put(name, below)));
          }
          if (s.getMaximum() != null) {
            BigDecimal above = s.getMaximum().add(BigDecimal.ONE);
            out.add(Mutation.body(name + ": " + above.toPlainString() + " (maximum " + s.getMaximum() + ")", name,
                b -> b.put(name, above)));
          }
        }
        case "array" -> {
          out.add(Mutation.body(name + ": a string instead of an array", name, b -> b.put(name, "tag")));
          if (s.getMaxItems() != null) {
            int max = s.getMaxItems();
            out.add(Mutation.body(name + ": " + (max + 1) + " items (maxItems " + max + ")", name, b -> {
              ArrayNode a = b.putArray(name);
              for (int i = 0; i <= max; i++) {
                a.add("t" + i);
              }
            }));
          }
          Schema<?> items = s.getItems();
          if (items != null && "string".equals(items.getType())) {
            out.add(Mutation.body(name + "[0]: a number instead of a string", name,
                b -> b.putArray(name).add(5)));
            if (items.getMinLength() != null && items.getMinLength() > 0) {
              out.add(Mutation.body(name + "[0]: empty string", name, b -> b.putArray(name).add("")));
            }
            if (items.getMaxLength() != null) {
              int max = items.getMaxLength();
              out.add(Mutation.body(name + "[0]: " + (max + 1) + " characters (maxLength " + max + ")", name,
                  b -> b.putArray(name).add(values.text(max + 1, false))));
            }
          }
        }
        default -> {
        }
      }
    }
    return out;
  }

  /** Invalid values of a query parameter. */
  List<Mutation> query(Parameter p) {
    List<Mutation> out = new ArrayList<>();
    String name = p.getName();
    Schema<?> s = p.getSchema();
    String type = Values.typeOf(s);
    switch (type) {
      case "integer", "number" -> {
        out.add(Mutation.query(name + "=abc (not a number)", name, q -> q.add(Map.entry(name, "abc"))));
        if (type.equals("integer")) {
          out.add(Mutation.query(name + "=1.5 (not an integer)", name, q -> q.add(Map.entry(name, "1.5"))));
        }
        if (s.getMinimum() != null) {
          String v = s.getMinimum().subtract(BigDecimal.ONE).toPlainString();
          out.add(Mutation.query(name + "=" + v + " (minimum " + s.getMinimum() + ")", name,
              q -> q.add(Map.entry(name, v))));
        }
        if (s.getMaximum() != null) {
          String v = s.getMaximum().add(BigDecimal.ONE).toPlainString();
          out.add(Mutation.query(name + "=" + v + " (maximum " + s.getMaximum() + ")", name,
              q -> q.add(Map.entry(name, v))));
        }
      }
      case "array" -> {
        if (s.getMaxItems() != null) {
          int max = s.getMaxItems();
          out.add(Mutation.query(name + ": " + (max + 1) + " values (maxItems " + max + ")", name, q -> {
            for (int i = 0; i <= max; i++) {
              q.add(Map.entry(name, "t" + i));
            }
          }));
        }
        Schema<?> items = s.getItems();
        if (items != null && items.getMaxLength() != null) {
          int max = items.getMaxLength();
          out.add(Mutation.query(name + ": a value of " + (max + 1) + " characters (maxLength " + max + ")", name,
              q -> q.add(Map.entry(name, values.text(max + 1, false)))));
        }
      }
      default -> {
        if (s.getMaxLength() != null) {
          int max = s.getMaxLength();
          out.add(Mutation.query(name + ": " + (max + 1) + " characters (maxLength " + max + ")", name,
              q -> q.add(Map.entry(name, name.equals("email") ? ids.email(max + 1) : values.text(max + 1, false)))));
        }
        if (s.getEnum() != null) {
          out.add(Mutation.query(name + ": not one of " + s.getEnum(), name, q -> q.add(Map.entry(name, "not-a-" + name))));
        }
        if ("email".equals(s.getFormat())) {
          out.add(Mutation.query(name + ": not an email address", name, q -> q.add(Map.entry(name, "not-an-email"))));
        }
      }
    }
    return out;
  }
}
