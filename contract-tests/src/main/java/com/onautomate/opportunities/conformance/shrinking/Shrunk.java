package com.onautomate.opportunities.conformance.shrinking;

import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.TestCase;

/**
 * What shrinking found: the smallest case that still failed the same way (the original when none smaller did).
 *
 * @param failure the check's failure on {@code minimal}
 * @param tries candidates sent
 * @param stoppedBy what ended the search before it was done, or null when no simpler candidate was left
 * @param smaller whether a candidate failed the same way (when not, {@code minimal} is the case as generated)
 */
public record Shrunk(TestCase minimal, CheckResult.Failed failure, int tries, Stop stoppedBy, boolean smaller) {

  /** What can end a search before it is done. */
  public enum Stop {
    REQUEST_BUDGET("the request budget"),
    TIME_BUDGET("the time budget");

    private final String words;

    Stop(String words) {
      this.words = words;
    }

    /** The budget in words: "the request budget". */
    public String words() {
      return words;
    }
  }
}
