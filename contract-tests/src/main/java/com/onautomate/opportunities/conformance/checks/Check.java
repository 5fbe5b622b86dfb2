package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.http.Response;

/**
 * A check looks at one exchange and passes, skips or fails. It never throws for a failing server: what it cannot
 * judge is a {@linkplain CheckResult#cannotJudge failure in words}.
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

  /** The exchanges meant for this check and the parts of a run that send them: every answer, by default. */
  default Inputs inputs() {
    return Inputs.every("answers", e -> true);
  }

  /**
   * Whether the check judges this answer at all. By default it judges complete answers other than {@code 429}: a
   * rate-limited answer says nothing about the request, so checks of what the request should have done skip it
   * (and a run where every such answer was 429 is not counted as tested). Checks of the answer itself (its status,
   * media type, headers, body) judge 429s too; only {@code not_a_server_error} judges a missing answer.
   */
  default boolean appliesTo(Response response) {
    return response.answered() && response.status() != 429;
  }
}
