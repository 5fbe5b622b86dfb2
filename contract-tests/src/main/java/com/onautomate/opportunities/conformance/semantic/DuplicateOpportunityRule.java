package com.onautomate.opportunities.conformance.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Step;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Json;

/** Catches a second opportunity for the same contact in a pipeline that does not allow duplicates, or a partial write. */
public final class DuplicateOpportunityRule implements Check {
  static final String MESSAGE = "Can not create duplicate opportunity for the contact.";

  @Override
  public String name() {
    return "duplicate_opportunity_rule";
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.step() == Step.DUPLICATE) {
      JsonNode body = Json.parse(exchange.response().body());
      if (exchange.response().status() == 400 && MESSAGE.equals(Json.text(body, "msg"))) {
        return CheckResult.pass();
      }
      return CheckResult.fail("Duplicate opportunity not refused", exchange.response().describe(),
          "400 {\"msg\": \"" + MESSAGE + "\"}");
    }
    if (exchange.step() == Step.DUPLICATE_COUNT && exchange.response().status() == 200) {
      long expected = exchange.facts(Facts.DuplicateCount.class).expectedTotal();
      JsonNode body = Json.parse(exchange.response().body());
      long total = body == null ? -1 : body.path("meta").path("total").asLong(-1);
      if (total == expected) {
        return CheckResult.pass();
      }
      return CheckResult.fail("Refused duplicate was written anyway",
          "the contact has " + total + " opportunities in the pipeline after the refused duplicates",
          expected + " (a refused request changes nothing)");
    }
    return CheckResult.skip();
  }
}
