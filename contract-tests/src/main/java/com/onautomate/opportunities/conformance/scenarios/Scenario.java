package com.onautomate.opportunities.conformance.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.Session;
import com.onautomate.opportunities.conformance.engine.Step;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.spec.OpportunityOperations;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.util.List;
import java.util.Map;

/**
 * A scenario of the contract's rules, and what each builds with: cases of the contract-rules phase, fixtures made
 * through the API, base bodies, and a note to the report when the server's answers leave it nothing to go on.
 */
abstract class Scenario {
  protected final Session session;
  protected final OpportunityOperations ops;
  private final Part part;

  Scenario(Session session, Part part) {
    this.session = session;
    this.ops = session.operations();
    this.part = part;
  }

  /** A case of the contract-rules phase for {@code op}, addressed to {@code opportunityId} (null when it has none). */
  final TestCase testCase(Operation op, Kind kind, String description, String opportunityId,
                          List<Map.Entry<String, String>> query, String body, String token) {
    return new TestCase(op, Phase.SEMANTIC, kind, description, null, session.requests().build(op,
        session.requests().pathParams(op, opportunityId), query, body, token));
  }

  /** Sends a case as a step of a scenario and records it. */
  final Exchange send(TestCase c, Step step, Facts facts) {
    return session.dispatcher().send(c, step, facts);
  }

  /**
   * Creates an opportunity through the API; returns it as answered, or null — with a note to the report — when the
   * create was refused or its answer has no id.
   */
  final JsonNode create(ObjectNode body) {
    Exchange e = send(testCase(ops.create(), Kind.POSITIVE, "scenario fixture", null, List.of(), Json.write(body),
        session.options().token()), Step.FIXTURE, Facts.NONE);
    if (e.answeredId() == null) {
      skipped("a fixture was not created (the create " + e.createdBriefly() + ")");
      return null;
    }
    return Json.parse(e.response().body());
  }

  /** Tells the report what this scenario could not send, and why ("the email filter: …"). */
  final void skipped(String why) {
    session.recorder().notSent(part, part.label() + ": " + why);
  }

  /** A minimal valid create body: the title, open, the first configured stage, a new contact's email. */
  final ObjectNode body(String title) {
    ObjectNode b = Json.object();
    b.put("title", title);
    b.put("status", "open");
    b.put("stageId", session.options().stageIds().get(0));
    b.put("email", session.identities().email());
    return b;
  }
}
