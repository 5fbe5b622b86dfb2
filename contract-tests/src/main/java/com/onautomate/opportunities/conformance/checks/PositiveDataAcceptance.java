package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;

/** Catches valid requests (schema and contract rules respected) that the API rejects. */
public final class PositiveDataAcceptance implements Check {
  static final StatusSet DEFAULT = StatusSet.of("2xx", "401", "403", "404", "409", "429", "5xx");

  @Override
  public String name() {
    return "positive_data_acceptance";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("valid requests", e -> e.kind() == Kind.POSITIVE, Part.GENERATED);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.kind() != Kind.POSITIVE) {
      return CheckResult.skip();
    }
    StatusSet expected = context.expected(name(), DEFAULT);
    if (expected.contains(exchange.response().status())) {
      return CheckResult.pass();
    }
    return CheckResult.fail("API rejected schema-compliant request",
        exchange.response().describe() + " for " + exchange.testCase().description(), "a status in " + expected);
  }
}
