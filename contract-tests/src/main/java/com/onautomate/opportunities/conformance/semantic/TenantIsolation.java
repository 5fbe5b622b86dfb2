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

/** Catches one location's token reading, listing, changing or deleting another location's opportunities. */
public final class TenantIsolation implements Check {

  @Override
  public String name() {
    return "tenant_isolation";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("requests with the other location's token and the reads after them",
        e -> e.step() == Step.OTHER_TENANT || e.step() == Step.TENANT_READBACK, Part.TENANT_ISOLATION);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.step() == Step.OTHER_TENANT) {
      if (exchange.response().status() == 404) {
        return CheckResult.pass();
      }
      return CheckResult.fail("Another location's data is reachable",
          exchange.response().describe() + " with the other location's token",
          "404 {\"msg\": \"Not Found\"}, as for an id that does not exist");
    }
    if (exchange.step() == Step.TENANT_READBACK && exchange.response().status() == 200) {
      JsonNode before = exchange.facts(Facts.TenantReadback.class).before();
      JsonNode after = Json.parse(exchange.response().body());
      if (Expectations.sameOpportunity(before, after)) {
        return CheckResult.pass();
      }
      return CheckResult.fail("Another location changed this location's data",
          "after the other location's writes: " + exchange.response().body(), "unchanged: " + before);
    }
    return CheckResult.skip();
  }
}
