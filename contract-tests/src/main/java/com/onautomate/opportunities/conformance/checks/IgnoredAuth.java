package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Part;

/** Catches operations that answer without credentials or with an invalid token instead of 401/403. */
public final class IgnoredAuth implements Check {

  @Override
  public String name() {
    return "ignored_auth";
  }

  @Override
  public Inputs inputs() {
    return Inputs.of("requests without valid credentials",
        e -> (e.kind() == Kind.MISSING_AUTH || e.kind() == Kind.INVALID_AUTH) && e.operation().requiresAuth(),
        Part.GENERATED);
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    if ((exchange.kind() != Kind.MISSING_AUTH && exchange.kind() != Kind.INVALID_AUTH)
        || !exchange.operation().requiresAuth()) {
      return CheckResult.skip();
    }
    int status = exchange.response().status();
    if (status == 401 || status == 403 || status == 429 || status >= 500) {
      return CheckResult.pass();
    }
    String how = exchange.kind() == Kind.MISSING_AUTH ? "without authentication" : "with an invalid token";
    return CheckResult.fail("API accepts requests " + how,
        exchange.response().describe() + " for " + exchange.operation().label(), "401 or 403");
  }
}
