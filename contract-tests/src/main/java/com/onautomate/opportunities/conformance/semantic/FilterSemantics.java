package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Json;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The list filters' meaning as the contract states it: substrings, whole addresses, exact values, every tag. */
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
      case "email" -> v.equalsIgnoreCase(String.valueOf(Json.text(contact, "email")));
      case "stageId" -> v.equals(Json.text(opp, "pipelineStageId"));
      case "status" -> v.equals(Json.text(opp, "status"));
      case "assignedTo" -> v.equals(Json.text(opp, "assignedTo"));
      case "contactId" -> v.equals(Json.text(contact, "id"));
      case "phone" -> v.equals(Json.text(contact, "phone"));
      case "monetaryValue" -> opp.path("monetaryValue").isNumber()
          && opp.get("monetaryValue").decimalValue().compareTo(new BigDecimal(v)) == 0;
      case "tags" -> {
        Set<String> have = new HashSet<>();
        contact.path("tags").forEach(t -> have.add(t.asText()));
        yield have.containsAll(values);
      }
      default -> true;
    };
  }

  private static boolean contains(String text, String part) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }
}
