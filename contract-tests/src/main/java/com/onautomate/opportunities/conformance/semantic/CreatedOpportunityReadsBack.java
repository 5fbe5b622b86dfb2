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
import java.util.List;

/**
 * Catches a create whose answer, or a read right after it, does not hold the values sent (title as
 * name, stage, status, value, contact).
 */
public final class CreatedOpportunityReadsBack implements Check {

  @Override
  public String name() {
    return "created_opportunity_reads_back";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("valid creates and the reads right after them",
        e -> (e.operation().id().equals("createOpportunity") && e.kind() == Kind.POSITIVE)
            || e.step() == Step.READ_AFTER_CREATE, Part.GENERATED, Part.STATEFUL);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (!exchange.response().is2xx()) {
      return CheckResult.skip();
    }
    if (exchange.operation().id().equals("createOpportunity")) {
      JsonNode sent = Json.parse(exchange.request().body());
      if (sent == null || !sent.isObject()) {
        return CheckResult.skip();
      }
      return verdict(Expectations.mismatches(sent, Json.parse(exchange.response().body()),
          Expectations.pipelineId(exchange), null), "the values sent to create");
    }
    if (exchange.step() == Step.READ_AFTER_CREATE) {
      Exchange create = exchange.facts(Facts.ReadAfterCreate.class).create();
      JsonNode created = Json.parse(create.response().body());
      JsonNode read = Json.parse(exchange.response().body());
      List<String> diffs = Expectations.mismatches(Json.parse(create.request().body()), read,
          Expectations.pipelineId(create), null);
      String differs = read != null && created != null ? Expectations.difference(created, read) : null;
      if (differs != null) {
        diffs = new java.util.ArrayList<>(diffs);
        diffs.add("the read differs from the create's answer in " + differs);
      }
      return verdict(diffs, "the opportunity as created");
    }
    return CheckResult.skip();
  }

  private static CheckResult verdict(List<String> diffs, String documented) {
    if (diffs.isEmpty()) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Created opportunity does not read back", String.join("; ", diffs), documented);
  }
}
