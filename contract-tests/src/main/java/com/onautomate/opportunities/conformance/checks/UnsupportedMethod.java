package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;

/** Catches undocumented methods that are not answered 405 Method Not Allowed with an Allow header. */
public final class UnsupportedMethod implements Check {

  @Override
  public String name() {
    return "unsupported_method";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("requests with an undocumented method",
        e -> e.kind() == Kind.UNSUPPORTED_METHOD, Part.GENERATED);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if (exchange.kind() != Kind.UNSUPPORTED_METHOD) {
      return CheckResult.skip();
    }
    int status = exchange.response().status();
    String method = exchange.request().method();
    if (status != 405) {
      return CheckResult.fail("Unsupported methods",
          "Unsupported method " + method + " returned " + status, "405 Method Not Allowed");
    }
    if (exchange.response().header("Allow") == null) {
      return CheckResult.fail("Unsupported methods",
          "Unsupported method " + method + " returned 405 without an Allow header",
          "405 Method Not Allowed with an Allow header (RFC 9110)");
    }
    return CheckResult.pass();
  }
}
