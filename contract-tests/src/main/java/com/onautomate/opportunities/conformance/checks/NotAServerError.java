package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.http.Response;

/**
 * Catches server errors: any 5xx answer (expected statuses default 2xx, 3xx, 4xx) that the operation does not document
 * by its code, or no complete answer at all. A documented 5xx (the contract's {@code 503} ServiceUnavailable) is an
 * answer the contract allows; the other checks judge its shape.
 */
public final class NotAServerError implements Check {
  static final StatusSet DEFAULT = StatusSet.of("2xx", "3xx", "4xx");

  @Override
  public String name() {
    return "not_a_server_error";
  }

  @Override
  public boolean appliesTo(Response response) {
    return true;
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    StatusSet expected = context.expected(name(), DEFAULT);
    if (!exchange.response().answered()) {
      return CheckResult.fail("No complete answer", exchange.response().describe(),
          "a complete answer with a status in " + expected);
    }
    int status = exchange.response().status();
    if (expected.contains(status) || exchange.operation().responses().containsKey(Integer.toString(status))) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Server error", exchange.response().describe(), "a status in " + expected);
  }
}
