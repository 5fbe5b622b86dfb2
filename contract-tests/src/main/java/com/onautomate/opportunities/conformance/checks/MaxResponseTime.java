package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.http.Response;
import java.util.Locale;

/** Catches responses slower than the configured limit (off unless a limit is given). */
public final class MaxResponseTime implements Check {

  @Override
  public String name() {
    return "max_response_time";
  }

  @Override
  public boolean enabledByDefault() {
    return false;
  }

  @Override
  public boolean appliesTo(Response response) {
    return response.answered();
  }

  @Override
  public CheckResult check(Exchange exchange, CheckContext context) {
    Double limit = context.maxResponseTimeMillis();
    if (limit == null) {
      return CheckResult.skip();
    }
    double actual = exchange.response().elapsedMillis();
    if (actual <= limit) {
      return CheckResult.pass();
    }
    return CheckResult.fail("Response time limit exceeded",
        String.format(Locale.ROOT, "%.2fms", actual), String.format(Locale.ROOT, "at most %.2fms", limit));
  }
}
