package com.onautomate.opportunities.conformance.scenarios;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Session;
import com.onautomate.opportunities.conformance.engine.Step;
import java.util.List;

/**
 * Contact identification ({@code contact_identification_rule}): a create and an update naming no contact, then
 * naming a contactId that does not exist ({@link Step#UNKNOWN_CONTACT}).
 */
final class ContactIdentificationScenario extends Scenario {
  ContactIdentificationScenario(Session session) {
    super(session, Part.CONTACT_IDENTIFICATION);
  }

  /** Sends the cases; the updates change {@code fixture}, the creates make nothing when the server is right. */
  void run(String fixture) {
    String token = session.options().token();
    ObjectNode none = body("No contact");
    none.remove("email");
    send(testCase(ops.create(), Kind.NEGATIVE, "no contactId, email or phone", null, List.of(),
        Json.write(none), token), Step.NONE, Facts.NONE);
    send(testCase(ops.update(), Kind.NEGATIVE, "no contactId, email or phone", fixture, List.of(),
        Json.write(none), token), Step.NONE, Facts.NONE);
    ObjectNode unknown = body("Unknown contact");
    unknown.remove("email");
    unknown.put("contactId", "unknown" + session.identities().marker());
    send(testCase(ops.create(), Kind.SCENARIO, "an unknown contactId", null, List.of(), Json.write(unknown),
        token), Step.UNKNOWN_CONTACT, Facts.NONE);
    send(testCase(ops.update(), Kind.SCENARIO, "an unknown contactId", fixture, List.of(), Json.write(unknown),
        token), Step.UNKNOWN_CONTACT, Facts.NONE);
  }
}
