package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;

/**
 * A check looks at one exchange and passes, skips or fails. It never throws for a failing server.
 *
 * <pre>{@code CheckResult r = new NotAServerError().check(exchange, context);}</pre>
 */
public interface Check {

  /** The name used in {@code --checks}, the config file and the reports (Schemathesis's name where it has one). */
  String name();

  CheckResult check(Exchange exchange, CheckContext context);

  /** Whether the check runs when nothing enables or disables it explicitly. */
  default boolean enabledByDefault() {
    return true;
  }
}
