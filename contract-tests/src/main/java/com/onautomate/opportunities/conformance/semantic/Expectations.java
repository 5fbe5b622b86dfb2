package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an opportunity must look like after a write, as the contract describes it, and when two answers describe the
 * same opportunity: only the documented properties count, numbers by value (to double precision) and timestamps by
 * the instant they name, whatever their spelling.
 */
final class Expectations {
  /** The opportunity's properties that the contract documents; any other a server adds is not judged. */
  static final List<String> OPPORTUNITY = List.of("id", "name", "monetaryValue", "pipelineId", "pipelineStageId",
      "assignedTo", "status", "source", "lastStatusChangeAt", "createdAt", "updatedAt", "contact");
  /** The contact's documented properties. */
  static final List<String> CONTACT = List.of("id", "name", "companyName", "email", "phone", "tags");
  private static final Set<String> TIMESTAMPS = Set.of("lastStatusChangeAt", "createdAt", "updatedAt");
  /** Fewer fractional digits than this cannot show a change across the pause before a write (3 ms). */
  private static final int DIGITS_THAT_SHOW_A_MOVE = 3;

  private Expectations() {
  }

  /** Whether two answers describe the same opportunity (documented properties only, values as meant). */
  static boolean sameOpportunity(JsonNode a, JsonNode b) {
    return difference(a, b) == null;
  }

  /** The first documented property in which two opportunities differ, or null when they do not. */
  static String difference(JsonNode a, JsonNode b) {
    if (a == null || b == null || !a.isObject() || !b.isObject()) {
      return Json.same(a, b) ? null : "the body";
    }
    for (String field : OPPORTUNITY) {
      if (!sameValue(field, a.get(field), b.get(field))) {
        return field;
      }
    }
    return null;
  }

  /** Whether two values of a documented property are the same: a contact by its documented properties, timestamps
   * by instant, numbers by value. */
  static boolean sameValue(String field, JsonNode a, JsonNode b) {
    if (field.equals("contact") && a != null && b != null && a.isObject() && b.isObject()) {
      return CONTACT.stream().allMatch(f -> Json.same(a.get(f), b.get(f)));
    }
    if (TIMESTAMPS.contains(field)) {
      Instant x = instant(a);
      Instant y = instant(b);
      if (x != null && y != null) {
        return x.equals(y);
      }
    }
    return Json.same(a, b);
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
      JsonNode value = sent.get(kept);
      boolean given = value != null && !value.isNull(); // null is the same as leaving it out
      if (!given && before == null) {
        continue;
      }
      JsonNode expected = given ? value : before.get(kept);
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
    return instant(node == null ? null : node.get(field));
  }

  /** The instant an RFC 3339 date-time names (any offset, any fractional digits, {@code t} and {@code z} in either
   * case), or null when the value is not one. */
  static Instant instant(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.asText().toUpperCase(Locale.ROOT)).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Fractional second digits of a date-time as written ({@code 0} for none). */
  static int fractionDigits(JsonNode value) {
    String t = value == null ? "" : value.asText();
    int dot = t.indexOf('.');
    if (dot < 0) {
      return 0;
    }
    int end = dot + 1;
    while (end < t.length() && Character.isDigit(t.charAt(end))) {
      end++;
    }
    return end - dot - 1;
  }

  /**
   * Whether a timestamp moved from {@code before} to {@code after}: later, or the same where the precision it is
   * written with is too coarse to show the few milliseconds the suite waits before a write.
   */
  private static boolean moved(Instant before, Instant after, JsonNode written) {
    return after != null && (after.isAfter(before)
        || (after.equals(before) && fractionDigits(written) < DIGITS_THAT_SHOW_A_MOVE));
  }

  /** Checks updatedAt moved and lastStatusChangeAt moved exactly when the status changed. */
  static List<String> timestamps(JsonNode before, JsonNode after, boolean statusChanged) {
    List<String> out = new ArrayList<>();
    Instant u0 = instant(before, "updatedAt");
    Instant u1 = instant(after, "updatedAt");
    if (u0 != null && !moved(u0, u1, after.get("updatedAt"))) {
      out.add("updatedAt did not move (" + Json.text(before, "updatedAt") + " → " + Json.text(after, "updatedAt") + ")");
    }
    Instant l0 = instant(before, "lastStatusChangeAt");
    Instant l1 = instant(after, "lastStatusChangeAt");
    if (l0 != null) {
      if (statusChanged && !moved(l0, l1, after.get("lastStatusChangeAt"))) {
        out.add("lastStatusChangeAt did not move although the status changed ("
            + Json.text(before, "lastStatusChangeAt") + " → " + Json.text(after, "lastStatusChangeAt") + ")");
      } else if (!statusChanged && !l0.equals(l1)) {
        out.add("lastStatusChangeAt moved although the status did not change ("
            + Json.text(before, "lastStatusChangeAt") + " → " + Json.text(after, "lastStatusChangeAt") + ")");
      }
    }
    if (before != null && !sameValue("createdAt", before.get("createdAt"), after.get("createdAt"))) {
      out.add("createdAt changed (" + before.get("createdAt") + " → " + after.get("createdAt") + ")");
    }
    return out;
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
