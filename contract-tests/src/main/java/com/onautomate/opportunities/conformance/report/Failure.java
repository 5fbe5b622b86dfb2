package com.onautomate.opportunities.conformance.report;

/**
 * One distinct failure: which check, on which operation, what was received and documented, and how to reproduce it.
 *
 * @param operation e.g. {@code PUT /v1/pipelines/{pipelineId}/opportunities/{opportunityId}}
 * @param curl a curl command line of the request actually sent
 * @param occurrences how many exchanges failed the same way
 */
public record Failure(String check, String operation, String title, String received, String documented, String curl,
                      int occurrences) {

  public Failure withOccurrences(int n) {
    return new Failure(check, operation, title, received, documented, curl, n);
  }
}
