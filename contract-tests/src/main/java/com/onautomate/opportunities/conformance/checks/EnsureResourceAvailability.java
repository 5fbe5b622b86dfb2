package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Step;
import com.onautomate.opportunities.conformance.stateful.Links;

/** Catches a just-created opportunity that the linked operations answer 404, or a create answer with nothing to follow. */
public final class EnsureResourceAvailability implements Check {

  @Override
  public String name() {
    return "ensure_resource_availability";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("creates of a stateful sequence and the reads right after them",
        e -> e.step() == Step.CREATE || e.step() == Step.READ_AFTER_CREATE, Part.STATEFUL);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.step() == Step.CREATE) {
      if (!exchange.response().is2xx()) {
        return CheckResult.skip(); // a refused create is positive_data_acceptance's business
      }
      String why = new Links(exchange.operation()).whyNot(context.contract().require("getOpportunity"), exchange);
      return why == null ? CheckResult.skip()
          : CheckResult.cannotJudge("the create answer " + why + ", so the stateful sequence stopped here");
    }
    if (exchange.step() != Step.READ_AFTER_CREATE) {
      return CheckResult.skip();
    }
    int status = exchange.response().status();
    if (status != 404 && status != 410) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Resource is not available after creation",
        status + " for " + exchange.operation().label() + " (followed link from createOpportunity)",
        "the opportunity just created");
  }
}
