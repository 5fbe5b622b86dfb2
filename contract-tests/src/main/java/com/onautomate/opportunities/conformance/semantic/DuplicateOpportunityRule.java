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

/** Catches a second opportunity for the same contact in a pipeline that does not allow duplicates, or a partial write. */
public final class DuplicateOpportunityRule implements Check {
  /** The 400 answer's {@code msg} for a duplicate. */
  public static final String MESSAGE = "Can not create duplicate opportunity for the contact.";

  @Override
  public String name() {
    return "duplicate_opportunity_rule";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("duplicates and the counts after them",
        e -> e.step() == Step.DUPLICATE || e.step() == Step.DUPLICATE_COUNT, Part.DUPLICATES);
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
      JsonNode total = body == null ? null : body.path("meta").get("total");
      if (total == null || !total.isIntegralNumber()) {
        return CheckResult.cannotJudge("the count answer " + exchange.response().describe()
            + " has no number in `meta.total`, so whether a refused duplicate was written cannot be told");
      }
      if (total.asLong() == expected) {
        return CheckResult.pass();
      }
      return CheckResult.fail("Refused duplicate was written anyway",
          "the contact has " + total + " opportunities in the pipeline after the refused duplicates",
          expected + " (a refused request changes nothing)");
    }
    return CheckResult.skip();
  }
}
