package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Step;

/** Catches a just-created opportunity that the linked operations answer 404. */
public final class EnsureResourceAvailability implements Check {

  @Override
  public String name() {
    return "ensure_resource_availability";
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
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
