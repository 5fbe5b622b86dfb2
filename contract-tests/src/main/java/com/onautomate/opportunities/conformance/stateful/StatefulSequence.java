package com.onautomate.opportunities.conformance.stateful;

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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stateful phase: create → read → list → update ×2 → status change ×2 → delete, then read, list, update, status
 * change and delete of the deleted opportunity; every request after the create is addressed through the create's
 * {@link Links}, and each is a {@link Step} whose facts the stateful checks judge.
 */
public final class StatefulSequence {
  private final Session session;
  private final OpportunityOperations ops;
  private final Links links;

  public StatefulSequence(Session session) {
    this.session = session;
    this.ops = session.operations();
    this.links = new Links(ops.create());
  }

  /**
   * Runs sequence {@code n}; where the server's answers leave nothing to follow it stops, and tells the report why.
   * Each request body is built from what the sequence sent before, not from what the server answered, so that a
   * wrong answer is judged once and does not make the next request invalid.
   */
  public void run(int n) {
    String sequence = "stateful sequence " + (n + 1);
    ObjectNode body = createBody(n);
    Exchange created = send(ops.create(), "stateful create", Kind.POSITIVE,
        session.requests().pathParams(ops.create(), null), Json.write(body), Step.CREATE, Facts.NONE);
    if (!created.response().is2xx()) {
      stopped(sequence + ": the create " + created.response().brief() + ", so the stateful sequence stopped here");
      return;
    }
    Map<String, String> getParams = links.parameters(ops.get(), created);
    String id = created.answeredId();
    if (getParams == null || id == null) {
      String why = getParams == null ? links.whyNot(ops.get(), created) : "has no usable `id`";
      stopped(sequence + ": the create answer " + why + ", so the stateful sequence stopped here");
      return;
    }
    Exchange read = send(ops.get(), "read after create (link)", Kind.POSITIVE, getParams, null,
        Step.READ_AFTER_CREATE, new Facts.ReadAfterCreate(created));
    JsonNode current = Json.parse(read.response().body());
    String email = body.get("email").asText();
    session.listing().listAll(Map.of("email", email), Phase.STATEFUL, Set.of(id), "email", List.of(email));

    String status = body.get("status").asText();
    String stage = body.get("stageId").asText();
    Map<String, String> updParams = links.parameters(ops.update(), created);
    if (updParams != null) {
      ObjectNode u1 = body.deepCopy();
      u1.put("stageId", session.values().otherStage(stage));
      u1.put("title", body.get("title").asText() + " v2");
      u1.putNull("monetaryValue"); // null is the same as leaving it out: both keep the value
      u1.remove("source");
      Write first = update(updParams, u1, current);
      if (first.accepted()) {
        stage = u1.get("stageId").asText();
        current = first.read();
      }
      ObjectNode u2 = u1.deepCopy();
      u2.put("status", "won");
      u2.putArray("tags").add("stateful-more");
      Write second = update(updParams, u2, current);
      if (second.accepted()) {
        stage = u2.get("stageId").asText();
        status = "won";
        current = second.read();
      }
    }
    Map<String, String> stParams = links.parameters(ops.status(), created);
    if (stParams != null) {
      ObjectNode s1 = Json.object();
      s1.put("status", status);
      s1.put("stageId", session.values().otherStage(stage));
      Write move = statusChange(stParams, s1, current);
      if (move.accepted()) {
        stage = s1.get("stageId").asText();
        current = move.read();
      }
      ObjectNode s2 = Json.object();
      s2.put("status", "lost");
      s2.put("stageId", stage);
      statusChange(stParams, s2, current);
    }
    Map<String, String> delParams = links.parameters(ops.delete(), created);
    if (delParams == null) {
      stopped(sequence + ": the create answer " + links.whyNot(ops.delete(), created)
          + ", so the delete and what follows it were not sent");
      return;
    }
    tick();
    Exchange deleted = send(ops.delete(), "delete (link)", Kind.POSITIVE, delParams, null, Step.DELETE, Facts.NONE);
    if (deleted.response().is2xx()) {
      afterDelete(id, email, body, getParams, updParams, stParams, delParams);
    } else {
      stopped(sequence + ": the delete " + deleted.response().brief()
          + ", so the requests to the deleted opportunity were not sent");
    }
  }

  private void stopped(String why) {
    session.recorder().notSent(Part.STATEFUL, why);
  }

  /** A valid create body that the later steps can tell apart: known title, stage, contact, tags and values. */
  private ObjectNode createBody(int n) {
    ObjectNode body = session.values().validBody(ops.create());
    body.put("title", "Stateful " + n + " " + session.identities().marker());
    body.put("status", "open");
    body.put("stageId", session.options().stageIds().get(0));
    body.remove("phone");
    body.put("email", session.identities().email());
    body.put("name", "Stateful Contact");
    body.put("companyName", "Stateful Co");
    body.putArray("tags").add("stateful").add("seq-" + n);
    body.put("monetaryValue", new BigDecimal(1000 + n + ".123456789")); // stored and answered unrounded
    body.put("assignedTo", "user-" + n);
    body.put("source", "conformance");
    return body;
  }

  /** Every operation on the deleted opportunity, through the same links; a missing link skips its operation. */
  private void afterDelete(String id, String email, ObjectNode body, Map<String, String> getParams,
                           Map<String, String> updParams, Map<String, String> stParams,
                           Map<String, String> delParams) {
    send(ops.get(), "read after delete", Kind.SCENARIO, getParams, null, Step.AFTER_DELETE, Facts.NONE);
    Operation list = ops.list();
    session.dispatcher().send(new TestCase(list, Phase.STATEFUL, Kind.SCENARIO, "list after delete", null,
            session.requests().build(list, session.requests().pathParams(list, null),
                List.of(Map.entry("email", email), Map.entry("limit", "100")), null, session.options().token())),
        Step.LIST_AFTER_DELETE, new Facts.ListAfterDelete(id));
    if (updParams != null) {
      send(ops.update(), "update after delete", Kind.SCENARIO, updParams, Json.write(body), Step.AFTER_DELETE,
          Facts.NONE);
    }
    if (stParams != null) {
      ObjectNode s = Json.object();
      s.put("status", "open");
      s.put("stageId", session.options().stageIds().get(0));
      send(ops.status(), "status change after delete", Kind.SCENARIO, stParams, Json.write(s), Step.AFTER_DELETE,
          Facts.NONE);
    }
    send(ops.delete(), "delete again", Kind.SCENARIO, delParams, null, Step.AFTER_DELETE, Facts.NONE);
  }

  /** An update through the link, then (when it was accepted) a read. */
  private Write update(Map<String, String> params, ObjectNode body, JsonNode before) {
    tick();
    Exchange u = send(ops.update(), "stateful update (link)", Kind.POSITIVE, params, Json.write(body), Step.UPDATE,
        new Facts.Update(before));
    if (!u.response().is2xx()) {
      return new Write(u, null);
    }
    Exchange r = send(ops.get(), "read after update", Kind.POSITIVE, params, null, Step.READ_AFTER_UPDATE,
        new Facts.ReadAfterUpdate(u));
    return new Write(u, Json.parse(r.response().body()));
  }

  /** A status change through the link, then (when it was accepted) a read. */
  private Write statusChange(Map<String, String> params, ObjectNode body, JsonNode before) {
    tick();
    Exchange s = send(ops.status(), "stateful status change (link)", Kind.POSITIVE, params, Json.write(body),
        Step.STATUS_CHANGE, Facts.NONE);
    if (!s.response().is2xx()) {
      return new Write(s, null);
    }
    Exchange r = send(ops.get(), "read after status change", Kind.POSITIVE, params, null,
        Step.READ_AFTER_STATUS_CHANGE, new Facts.ReadAfterStatusChange(s, before));
    return new Write(s, Json.parse(r.response().body()));
  }

  private Exchange send(Operation op, String description, Kind kind, Map<String, String> pathParams, String body,
                        Step step, Facts facts) {
    TestCase c = new TestCase(op, Phase.STATEFUL, kind, description, null,
        session.requests().build(op, pathParams, List.of(), body, session.options().token()));
    return session.dispatcher().send(c, step, facts);
  }

  /** Waits past the current millisecond, so that a timestamp the server sets next can be seen to move. */
  private static void tick() {
    try {
      Thread.sleep(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A write of the sequence and the opportunity as read right after it.
   *
   * @param read the read's body, null when the write was refused or the read was not JSON
   */
  private record Write(Exchange exchange, JsonNode read) {
    boolean accepted() {
      return exchange.response().is2xx();
    }
  }
}
