package com.example.checks;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.Exchange;

/** A custom check with a defect: it throws on every answer (the run must report it, not stop). */
public final class AlwaysThrows implements Check {

  @Override
  public String name() {
    return "always_throws";
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    throw new IllegalStateException("a defect of this check");
  }
}
