package com.onautomate.opportunities.conformance.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Session;
import com.onautomate.opportunities.conformance.engine.Step;
import com.onautomate.opportunities.conformance.spec.OpportunityOperations;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The duplicate rule ({@code duplicate_opportunity_rule}): a second opportunity for a contact, by email (other case)
 * and by contactId, and an update moving another opportunity to that contact, each a {@link Step#DUPLICATE}; then
 * the contacts' counts, which refused requests must not have changed.
 */
final class DuplicatesScenario {
  private final Session session;
  private final ScenarioCases cases;
  private final OpportunityOperations ops;

  DuplicatesScenario(Session session) {
    this.session = session;
    this.cases = new ScenarioCases(session);
    this.ops = session.operations();
  }

  void run() {
    String token = session.options().token();
    ObjectNode first = cases.body("Duplicate original");
    String email = first.get("email").asText();
    JsonNode original = cases.create(first);
    if (original == null) {
      return;
    }
    String contactId = Json.text(original.get("contact"), "id");
    ObjectNode byEmail = cases.body("Duplicate by email");
    byEmail.put("email", email.toUpperCase(Locale.ROOT));
    cases.send(cases.of(ops.create(), Kind.SCENARIO, "second opportunity, same email", null, List.of(),
        Json.write(byEmail), token), Step.DUPLICATE, Facts.NONE);
    ObjectNode byId = cases.body("Duplicate by contactId");
    byId.remove("email");
    byId.put("contactId", contactId);
    cases.send(cases.of(ops.create(), Kind.SCENARIO, "second opportunity, same contactId", null, List.of(),
        Json.write(byId), token), Step.DUPLICATE, Facts.NONE);
    ObjectNode other = cases.body("Duplicate other");
    String otherEmail = other.get("email").asText();
    JsonNode second = cases.create(other);
    if (second != null) {
      ObjectNode move = cases.body("Duplicate moved");
      move.put("email", email);
      cases.send(cases.of(ops.update(), Kind.SCENARIO, "move to a contact that has one already",
          Json.text(second, "id"), List.of(), Json.write(move), token), Step.DUPLICATE, Facts.NONE);
      count(otherEmail, 1);
    }
    count(email, 1);
  }

  private void count(String email, long expected) {
    cases.send(cases.of(ops.list(), Kind.POSITIVE, "count after refused duplicates", null,
        List.of(Map.entry("email", email), Map.entry("limit", "100")), null, session.options().token()),
        Step.DUPLICATE_COUNT, new Facts.DuplicateCount(expected));
  }
}
