package com.example.checks;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.checks.CheckSettings;
import com.onautomate.opportunities.conformance.engine.Exchange;

/** A custom check with a setting: {@code [checks.forbidden_status] status = 404} fails every answer of that status. */
public final class ForbiddenStatus implements Check {
  private final int status;

  public ForbiddenStatus() {
    this(599);
  }

  private ForbiddenStatus(int status) {
    this.status = status;
  }

  @Override
  public String name() {
    return "forbidden_status";
  }

  @Override
  public Check configured(CheckSettings settings) {
    return new ForbiddenStatus((int) settings.number("status", 599));
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    int got = exchange.response().status();
    return got == status ? CheckResult.fail("Forbidden status", Integer.toString(got), "any status but " + status)
        : CheckResult.pass();
  }
}
