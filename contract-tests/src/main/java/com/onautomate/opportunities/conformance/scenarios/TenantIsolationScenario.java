package com.onautomate.opportunities.conformance.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Session;
import com.onautomate.opportunities.conformance.engine.Step;
import java.util.List;

/**
 * Tenant isolation ({@code tenant_isolation}, with {@code --other-token}): the other location reads, lists, updates,
 * changes the status of, creates in and deletes this location's data ({@link Step#OTHER_TENANT}); then the fixture
 * is read back unchanged ({@link Step#TENANT_READBACK}).
 */
final class TenantIsolationScenario extends Scenario {
  TenantIsolationScenario(Session session) {
    super(session, Part.TENANT_ISOLATION);
  }

  void run(String fixture) {
    String token = session.options().token();
    String other = session.options().otherToken();
    Exchange before = send(testCase(ops.get(), Kind.POSITIVE, "read before the other location tries", fixture,
        List.of(), null, token), Step.NONE, Facts.NONE);
    if (before.response().status() != 200) {
      return;
    }
    JsonNode state = Json.parse(before.response().body());
    send(testCase(ops.get(), Kind.SCENARIO, "read with the other location's token", fixture, List.of(), null,
        other), Step.OTHER_TENANT, Facts.NONE);
    send(testCase(ops.list(), Kind.SCENARIO, "list with the other location's token", null, List.of(), null,
        other), Step.OTHER_TENANT, Facts.NONE);
    ObjectNode change = body("Changed by another location");
    send(testCase(ops.update(), Kind.SCENARIO, "update with the other location's token", fixture, List.of(),
        Json.write(change), other), Step.OTHER_TENANT, Facts.NONE);
    ObjectNode st = Json.object();
    st.put("status", "abandoned");
    st.put("stageId", session.options().stageIds().get(0));
    send(testCase(ops.status(), Kind.SCENARIO, "status change with the other location's token", fixture,
        List.of(), Json.write(st), other), Step.OTHER_TENANT, Facts.NONE);
    send(testCase(ops.create(), Kind.SCENARIO, "create in this pipeline with the other location's token", null,
        List.of(), Json.write(body("Created by another location")), other), Step.OTHER_TENANT, Facts.NONE);
    send(testCase(ops.delete(), Kind.SCENARIO, "delete with the other location's token", fixture, List.of(),
        null, other), Step.OTHER_TENANT, Facts.NONE);
    send(testCase(ops.get(), Kind.POSITIVE, "read after the other location tried", fixture, List.of(), null,
        token), Step.TENANT_READBACK, new Facts.TenantReadback(state));
  }
}
