package com.onautomate.opportunities.conformance.checks;

import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.http.Response;

/**
 * A check looks at one exchange and passes, skips or fails. It never throws for a failing server: what it cannot
 * judge is a {@linkplain CheckResult#cannotJudge failure in words}.
 *
 * <p>This is also the interface of custom checks (the public check API, see the README's <i>Custom checks</i>): a
 * team implements it in a class with a public no-argument constructor, lists the class in
 * {@code META-INF/services/com.onautomate.opportunities.conformance.checks.Check}, and puts the jar on the class
 * path or gives it with {@code --checks-from}. A custom check is selected, configured and reported like the built-in
 * ones; an exception it throws is reported as a failure naming the check, never the end of the run.
 *
 * <pre>{@code
 * public final class RequestIdHeader implements Check {
 *   public String name() { return "request_id_header"; }
 *
 *   public CheckResult check(Exchange exchange, CheckContext context) {
 *     if (!exchange.response().is2xx()) {
 *       return CheckResult.skip();
 *     }
 *     return exchange.response().header("X-Request-Id") != null ? CheckResult.pass()
 *         : CheckResult.fail("Missing X-Request-Id", "no X-Request-Id header", "an X-Request-Id on every 2xx answer");
 *   }
 * }
 * }</pre>
 */
public interface Check {

  /**
   * The name used in {@code --checks}, the config file and the reports (Schemathesis's name where it has one):
   * letters, digits, {@code _} and {@code -}, unique among all checks.
   */
  String name();

  /**
   * Judges one exchange: {@link CheckResult#pass()}, {@link CheckResult#skip()} when it does not apply, or
   * {@link CheckResult#fail}. Called from several threads at once: keep no state between calls.
   */
  CheckResult check(Exchange exchange, CheckContext context);

  /**
   * This check with its settings from {@code [checks.NAME]} in {@code schemathesis.toml}, called once before a run
   * (with {@link CheckSettings#NONE} when there are none). Throw {@link IllegalArgumentException} for a bad setting:
   * the run does not start and the message is shown in one line. By default the settings are ignored.
   */
  default Check configured(CheckSettings settings) {
    return this;
  }

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
