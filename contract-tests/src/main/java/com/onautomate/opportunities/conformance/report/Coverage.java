package com.onautomate.opportunities.conformance.report;

/**
 * How much a selected check judged: the exchanges it applied to, of those meant for it, and why it applied to none.
 *
 * @param judged exchanges the check passed or failed
 * @param inputs exchanges meant for it (sent for it, whatever the answer)
 * @param reason why it judged nothing, in words; null when it judged something
 */
public record Coverage(String check, long judged, long inputs, Status status, String reason) {

  /** Whether a check did its work. */
  public enum Status {
    /** It judged at least one exchange. */
    APPLIED,
    /** It judged nothing, and need not have: not enabled by the options, or it judges only what happens to come. */
    NOT_APPLIED,
    /** It judged nothing although it was selected and could have: the run is incomplete. */
    NEVER_APPLIED
  }
}
