package com.onautomate.opportunities.conformance.report;

import java.util.List;
import java.util.Map;

/**
 * Everything a run found, ready to render; no clock or randomness in it, so its rendering is reproducible.
 *
 * @param checks the checks run, in registry order
 * @param operations operation labels, in spec order
 * @param operationIds the operations' ids, in the same order
 * @param tallies check → operation → tally
 * @param requests operation → requests sent for it
 * @param failures failures grouped by check, operation and kind, in the order first seen
 * @param neverObserved operation → documented statuses that no response had
 * @param coverage per selected check, in registry order: how much it judged
 * @param untested operations that got valid requests but no 2xx answer, each with why ("429 ×51")
 * @param notSent parts of the run not sent or stopped early, each with why
 * @param waits the waits on 429 answers
 * @param shrinkRequests requests sent to shrink failing cases to minimal ones, and to delete what they created
 *     (in no tally)
 */
public record RunResult(long seed, List<String> checks, List<String> operations,
                        List<String> operationIds,
                        Map<String, Map<String, Tally>> tallies, Map<String, Long> requests,
                        List<Failure> failures, Map<String, List<String>> neverObserved, List<Coverage> coverage,
                        List<String> untested, List<String> notSent, Waits waits, long shrinkRequests) {

  public RunResult {
    coverage = List.copyOf(coverage);
    untested = List.copyOf(untested);
    notSent = List.copyOf(notSent);
  }

  /** A result without shrinking. */
  public RunResult(long seed, List<String> checks, List<String> operations, List<String> operationIds,
                   Map<String, Map<String, Tally>> tallies, Map<String, Long> requests, List<Failure> failures,
                   Map<String, List<String>> neverObserved, List<Coverage> coverage, List<String> untested,
                   List<String> notSent, Waits waits) {
    this(seed, checks, operations, operationIds, tallies, requests, failures, neverObserved, coverage, untested, notSent,
        waits, 0);
  }

  /** Passed, failed (some check failed) or incomplete (nothing failed, but something selected was not tested). */
  public Outcome outcome() {
    if (!failures.isEmpty()) {
      return Outcome.FAILED;
    }
    return neverApplied().isEmpty() && untested.isEmpty() ? Outcome.PASSED : Outcome.INCOMPLETE;
  }

  public boolean passed() {
    return outcome() == Outcome.PASSED;
  }

  /** The selected checks that judged nothing although they could have. */
  public List<Coverage> neverApplied() {
    return coverage.stream().filter(c -> c.status() == Coverage.Status.NEVER_APPLIED).toList();
  }

  public Tally tally(String check, String operation) {
    return tallies.getOrDefault(check, Map.of()).getOrDefault(operation, Tally.ZERO);
  }

  public long totalRequests() {
    return requests.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Failed exchanges, all checks. */
  public int failedExchanges() {
    return failures.stream().mapToInt(Failure::occurrences).sum();
  }
}
