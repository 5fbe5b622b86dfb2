package com.onautomate.opportunities.conformance.report;

/** Passed, failed and skipped counts of one check on one operation. */
public record Tally(int passed, int failed, int skipped) {
  public static final Tally ZERO = new Tally(0, 0, 0);

  /** Exchanges the check applied to: passed or failed, not skipped. */
  public int judged() {
    return passed + failed;
  }

  public Tally plus(Tally o) {
    return new Tally(passed + o.passed, failed + o.failed, skipped + o.skipped);
  }
}
