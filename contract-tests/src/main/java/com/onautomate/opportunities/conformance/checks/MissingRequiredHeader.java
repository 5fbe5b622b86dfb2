package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;

/** Catches requests without the required Authorization header that are not answered 401. */
public final class MissingRequiredHeader implements Check {
  static final StatusSet DEFAULT = StatusSet.of("401");

  @Override
  public String name() {
    return "missing_required_header";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("requests without credentials", e -> e.kind() == Kind.MISSING_AUTH, Part.GENERATED);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.kind() != Kind.MISSING_AUTH) {
      return CheckResult.skip();
    }
    StatusSet expected = context.expected(name(), DEFAULT);
    int status = exchange.response().status();
    if (expected.contains(status)) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Missing header not rejected",
        "Got " + status + " when missing required 'Authorization' header", "a status in " + expected);
  }
}
