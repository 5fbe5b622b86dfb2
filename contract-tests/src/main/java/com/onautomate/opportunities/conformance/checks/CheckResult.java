package com.onautomate.opportunities.conformance.checks;

/** What a check says about one exchange: passed, skipped (not applicable) or a failure. */
public sealed interface CheckResult {

  /** The check applied and found nothing wrong. */
  record Passed() implements CheckResult {
  }

  /** The check does not apply to this exchange. */
  record Skipped() implements CheckResult {
  }

  /**
   * The check found a problem.
   *
   * @param title a fixed title, e.g. "Undocumented HTTP status code"
   * @param received what the server did
   * @param documented what the contract says it should do
   */
  record Failed(String title, String received, String documented) implements CheckResult {
  }

  CheckResult PASSED = new Passed();
  CheckResult SKIPPED = new Skipped();

  static CheckResult pass() {
    return PASSED;
  }

  static CheckResult skip() {
    return SKIPPED;
  }

  static CheckResult fail(String title, String received, String documented) {
    return new Failed(title, received, documented);
  }

  /**
   * The check applies but cannot judge what the server sent (a body it cannot read, a field it needs missing): a
   * failure in words, which a check returns instead of throwing; the recorder also turns a check's exception into one.
   *
   * @param why what the server sent that the check could not judge
   */
  static CheckResult cannotJudge(String why) {
    return new Failed("Check could not judge the response", why, "a response the check can read");
  }
}
