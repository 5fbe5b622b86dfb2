package com.onautomate.opportunities.conformance.stateful;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.Session;
import com.onautomate.opportunities.conformance.engine.Step;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.spec.OpportunityOperations;
import com.onautomate.opportunities.conformance.spec.Operation;
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

  /** Runs sequence {@code n}; it stops where the server's answers leave nothing to follow. */
  public void run(int n) {
    ObjectNode body = createBody(n);
    Exchange created = send(ops.create(), "stateful create", Kind.POSITIVE,
        session.requests().pathParams(ops.create(), null), Json.write(body), Step.CREATE, Facts.NONE);
    JsonNode createdBody = Json.parse(created.response().body());
    if (!created.response().is2xx() || Json.text(createdBody, "id") == null) {
      return;
    }
    String id = Json.text(createdBody, "id");
    Map<String, String> getParams = links.parameters(ops.get(), created);
    if (getParams == null) {
      return;
    }
    Exchange read = send(ops.get(), "read after create (link)", Kind.POSITIVE, getParams, null,
        Step.READ_AFTER_CREATE, new Facts.ReadAfterCreate(created));
    JsonNode current = Json.parse(read.response().body());
    String email = body.get("email").asText();
    session.listing().listAll(Map.of("email", email), Phase.STATEFUL, Set.of(id), "email", List.of(email));

    Map<String, String> updParams = links.parameters(ops.update(), created);
    if (updParams != null && current != null) {
      ObjectNode u1 = body.deepCopy();
      u1.put("stageId", session.values().otherStage(body.get("stageId").asText()));
      u1.put("title", body.get("title").asText() + " v2");
      u1.remove(List.of("monetaryValue", "source"));
      current = update(updParams, u1, current);
      ObjectNode u2 = u1.deepCopy();
      u2.put("status", "won");
      u2.putArray("tags").add("stateful-more");
      if (current != null) {
        current = update(updParams, u2, current);
      }
    }
    Map<String, String> stParams = links.parameters(ops.status(), created);
    if (stParams != null && current != null) {
      ObjectNode s1 = Json.object();
      s1.put("status", Json.text(current, "status"));
      s1.put("stageId", session.values().otherStage(Json.text(current, "pipelineStageId")));
      current = statusChange(stParams, s1, current);
      if (current != null) {
        ObjectNode s2 = Json.object();
        s2.put("status", "lost");
        s2.put("stageId", Json.text(current, "pipelineStageId"));
        statusChange(stParams, s2, current);
      }
    }
    Map<String, String> delParams = links.parameters(ops.delete(), created);
    if (delParams == null) {
      return;
    }
    tick();
    Exchange deleted = send(ops.delete(), "delete (link)", Kind.POSITIVE, delParams, null, Step.DELETE, Facts.NONE);
    if (deleted.response().is2xx()) {
      afterDelete(id, email, body, getParams, updParams, stParams, delParams);
    }
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
    body.put("monetaryValue", 1000 + n);
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

  /** An update through the link, then a read; returns the opportunity read, or null when the update was refused. */
  private JsonNode update(Map<String, String> params, ObjectNode body, JsonNode before) {
    tick();
    Exchange u = send(ops.update(), "stateful update (link)", Kind.POSITIVE, params, Json.write(body), Step.UPDATE,
        new Facts.Update(before));
    if (!u.response().is2xx()) {
      return null;
    }
    Exchange r = send(ops.get(), "read after update", Kind.POSITIVE, params, null, Step.READ_AFTER_UPDATE,
        new Facts.ReadAfterUpdate(u));
    return Json.parse(r.response().body());
  }

  /** A status change through the link, then a read; returns the opportunity read, or null when it was refused. */
  private JsonNode statusChange(Map<String, String> params, ObjectNode body, JsonNode before) {
    tick();
    Exchange s = send(ops.status(), "stateful status change (link)", Kind.POSITIVE, params, Json.write(body),
        Step.STATUS_CHANGE, Facts.NONE);
    if (!s.response().is2xx()) {
      return null;
    }
    Exchange r = send(ops.get(), "read after status change", Kind.POSITIVE, params, null,
        Step.READ_AFTER_STATUS_CHANGE, new Facts.ReadAfterStatusChange(s, before));
    return Json.parse(r.response().body());
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
}
