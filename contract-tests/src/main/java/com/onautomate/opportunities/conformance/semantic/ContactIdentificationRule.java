package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.checks.Inputs;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Step;
import java.util.List;
import java.util.Set;

/**
 * Catches a create or update without contactId, email or phone (absent or {@code null}) that is not 422 keyed
 * "contactId or email", one with an empty contactId, email or phone that is not 422 under it, an unknown contactId not
 * 422 "invalid", and a phone that several contacts share that does not find the one created first.
 */
public final class ContactIdentificationRule implements Check {
  static final String KEY = "contactId or email";
  private static final List<String> IDENTIFIERS = List.of("contactId", "email", "phone");
  private static final Set<Integer> EARLIER = Set.of(401, 404, 413, 415, 429);
  /** The rules an empty identifier may be refused with: required (empty), or its schema's minLength or format. */
  private static final Set<String> EMPTY_RULES = Set.of("required", "min", "email");

  @Override
  public String name() {
    return "contact_identification_rule";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("creates and updates naming no contact, an empty one, an unknown one or a shared phone",
        e -> e.step() == Step.UNKNOWN_CONTACT || e.step() == Step.SHARED_PHONE || (writes(e)
            && (namesNoContact(Json.parse(e.request().body())) || !emptyIdentifiers(Json.parse(e.request().body()))
            .isEmpty())), Part.CONTACT_IDENTIFICATION);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (!writes(exchange)) {
      return CheckResult.skip();
    }
    int status = exchange.response().status();
    if (EARLIER.contains(status) || status >= 500) {
      return CheckResult.skip();
    }
    JsonNode body = Json.parse(exchange.request().body());
    if (body == null || !body.isObject()) {
      return CheckResult.skip();
    }
    JsonNode answer = Json.parse(exchange.response().body());
    if (exchange.step() == Step.UNKNOWN_CONTACT) {
      JsonNode entry = answer == null ? null : answer.get("contactId");
      if (status == 422 && entry != null && "invalid".equals(Json.text(entry, "rule"))) {
        return CheckResult.pass();
      }
      return CheckResult.fail("Unknown contact not refused", exchange.response().describe(),
          "422 with {\"contactId\": {\"rule\": \"invalid\", ...}}");
    }
    if (exchange.step() == Step.SHARED_PHONE) {
      return sharedPhone(exchange, exchange.facts(Facts.SharedPhone.class), answer);
    }
    List<String> empty = emptyIdentifiers(body);
    if (!empty.isEmpty()) {
      boolean refused = status == 422 && answer != null && empty.stream()
          .anyMatch(f -> answer.path(f).isObject() && answer.get(f).path("rule").isTextual()
              && EMPTY_RULES.contains(answer.get(f).get("rule").asText()));
      if (refused) {
        return CheckResult.pass();
      }
      return CheckResult.fail("Empty contact identifier not refused", exchange.response().describe(),
          "422 with an entry for " + String.join(" or ", empty) + " (rule required, min or email): an empty string is"
              + " a value, not \"not given\"");
    }
    if (!namesNoContact(body)) {
      return CheckResult.skip();
    }
    JsonNode entry = answer == null ? null : answer.get(KEY);
    if (status == 422 && entry != null && "required".equals(Json.text(entry, "rule"))) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Contact not identified but not refused", exchange.response().describe(),
        "422 with {\"" + KEY + "\": {\"rule\": \"required\", ...}} when none of contactId, email, phone is given"
            + " (absent or null)");
  }

  private static CheckResult sharedPhone(Exchange exchange, Facts.SharedPhone shared, JsonNode answer) {
    String got = answer == null ? null : Json.text(answer.path("contact"), "id");
    if (exchange.response().is2xx() && got != null && got.equals(shared.oldestContactId())) {
      return CheckResult.pass();
    }
    String which = got == null ? exchange.response().describe()
        : got.equals(shared.newerContactId()) ? "the newer contact " + got : "contact " + got;
    return CheckResult.fail("Contact not found by phone as documented", which + " for phone " + shared.phone(),
        "the contact created first with that phone, " + shared.oldestContactId() + " (not " + shared.newerContactId()
            + " nor a new one)");
  }

  /** Whether the exchange is a create or an update, the operations that name a contact. */
  private static boolean writes(Exchange exchange) {
    String op = exchange.operation().id();
    return op.equals("createOpportunity") || op.equals("updateOpportunity");
  }

  /** Whether a request body is an object that gives none of contactId, email and phone. */
  public static boolean namesNoContact(JsonNode body) {
    return body != null && body.isObject() && IDENTIFIERS.stream().allMatch(f -> isAbsent(body, f));
  }

  /** The identifiers a request body gives as an empty string. */
  public static List<String> emptyIdentifiers(JsonNode body) {
    if (body == null || !body.isObject()) {
      return List.of();
    }
    return IDENTIFIERS.stream().filter(f -> body.path(f).isTextual() && body.get(f).asText().isEmpty()).toList();
  }

  private static boolean isAbsent(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull();
  }
}
