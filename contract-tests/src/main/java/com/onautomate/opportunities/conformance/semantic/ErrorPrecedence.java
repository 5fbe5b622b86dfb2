package com.onautomate.opportunities.conformance.semantic;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.checks.Inputs;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Part;
import com.onautomate.opportunities.conformance.engine.Step;
import java.util.Set;

/**
 * Catches a request that breaks several rules answered with another error than the contract's order allows: 401
 * first (413 may come before it), then 413, 415, 400, then 404 or 422 in either order, the duplicate rule last; an
 * empty body of another media type 400 or 415.
 */
public final class ErrorPrecedence implements Check {
  private static final Set<Integer> MAY_REPLACE_ANY = Set.of(408, 429, 503);
  static final String ORDER = "401 (or 413 for a body over the limit), then 413, 415, 400, then 404 or 422, then the"
      + " duplicate rule's 400";

  @Override
  public String name() {
    return "error_precedence";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("requests that break several rules", e -> e.step() == Step.PRECEDENCE, Part.ERROR_PRECEDENCE);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    // 429 and 503 may replace any answer, 408 any answer to a body that did not arrive (the contract's order)
    if (exchange.step() != Step.PRECEDENCE || MAY_REPLACE_ANY.contains(exchange.response().status())) {
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
