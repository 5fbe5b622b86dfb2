package com.example.checks;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.Exchange;

/** A custom check that takes a built-in check's name: refused, it cannot replace the built-in one. */
public final class NamedAsBuiltIn implements Check {

  @Override
  public String name() {
    return "not_a_server_error";
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    return CheckResult.pass();
  }
}
