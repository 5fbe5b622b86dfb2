package com.onautomate.opportunities.conformance.report;

/**
 * The result of a run, and the CLI's exit code for it.
 *
 * <p>A run with failures is {@link #FAILED} even when it is also incomplete: a failure is something to fix on the
 * server, whatever else the run could not test.
 */
public enum Outcome {
  /** Every selected check that could apply did, and found nothing. */
  PASSED(0),
  /** At least one check failed. */
  FAILED(1),
  /**
   * Nothing failed, but something was not tested: a selected check never applied although it could have, or an
   * operation never gave a 2xx answer (e.g. a rate limit answered everything 429). Not 0, so that CI does not take
   * an untested server for a conforming one; not 1, so that scripts can tell "fix the server" from "run it again
   * slower" (--rate-limit); not 2, which is for bad arguments.
   */
  INCOMPLETE(3);

  private final int exitCode;

  Outcome(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
