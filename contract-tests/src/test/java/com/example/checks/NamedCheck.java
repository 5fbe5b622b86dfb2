package com.example.checks;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.Exchange;

/**
 * A custom check with any name; as ServiceLoader makes it, a built-in check's: refused, it cannot replace the
 * built-in one.
 */
public final class NamedCheck implements Check {
  private final String name;

  public NamedCheck() {
    this("not_a_server_error");
  }

  public NamedCheck(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    return CheckResult.pass();
  }
}
