package com.onautomate.opportunities.conformance.report;

/**
 * How a failure's example was shrunk before it was reported: the case as generated, and what the search did.
 *
 * @param generatedAs the case's description as generated, e.g. {@code title: unicode text}
 * @param generatedCurl the curl line of the case as generated
 * @param generatedSize the case as generated in a few words, e.g. {@code a body of 9 properties, 412 bytes}
 * @param requests the requests the search sent for this failure
 * @param changed whether a smaller case failed the same way (when not, the example is the case as generated)
 * @param stoppedBy the budget that ended the search, e.g. {@code the request budget (100 requests)}, or null when
 *     no simpler candidate was left
 */
public record Shrinking(String generatedAs, String generatedCurl, String generatedSize, int requests, boolean changed,
                        String stoppedBy) {

  /** One line for the report: what the example was shrunk from, with how many requests, and why the search ended. */
  public String summary() {
    String sent = requests + (requests == 1 ? " request" : " requests");
    String stop = stoppedBy == null ? "" : "; stopped by " + stoppedBy;
    if (!changed) {
      return "Not shrunk: no simpler case failed the same way (" + sent + stop + ")";
    }
    return "Shrunk from the case generated as \"" + generatedAs + "\" (" + generatedSize + ") with " + sent + stop;
  }
}
