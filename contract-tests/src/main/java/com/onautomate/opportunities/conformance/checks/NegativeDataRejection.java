package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;

/** Catches invalid requests (schema-breaking data, a missing body, a wrong media type) that the API accepts. */
public final class NegativeDataRejection implements Check {
  static final StatusSet DEFAULT =
      StatusSet.of("400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx");

  @Override
  public String name() {
    return "negative_data_rejection";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("invalid requests", e -> e.kind() == Kind.NEGATIVE, Part.GENERATED);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.kind() != Kind.NEGATIVE) {
      return CheckResult.skip();
    }
    StatusSet expected = context.expected(name(), DEFAULT);
    if (expected.contains(exchange.response().status())) {
      return CheckResult.pass();
    }
    return CheckResult.fail("API accepted schema-violating request",
        exchange.response().describe() + " for invalid " + exchange.testCase().description(),
        "a status in " + expected);
  }
}
