package com.onautomate.opportunities.conformance.report;

/**
 * One distinct failure: which check, on which operation, what was received and documented, and how to reproduce it.
 *
 * @param operation e.g. {@code PUT /v1/pipelines/{pipelineId}/opportunities/{opportunityId}}
 * @param curl a curl command line of the request actually sent
 * @param occurrences how many exchanges failed the same way
 * @param shrinking how the example was shrunk to a minimal case, or null when it was not (a step of a sequence or
 *     scenario, or {@code --no-shrink})
 */
public record Failure(String check, String operation, String title, String received, String documented, String curl,
                      int occurrences, Shrinking shrinking) {

  /** A failure whose example is reported as it was sent. */
  public Failure(String check, String operation, String title, String received, String documented, String curl,
                 int occurrences) {
    this(check, operation, title, received, documented, curl, occurrences, null);
  }

  public Failure withOccurrences(int n) {
    return new Failure(check, operation, title, received, documented, curl, n, shrinking);
  }
}
