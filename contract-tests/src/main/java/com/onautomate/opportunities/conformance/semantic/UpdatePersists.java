package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.checks.Inputs;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Step;
import java.util.ArrayList;
import java.util.List;

/** Catches an update that is not echoed or not persisted, or that moves updatedAt/lastStatusChangeAt wrongly. */
public final class UpdatePersists implements Check {

  @Override
  public String name() {
    return "update_persists";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("valid updates and the reads right after them",
        e -> (e.operation().id().equals("updateOpportunity") && e.kind() == Kind.POSITIVE)
            || e.step() == Step.READ_AFTER_UPDATE, Part.GENERATED, Part.STATEFUL);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (!exchange.response().is2xx()) {
      return CheckResult.skip();
    }
    List<String> diffs = new ArrayList<>();
    if (exchange.operation().id().equals("updateOpportunity")) {
      JsonNode sent = Json.parse(exchange.request().body());
      if (sent == null || !sent.isObject()) {
        return CheckResult.skip();
      }
      JsonNode before = exchange.step() == Step.UPDATE ? exchange.facts(Facts.Update.class).before() : null;
      JsonNode after = Json.parse(exchange.response().body());
      diffs.addAll(Expectations.mismatches(sent, after, Expectations.pipelineId(exchange), before));
      if (before != null && after != null) {
        boolean statusChanged = !Json.same(before.get("status"), sent.get("status"));
        diffs.addAll(Expectations.timestamps(before, after, statusChanged));
      }
    } else if (exchange.step() == Step.READ_AFTER_UPDATE) {
      Exchange update = exchange.facts(Facts.ReadAfterUpdate.class).update();
      if (!update.response().is2xx()) {
        return CheckResult.skip();
      }
      JsonNode answered = Json.parse(update.response().body());
      JsonNode read = Json.parse(exchange.response().body());
      if (!Expectations.sameOpportunity(answered, read)) {
        diffs.add("read " + exchange.response().body() + " but the update answered " + update.response().body());
      }
    } else {
      return CheckResult.skip();
    }
    if (diffs.isEmpty()) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Update not persisted as documented", String.join("; ", diffs),
        "the values sent, left-out optional fields kept, updatedAt moved, lastStatusChangeAt moved only on a status change");
  }
}
