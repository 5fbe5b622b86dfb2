package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Step;

/** Catches a deleted opportunity that is still answered (anything but 404 after a successful DELETE). */
public final class UseAfterFree implements Check {

  @Override
  public String name() {
    return "use_after_free";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("requests to a deleted opportunity", e -> e.step() == Step.AFTER_DELETE, Part.STATEFUL);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.step() != Step.AFTER_DELETE) {
      return CheckResult.skip();
    }
    int status = exchange.response().status();
    if (status == 404 || status == 429) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Use after free",
        exchange.response().describe() + " for " + exchange.operation().label() + " after a successful DELETE",
        "404 Not Found for a resource that was deleted");
  }
}
