package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Json;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The list filters' meaning as the contract states it: case-insensitive substrings, whole addresses, exact values,
 * every tag (tags compare exactly, case included).
 */
public final class FilterSemantics {
  private FilterSemantics() {
  }

  /** The contract's filter semantics, one parameter at a time. */
  public static boolean matches(String param, List<String> values, JsonNode opp) {
    JsonNode contact = opp.path("contact");
    String v = values.get(0);
    return switch (param) {
      case "title" -> contains(Json.text(opp, "name"), v);
      case "name" -> contains(Json.text(contact, "name"), v);
      case "companyName" -> contains(Json.text(contact, "companyName"), v);
      case "email" -> lower(v).equals(lower(Json.text(contact, "email")));
      case "stageId" -> v.equals(Json.text(opp, "pipelineStageId"));
      case "status" -> v.equals(Json.text(opp, "status"));
      case "assignedTo" -> v.equals(Json.text(opp, "assignedTo"));
      case "contactId" -> v.equals(Json.text(contact, "id"));
      case "phone" -> v.equals(Json.text(contact, "phone"));
      case "monetaryValue" -> opp.path("monetaryValue").isNumber()
          && Json.same(opp.get("monetaryValue"), Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(v)));
      case "tags" -> {
        Set<String> have = new HashSet<>();
        contact.path("tags").forEach(t -> have.add(t.asText()));
        yield have.containsAll(values);
      }
      default -> true;
    };
  }

  private static boolean contains(String text, String part) {
    return text != null && lower(text).contains(lower(part));
  }

  /**
   * The contract's case-insensitivity: both sides lower-cased by Unicode's default case mapping, letter for letter
   * ({@code É} is {@code é}); no other folding ({@code ß} is not {@code ss}, {@code é} is not {@code e}).
   */
  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
