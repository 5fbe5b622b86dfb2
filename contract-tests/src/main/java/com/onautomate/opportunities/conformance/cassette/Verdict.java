package com.onautomate.opportunities.conformance.cassette;

import com.onautomate.opportunities.conformance.checks.CheckResult;

/**
 * One check's verdict on one recorded exchange, in Schemathesis's words ({@code SUCCESS}, {@code FAILURE},
 * {@code SKIP}).
 *
 * @param title the failure's fixed title, or null when the check did not fail
 * @param message what the server did (a failure's "Received"), or null
 * @param documented what the contract says (a failure's "Documented"), or null
 */
public record Verdict(String name, Status status, String title, String message, String documented) {

  /** How the check judged the exchange. */
  public enum Status {
    SUCCESS, FAILURE, SKIP
  }

  /** The verdict a check gave. */
  public static Verdict of(String name, CheckResult result) {
    if (result instanceof CheckResult.Failed f) {
      return new Verdict(name, Status.FAILURE, Interaction.text(f.title()), Interaction.text(f.received()),
          Interaction.text(f.documented()));
    }
    return new Verdict(name, result instanceof CheckResult.Passed ? Status.SUCCESS : Status.SKIP, null, null, null);
  }

  public boolean failed() {
    return status == Status.FAILURE;
  }
}
