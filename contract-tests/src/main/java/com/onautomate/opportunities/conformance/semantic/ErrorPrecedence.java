package com.onautomate.opportunities.conformance.semantic;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Step;

/**
 * Catches a request that breaks several rules answered with another error than the contract's order allows: 401
 * first (413 may come before it), then 413, 415, 400, then 404 or 422 in either order, the duplicate rule last; an
 * empty body of another media type 400 or 415.
 */
public final class ErrorPrecedence implements Check {
  static final String ORDER = "401 (or 413 for a body over the limit), then 413, 415, 400, then 404 or 422, then the"
      + " duplicate rule's 400";

  @Override
  public String name() {
    return "error_precedence";
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.step() != Step.PRECEDENCE || exchange.response().status() == 429) {
      return CheckResult.skip();
    }
    Facts.Precedence p = exchange.facts(Facts.Precedence.class);
    int status = exchange.response().status();
    if (p.allowed().contains(status)) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Errors not answered in the documented order",
        exchange.response().describe() + " for a request with " + p.faults(),
        (p.allowed().size() == 1 ? "" : "one of ") + p.allowed() + " (" + ORDER + ")");
  }
}
