package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;

/** Catches status codes that the operation does not document. */
public final class StatusCodeConformance implements AnswerCheck {

  @Override
  public String name() {
    return "status_code_conformance";
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    Kind kind = exchange.kind();
    if (kind == Kind.UNSUPPORTED_METHOD || kind == Kind.OPTIONS) {
      return CheckResult.skip();
    }
    int status = exchange.response().status();
    if (exchange.operation().documents(status)) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Undocumented HTTP status code", Integer.toString(status),
        String.join(", ", exchange.operation().documentedStatuses()));
  }
}
