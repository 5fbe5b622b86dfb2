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
 * @param failures distinct failures, in the order first seen
 * @param neverObserved operation → documented statuses that no response had
 */
public record RunResult(long seed, List<String> checks, List<String> operations,
                        List<String> operationIds,
                        Map<String, Map<String, Tally>> tallies, Map<String, Long> requests,
                        List<Failure> failures, Map<String, List<String>> neverObserved) {

  public boolean passed() {
    return failures.isEmpty();
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
