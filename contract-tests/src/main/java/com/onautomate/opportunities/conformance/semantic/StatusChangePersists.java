package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.checks.Inputs;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Step;
import java.util.ArrayList;
import java.util.List;

/** Catches a status change that does not persist, touches other fields, or moves the timestamps wrongly. */
public final class StatusChangePersists implements Check {

  @Override
  public String name() {
    return "status_change_persists";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("reads right after a status change",
        e -> e.step() == Step.READ_AFTER_STATUS_CHANGE, Part.STATEFUL);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.step() != Step.READ_AFTER_STATUS_CHANGE || !exchange.response().is2xx()) {
      return CheckResult.skip();
    }
    Facts.ReadAfterStatusChange facts = exchange.facts(Facts.ReadAfterStatusChange.class);
    Exchange change = facts.change();
    JsonNode before = facts.before();
    if (!change.response().is2xx()) {
      return CheckResult.skip();
    }
    if (before == null) {
      return CheckResult.cannotJudge("the read before the status change was not an opportunity, so what the change "
          + "kept cannot be told");
    }
    JsonNode sent = Json.parse(change.request().body());
    JsonNode after = Json.parse(exchange.response().body());
    List<String> diffs = new ArrayList<>();
    if (after == null || !after.isObject()) {
      diffs.add("the read is not an opportunity");
    } else {
      if (!Json.same(sent.get("status"), after.get("status"))) {
        diffs.add("status is " + after.get("status") + ", expected " + sent.get("status"));
      }
      if (!Json.same(sent.get("stageId"), after.get("pipelineStageId"))) {
        diffs.add("pipelineStageId is " + after.get("pipelineStageId") + ", expected " + sent.get("stageId"));
      }
      for (String kept : List.of("name", "monetaryValue", "assignedTo", "source", "pipelineId", "contact")) {
        if (!Expectations.sameValue(kept, before.get(kept), after.get(kept))) {
          diffs.add(kept + " changed from " + before.get(kept) + " to " + after.get(kept));
        }
      }
      diffs.addAll(Expectations.timestamps(before, after, !Json.same(before.get("status"), sent.get("status"))));
    }
    if (!change.response().body().isEmpty()) {
      diffs.add("the status change answered a body: " + change.response().body());
    }
    if (diffs.isEmpty()) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Status change not persisted as documented", String.join("; ", diffs),
        "200 with an empty body; status and stage set, nothing else changed, updatedAt moved, "
            + "lastStatusChangeAt moved only if the status changed");
  }
}
