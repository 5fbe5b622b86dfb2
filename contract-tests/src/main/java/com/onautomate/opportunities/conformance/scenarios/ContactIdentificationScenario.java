package com.onautomate.opportunities.conformance.scenarios;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Session;
import com.onautomate.opportunities.conformance.engine.Step;
import com.onautomate.opportunities.conformance.spec.OpportunityOperations;
import java.util.List;

/**
 * Contact identification ({@code contact_identification_rule}): a create and an update naming no contact, then
 * naming a contactId that does not exist ({@link Step#UNKNOWN_CONTACT}).
 */
final class ContactIdentificationScenario {
  private final Session session;
  private final ScenarioCases cases;
  private final OpportunityOperations ops;

  ContactIdentificationScenario(Session session) {
    this.session = session;
    this.cases = new ScenarioCases(session);
    this.ops = session.operations();
  }

  /** Sends the cases; the updates change {@code fixture}, the creates make nothing when the server is right. */
  void run(String fixture) {
    String token = session.options().token();
    ObjectNode none = cases.body("No contact");
    none.remove("email");
    cases.send(cases.of(ops.create(), Kind.NEGATIVE, "no contactId, email or phone", null, List.of(),
        Json.write(none), token), Step.NONE, Facts.NONE);
    cases.send(cases.of(ops.update(), Kind.NEGATIVE, "no contactId, email or phone", fixture, List.of(),
        Json.write(none), token), Step.NONE, Facts.NONE);
    ObjectNode unknown = cases.body("Unknown contact");
    unknown.remove("email");
    unknown.put("contactId", "unknown" + session.identities().marker());
    cases.send(cases.of(ops.create(), Kind.SCENARIO, "an unknown contactId", null, List.of(), Json.write(unknown),
        token), Step.UNKNOWN_CONTACT, Facts.NONE);
    cases.send(cases.of(ops.update(), Kind.SCENARIO, "an unknown contactId", fixture, List.of(), Json.write(unknown),
        token), Step.UNKNOWN_CONTACT, Facts.NONE);
  }
}
