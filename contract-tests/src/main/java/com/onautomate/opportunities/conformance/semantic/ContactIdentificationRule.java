package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.checks.Inputs;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Step;
import java.util.Set;

/** Catches a create or update without contactId, email or phone that is not 422 keyed "contactId or email", and an unknown contactId not 422 "invalid". */
public final class ContactIdentificationRule implements Check {
  static final String KEY = "contactId or email";
  private static final Set<Integer> EARLIER = Set.of(401, 404, 413, 415, 429);

  @Override
  public String name() {
    return "contact_identification_rule";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("creates and updates naming no contact or an unknown one",
        e -> e.step() == Step.UNKNOWN_CONTACT || (writes(e) && namesNoContact(Json.parse(e.request().body()))),
        Part.CONTACT_IDENTIFICATION);
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
    if (!namesNoContact(body)) {
      return CheckResult.skip();
    }
    JsonNode entry = answer == null ? null : answer.get(KEY);
    if (status == 422 && entry != null && "required".equals(Json.text(entry, "rule"))) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Contact not identified but not refused", exchange.response().describe(),
        "422 with {\"" + KEY + "\": {\"rule\": \"required\", ...}} when none of contactId, email, phone is given");
  }

  /** Whether the exchange is a create or an update, the operations that name a contact. */
  private static boolean writes(Exchange exchange) {
    String op = exchange.operation().id();
    return op.equals("createOpportunity") || op.equals("updateOpportunity");
  }

  /** Whether a request body is an object that gives none of contactId, email and phone. */
  private static boolean namesNoContact(JsonNode body) {
    return body != null && body.isObject()
        && isAbsent(body, "contactId") && isAbsent(body, "email") && isAbsent(body, "phone");
  }

  private static boolean isAbsent(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull();
  }
}
