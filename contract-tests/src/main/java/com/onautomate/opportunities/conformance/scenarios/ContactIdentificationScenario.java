package com.onautomate.opportunities.conformance.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.Session;
import com.onautomate.opportunities.conformance.engine.Step;
import java.util.List;

/**
 * Contact identification ({@code contact_identification_rule}): a create and an update naming no contact, then
 * naming a contactId that does not exist ({@link Step#UNKNOWN_CONTACT}); {@code null} for the three (not given) and
 * an empty string for each (a value, refused); and a phone that two contacts share, which must find the older
 * ({@link Step#SHARED_PHONE}).
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
    nullAndEmpty();
    sharedPhone();
  }

  /** {@code null} is the same as leaving a property out; an empty string is a value, which is refused. */
  private void nullAndEmpty() {
    String token = session.options().token();
    ObjectNode allNull = body("All three null");
    allNull.putNull("contactId").putNull("email").putNull("phone");
    send(testCase(ops.create(), Kind.NEGATIVE, "contactId, email and phone all null", null, List.of(),
        Json.write(allNull), token), Step.NONE, Facts.NONE);
    ObjectNode nullId = body("Null contactId");
    nullId.putNull("contactId");
    send(testCase(ops.create(), Kind.POSITIVE, "contactId null, so the email identifies the contact", null,
        List.of(), Json.write(nullId), token), Step.CREATE, Facts.NONE);
    ObjectNode emptyId = body("Empty contactId");
    emptyId.put("contactId", "");
    send(testCase(ops.create(), Kind.NEGATIVE, "contactId \"\" beside an email", null, List.of(),
        Json.write(emptyId), token), Step.NONE, Facts.NONE);
    ObjectNode emptyEmail = body("Empty email");
    emptyEmail.put("email", "").put("phone", session.identities().phone());
    send(testCase(ops.create(), Kind.NEGATIVE, "email \"\" beside a phone", null, List.of(),
        Json.write(emptyEmail), token), Step.NONE, Facts.NONE);
    ObjectNode emptyPhone = body("Empty phone");
    emptyPhone.remove("email");
    emptyPhone.put("phone", "");
    send(testCase(ops.create(), Kind.NEGATIVE, "phone \"\" alone", null, List.of(), Json.write(emptyPhone), token),
        Step.NONE, Facts.NONE);
  }

  /**
   * Two contacts with one phone (each found by its own email), their opportunities deleted (contacts stay), then a
   * create naming only the phone: the contact created first must get it.
   */
  private void sharedPhone() {
    String phone = session.identities().phone();
    ObjectNode first = body("Shared phone, first contact");
    first.put("phone", phone);
    JsonNode older = create(first);
    ObjectNode second = body("Shared phone, second contact");
    second.put("phone", phone);
    JsonNode newer = create(second);
    String olderContact = older == null ? null : Json.text(older.path("contact"), "id");
    String newerContact = newer == null ? null : Json.text(newer.path("contact"), "id");
    if (olderContact == null || newerContact == null) {
      return; // no two contacts to tell apart: the create answers say why in their own checks
    }
    for (JsonNode opp : List.of(older, newer)) {
      if (Json.text(opp, "id") == null) {
        continue; // nothing to delete; the contact stays either way
      }
      session.dispatcher().send(session.requests().positive(ops.delete(), Phase.SEMANTIC,
          "delete, the contact stays", Json.text(opp, "id"), List.of(), null));
    }
    ObjectNode byPhone = body("Found by a shared phone");
    byPhone.remove("email");
    byPhone.put("phone", phone);
    send(testCase(ops.create(), Kind.POSITIVE, "only a phone that two contacts share", null, List.of(),
        Json.write(byPhone), session.options().token()), Step.SHARED_PHONE,
        new Facts.SharedPhone(phone, olderContact, newerContact));
  }
}
