package com.onautomate.opportunities.conformance.engine;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.report.Failure;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.Tally;
import com.onautomate.opportunities.conformance.spec.Contract;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every selected check on every exchange and keeps the tallies (per check and operation: passed, failed,
 * skipped), the distinct failures and the statuses seen.
 */
public final class Recorder {
  private final List<Check> checks;
  private final CheckContext context;
  private final Contract contract;
  private final String baseUrl;
  private final Map<String, Map<String, Tally>> tallies = new LinkedHashMap<>();
  private final Map<String, Long> requests = new LinkedHashMap<>();
  private final Map<String, Failure> failures = new LinkedHashMap<>();
  private final Map<String, Set<Integer>> observed = new LinkedHashMap<>();
  private final Map<String, Integer> failuresPerOperation = new LinkedHashMap<>();

  public Recorder(List<Check> checks, CheckContext context, String baseUrl) {
    this.checks = List.copyOf(checks);
    this.context = context;
    this.contract = context.contract();
    this.baseUrl = baseUrl;
    for (Check c : checks) {
      tallies.put(c.name(), new LinkedHashMap<>());
    }
    for (Operation op : contract.operations()) {
      requests.put(op.label(), 0L);
      observed.put(op.label(), new LinkedHashSet<>());
    }
  }

  /** Judges one exchange with every check and records the verdicts; returns the number of checks that failed. */
  public int record(Exchange exchange) {
    return apply(exchange, judge(exchange));
  }

  /** The verdict of every check on one exchange, in check order; safe to call from several threads. */
  public List<CheckResult> judge(Exchange exchange) {
    List<CheckResult> results = new ArrayList<>(checks.size());
    for (Check check : checks) {
      CheckResult result;
      try {
        result = check.check(exchange, context);
      } catch (RuntimeException e) { // a check that throws is its own failure, never the end of the run
        result = CheckResult.cannotJudge(
            e.getClass().getSimpleName() + ": " + e.getMessage() + " on " + exchange.response().describe());
      }
      results.add(result);
    }
    return results;
  }

  /** Records verdicts from {@link #judge}; call in the order the exchanges should be reported. */
  public synchronized int apply(Exchange exchange, List<CheckResult> results) {
    String op = exchange.operation().label();
    requests.merge(op, 1L, Long::sum);
    Kind kind = exchange.kind();
    if (kind != Kind.UNSUPPORTED_METHOD && kind != Kind.OPTIONS) {
      observed.get(op).add(exchange.response().status());
    }
    int failed = 0;
    for (int i = 0; i < checks.size(); i++) {
      CheckResult result = results.get(i);
      Tally t;
      if (result instanceof CheckResult.Failed f) {
        addFailure(checks.get(i).name(), exchange, f);
        t = new Tally(0, 1, 0);
        failed++;
      } else if (result instanceof CheckResult.Passed) {
        t = new Tally(1, 0, 0);
      } else {
        t = new Tally(0, 0, 1);
      }
      tallies.get(checks.get(i).name()).merge(op, t, Tally::plus);
    }
    if (failed > 0) {
      failuresPerOperation.merge(op, 1, Integer::sum);
    }
    return failed;
  }

  private void addFailure(String check, Exchange exchange, CheckResult.Failed f) {
    String op = exchange.operation().label();
    String key = failureKey(check, op, f);
    Failure existing = failures.get(key);
    if (existing != null) {
      failures.put(key, existing.withOccurrences(existing.occurrences() + 1));
    } else {
      failures.put(key, new Failure(check, op, f.title(), f.received(), f.documented(),
          exchange.request().toCurl(baseUrl), 1));
    }
  }

  /**
   * What makes two failures one: today the check, the operation and the whole verdict, so that verdicts naming
   * different values stay apart; the first exchange's curl line represents them all.
   */
  private static String failureKey(String check, String operation, CheckResult.Failed f) {
    return check + "\u0000" + operation + "\u0000" + f.title() + "\u0000" + f.received() + "\u0000" + f.documented();
  }

  public long requestsFor(Operation op) {
    return requests.getOrDefault(op.label(), 0L);
  }

  public int failedExchangesFor(Operation op) {
    return failuresPerOperation.getOrDefault(op.label(), 0);
  }

  public long totalRequests() {
    return requests.values().stream().mapToLong(Long::longValue).sum();
  }

  public int totalFailedExchanges() {
    return failuresPerOperation.values().stream().mapToInt(Integer::intValue).sum();
  }

  public RunResult result(long seed) {
    Map<String, List<String>> never = new LinkedHashMap<>();
    for (Operation op : contract.operations()) {
      List<String> missing = new ArrayList<>();
      for (String s : op.documentedStatuses()) {
        boolean seen = observed.get(op.label()).stream().anyMatch(code -> matches(s, code));
        if (!seen) {
          missing.add(s);
        }
      }
      never.put(op.label(), missing);
    }
    List<String> ops = contract.operations().stream().map(Operation::label).toList();
    return new RunResult(seed, checks.stream().map(Check::name).toList(), ops,
        contract.operations().stream().map(Operation::id).toList(), tallies, requests,
        new ArrayList<>(failures.values()), never);
  }

  private static boolean matches(String documented, int status) {
    if (documented.equals("default")) {
      return true;
    }
    String s = Integer.toString(status);
    return documented.equals(s)
        || (documented.substring(1).equalsIgnoreCase("xx") && documented.charAt(0) == s.charAt(0));
  }
}
