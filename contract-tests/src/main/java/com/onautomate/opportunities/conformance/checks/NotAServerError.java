package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;

/** Catches server errors: any 5xx answer (expected statuses default 2xx, 3xx, 4xx). */
public final class NotAServerError implements Check {
  static final StatusSet DEFAULT = StatusSet.of("2xx", "3xx", "4xx");

  @Override
  public String name() {
    return "not_a_server_error";
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    StatusSet expected = context.expected(name(), DEFAULT);
    int status = exchange.response().status();
    if (expected.contains(status)) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Server error", exchange.response().describe(), "a status in " + expected);
  }
}
