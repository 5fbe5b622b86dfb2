package com.onautomate.opportunities.conformance.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Session;
import com.onautomate.opportunities.conformance.engine.Step;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The duplicate rule ({@code duplicate_opportunity_rule}): a second opportunity for a contact, by email (other case)
 * and by contactId, and an update moving another opportunity to that contact, each a {@link Step#DUPLICATE}; then
 * the contacts' counts, which refused requests must not have changed.
 */
final class DuplicatesScenario extends Scenario {
  DuplicatesScenario(Session session) {
    super(session, Part.DUPLICATES);
  }

  void run() {
    String token = session.options().token();
    ObjectNode first = body("Duplicate original");
    String email = first.get("email").asText();
    JsonNode original = create(first);
    if (original == null) {
      skipped("no duplicate was tried, since the first opportunity of the contact was not created");
      return;
    }
    ObjectNode byEmail = body("Duplicate by email");
    byEmail.put("email", email.toUpperCase(Locale.ROOT));
    send(testCase(ops.create(), Kind.SCENARIO, "second opportunity, same email", null, List.of(),
        Json.write(byEmail), token), Step.DUPLICATE, Facts.NONE);
    String contactId = Json.text(original.get("contact"), "id");
    if (contactId != null && !contactId.isEmpty()) {
      ObjectNode byId = body("Duplicate by contactId");
      byId.remove("email");
      byId.put("contactId", contactId);
      send(testCase(ops.create(), Kind.SCENARIO, "second opportunity, same contactId", null, List.of(),
          Json.write(byId), token), Step.DUPLICATE, Facts.NONE);
    } else {
      skipped("the duplicate by contactId was not tried: the create answer has no contact.id");
    }
    ObjectNode other = body("Duplicate other");
    String otherEmail = other.get("email").asText();
    JsonNode second = create(other);
    if (second != null) {
      ObjectNode move = body("Duplicate moved");
      move.put("email", email);
      send(testCase(ops.update(), Kind.SCENARIO, "move to a contact that has one already",
          Json.text(second, "id"), List.of(), Json.write(move), token), Step.DUPLICATE, Facts.NONE);
      count(otherEmail, 1);
    }
    count(email, 1);
  }

  private void count(String email, long expected) {
    send(testCase(ops.list(), Kind.POSITIVE, "count after refused duplicates", null,
        List.of(Map.entry("email", email), Map.entry("limit", "100")), null, session.options().token()),
        Step.DUPLICATE_COUNT, new Facts.DuplicateCount(expected));
  }
}
