package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What an opportunity must look like after a write, as the contract describes it. */
final class Expectations {
  private Expectations() {
  }

  /** The pipeline the request was sent to (its {@code pipelineId} path parameter, decoded). */
  static String pipelineId(Exchange exchange) {
    return exchange.operation().pathTemplate().read(exchange.request().path(), "pipelineId");
  }

  /**
   * Differences between the body sent to create or update and the opportunity returned.
   *
   * @param before the opportunity before an update (optional fields left out keep their values), or null
   */
  static List<String> mismatches(JsonNode sent, JsonNode opp, String pipelineId, JsonNode before) {
    List<String> out = new ArrayList<>();
    if (opp == null || !opp.isObject()) {
      out.add("the body is not an opportunity");
      return out;
    }
    expectText(out, opp, "name", Json.text(sent, "title"));
    expectText(out, opp, "pipelineStageId", Json.text(sent, "stageId"));
    expectText(out, opp, "status", Json.text(sent, "status"));
    if (pipelineId != null) {
      expectText(out, opp, "pipelineId", pipelineId);
    }
    for (String kept : List.of("assignedTo", "source", "monetaryValue")) {
      JsonNode expected = sent.has(kept) ? sent.get(kept) : before == null ? null : before.get(kept);
      if (expected == null && before == null && !sent.has(kept)) {
        continue;
      }
      if (!Json.same(norm(expected), norm(opp.get(kept)))) {
        out.add(kept + " is " + opp.get(kept) + ", expected " + expected);
      }
    }
    JsonNode contact = opp.get("contact");
    if (contact == null || !contact.isObject()) {
      out.add("contact is " + contact);
      return out;
    }
    if (Json.given(sent, "contactId")) {
      expectText(out, contact, "contact.id", "id", Json.text(sent, "contactId"));
    } else if (Json.given(sent, "email")) {
      String email = Json.text(contact, "email");
      if (email == null || !email.equalsIgnoreCase(Json.text(sent, "email"))) {
        out.add("contact.email is " + contact.get("email") + ", expected " + sent.get("email"));
      }
    } else if (Json.given(sent, "phone")) {
      expectText(out, contact, "contact.phone", "phone", Json.text(sent, "phone"));
    }
    if (sent.has("name")) {
      expectText(out, contact, "contact.name", "name", Json.text(sent, "name"));
    }
    if (sent.has("companyName")) {
      expectText(out, contact, "contact.companyName", "companyName", Json.text(sent, "companyName"));
    }
    if (sent.has("tags") && sent.get("tags").isArray()) {
      Set<String> have = new HashSet<>();
      JsonNode tags = contact.get("tags");
      if (tags != null && tags.isArray()) {
        tags.forEach(t -> have.add(t.asText()));
      }
      List<String> missing = new ArrayList<>();
      sent.get("tags").forEach(t -> {
        if (!have.contains(t.asText())) {
          missing.add(t.asText());
        }
      });
      if (!missing.isEmpty()) {
        out.add("contact.tags " + tags + " lacks the tags sent " + missing);
      }
    }
    return out;
  }

  private static JsonNode norm(JsonNode n) {
    return n == null || n.isNull() ? null : n;
  }

  private static void expectText(List<String> out, JsonNode node, String field, String expected) {
    expectText(out, node, field, field, expected);
  }

  private static void expectText(List<String> out, JsonNode node, String label, String field, String expected) {
    if (expected == null) {
      return;
    }
    String actual = Json.text(node, field);
    if (!expected.equals(actual)) {
      out.add(label + " is " + (node.get(field) == null ? "missing" : node.get(field)) + ", expected \""
          + expected + "\"");
    }
  }

  static Instant instant(JsonNode node, String field) {
    String t = Json.text(node, field);
    if (t == null) {
      return null;
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** Checks updatedAt moved and lastStatusChangeAt moved exactly when the status changed. */
  static List<String> timestamps(JsonNode before, JsonNode after, boolean statusChanged) {
    List<String> out = new ArrayList<>();
    Instant u0 = instant(before, "updatedAt");
    Instant u1 = instant(after, "updatedAt");
    if (u0 != null && (u1 == null || !u1.isAfter(u0))) {
      out.add("updatedAt did not move (" + Json.text(before, "updatedAt") + " → " + Json.text(after, "updatedAt") + ")");
    }
    Instant l0 = instant(before, "lastStatusChangeAt");
    Instant l1 = instant(after, "lastStatusChangeAt");
    if (l0 != null) {
      if (statusChanged && (l1 == null || !l1.isAfter(l0))) {
        out.add("lastStatusChangeAt did not move although the status changed ("
            + Json.text(before, "lastStatusChangeAt") + " → " + Json.text(after, "lastStatusChangeAt") + ")");
      } else if (!statusChanged && !l0.equals(l1)) {
        out.add("lastStatusChangeAt moved although the status did not change ("
            + Json.text(before, "lastStatusChangeAt") + " → " + Json.text(after, "lastStatusChangeAt") + ")");
      }
    }
    if (before != null && !Json.same(before.get("createdAt"), after.get("createdAt"))) {
      out.add("createdAt changed (" + before.get("createdAt") + " → " + after.get("createdAt") + ")");
    }
    return out;
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
