package com.onautomate.opportunities.conformance.generation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.onautomate.opportunities.conformance.spec.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Valid boundary values (the positive half of the coverage phase): each bound, each enum value, unicode text, and
 * {@code null} for an optional property the schema makes nullable.
 */
final class Boundaries {
  /** Fields whose valid values are decided by the server's data, not by the schema. */
  private static final Set<String> DOMAIN = Set.of("stageId", "contactId", "email", "phone");

  private final Values values;
  private final Identities ids;

  Boundaries(Values values, Identities ids) {
    this.values = values;
    this.ids = ids;
  }

  /** Valid edge values of each body property: lengths and values at their bounds, each enum value, unicode. */
  List<Mutation> body(Operation op) {
    List<Mutation> out = new ArrayList<>();
    Map<String, Schema> props = op.bodySchema().getProperties();
    for (Map.Entry<String, Schema> e : props.entrySet()) {
      String name = e.getKey();
      Schema<?> s = e.getValue();
      String type = Values.typeOf(s);
      if (name.equals("email") && s.getMaxLength() != null) {
        int max = s.getMaxLength();
        out.add(Mutation.body("email: " + max + " characters (maxLength)", null,
            b -> b.put("email", ids.email(max))));
        continue;
      }
      if (name.equals("phone") && s.getMaxLength() != null) {
        int max = s.getMaxLength();
        out.add(Mutation.body("phone: " + max + " characters (maxLength), no email", null,
            b -> {
              b.remove("email");
              b.put("phone", ids.phone(max));
            }));
        continue;
      }
      if (DOMAIN.contains(name)) {
        continue;
      }
      List<String> required = op.bodySchema().getRequired() == null ? List.of() : op.bodySchema().getRequired();
      if (Boolean.TRUE.equals(s.getNullable()) && !required.contains(name)) {
        out.add(Mutation.body(name + ": null (nullable: the same as leaving it out)", null, b -> b.putNull(name)));
      }
      switch (type) {
        case "string" -> {
          if (s.getEnum() != null) {
            for (Object v : s.getEnum()) {
              out.add(Mutation.body(name + ": \"" + v + "\" (enum)", null, b -> b.put(name, String.valueOf(v))));
            }
          } else {
            if (s.getMaxLength() != null) {
              int max = s.getMaxLength();
              out.add(Mutation.body(name + ": " + max + " characters (maxLength)", null,
                  b -> b.put(name, values.text(max, false))));
            }
            int min = s.getMinLength() == null ? 1 : Math.max(1, s.getMinLength());
            out.add(Mutation.body(name + ": " + min + " character(s) (minLength)", null,
                b -> b.put(name, values.text(min, false))));
            out.add(Mutation.body(name + ": unicode text", null, b -> b.put(name, "Ünïcødé ☃ 日本語 " + values.text(4, true))));
          }
        }
        case "number", "integer" -> {
          if (s.getMinimum() != null) {
            BigDecimal min = s.getMinimum();
            out.add(Mutation.body(name + ": " + min.toPlainString() + " (minimum)", null, b -> b.put(name, min)));
          }
          if (s.getMaximum() != null) {
            BigDecimal max = s.getMaximum();
            out.add(Mutation.body(name + ": " + max.toPlainString() + " (maximum)", null, b -> b.put(name, max)));
          }
        }
        case "array" -> {
          Schema<?> items = s.getItems();
          if (s.getMaxItems() != null) {
            int max = s.getMaxItems();
            int len = items.getMaxLength() == null ? 10 : items.getMaxLength();
            out.add(Mutation.body(name + ": " + max + " items of " + len + " characters (maxItems, maxLength)", null,
                b -> {
                  ArrayNode a = b.putArray(name);
                  for (int i = 0; i < max; i++) {
                    String t = "t" + i + "-";
                    a.add(t + values.text(len - t.length(), false));
                  }
                }));
          }
          out.add(Mutation.body(name + ": empty array", null, b -> b.putArray(name)));
        }
        default -> {
        }
      }
    }
    return out;
  }

  /** Valid edge values of a query parameter. */
  List<Mutation> query(Parameter p) {
    List<Mutation> out = new ArrayList<>();
    String name = p.getName();
    Schema<?> s = p.getSchema();
    String type = Values.typeOf(s);
    switch (type) {
      case "integer", "number" -> {
        if (s.getMinimum() != null) {
          out.add(Mutation.query(name + "=" + s.getMinimum().toPlainString() + " (minimum)", name,
              q -> q.add(Map.entry(name, s.getMinimum().toPlainString()))));
        }
        if (s.getMaximum() != null) {
          out.add(Mutation.query(name + "=" + s.getMaximum().toPlainString() + " (maximum)", name,
              q -> q.add(Map.entry(name, s.getMaximum().toPlainString()))));
        }
        if (name.equals("page")) {
          out.add(Mutation.query("page=100000 (past the last page)", name, q -> q.add(Map.entry(name, "100000"))));
        }
      }
      case "array" -> {
        int max = s.getMaxItems() == null ? 3 : s.getMaxItems();
        out.add(Mutation.query(name + ": " + max + " values (maxItems)", name, q -> {
          for (int i = 0; i < max; i++) {
            q.add(Map.entry(name, "t" + i));
          }
        }));
      }
      default -> {
        if (s.getEnum() != null) {
          for (Object v : s.getEnum()) {
            out.add(Mutation.query(name + "=" + v + " (enum)", name, q -> q.add(Map.entry(name, String.valueOf(v)))));
          }
        } else if ("email".equals(s.getFormat())) {
          out.add(Mutation.query(name + ": an address", name, q -> q.add(Map.entry(name, ids.email()))));
        } else {
          if (name.equals("stageId")) {
            out.add(Mutation.query(name + ": a stage", name, q -> q.add(Map.entry(name, values.stage()))));
          }
          if (s.getMaxLength() != null) {
            int max = s.getMaxLength();
            out.add(Mutation.query(name + ": " + max + " characters (maxLength)", name,
                q -> q.add(Map.entry(name, values.text(max, false)))));
          }
          out.add(Mutation.query(name + ": unicode text", name, q -> q.add(Map.entry(name, "Ünï ☃ " + values.text(3, true)))));
        }
      }
    }
    return out;
  }
}
