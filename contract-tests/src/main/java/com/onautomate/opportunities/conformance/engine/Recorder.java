package com.onautomate.opportunities.conformance.engine;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.checks.Inputs;
import com.onautomate.opportunities.conformance.report.Coverage;
import com.onautomate.opportunities.conformance.report.Failure;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.Shrinking;
import com.onautomate.opportunities.conformance.report.Tally;
import com.onautomate.opportunities.conformance.report.Waits;
import com.onautomate.opportunities.conformance.spec.Contract;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every selected check on every exchange and keeps what a report needs: the tallies (per check and operation:
 * passed, failed, skipped), the failures grouped by cause, the statuses seen, how many exchanges were meant for each
 * check and how they were answered, and the parts of the run that were not sent.
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
  private final Map<String, Answers> inputs = new LinkedHashMap<>();
  private final Map<String, Answers> validRequests = new LinkedHashMap<>();
  private final List<Note> notes = new ArrayList<>();
  private final Map<String, Representative> representatives = new LinkedHashMap<>();
  private final Set<String> frozen = new HashSet<>();
  private final Set<Representative> searched = Collections.newSetFromMap(new IdentityHashMap<>());
  private long shrinkRequests;
  private volatile ExchangeListener listener = ExchangeListener.NONE;

  public Recorder(List<Check> checks, CheckContext context, String baseUrl) {
    this.checks = List.copyOf(checks);
    this.context = context;
    this.contract = context.contract();
    this.baseUrl = baseUrl;
    for (Check c : checks) {
      tallies.put(c.name(), new LinkedHashMap<>());
      inputs.put(c.name(), new Answers());
    }
    for (Operation op : contract.operations()) {
      requests.put(op.label(), 0L);
      observed.put(op.label(), new LinkedHashSet<>());
      validRequests.put(op.label(), new Answers());
    }
  }

  /** Hands every exchange recorded from now on, with its verdicts, to {@code l} (a cassette, the proxy's log). */
  public void listen(ExchangeListener l) {
    this.listener = l;
  }

  /** Judges one exchange with every check and records the verdicts; returns the number of checks that failed. */
  public int record(Exchange exchange) {
    return apply(exchange, judge(exchange));
  }

  /** The verdict of every check on one exchange, in check order; safe to call from several threads. */
  public List<CheckResult> judge(Exchange exchange) {
    List<CheckResult> results = new ArrayList<>(checks.size());
    for (Check check : checks) {
      results.add(verdict(check, exchange));
    }
    return results;
  }

  /** The verdict of one check on an exchange (a shrinking candidate's). */
  CheckResult judge(String check, Exchange exchange) {
    return verdict(checks.stream().filter(c -> c.name().equals(check)).findFirst().orElseThrow(), exchange);
  }

  private CheckResult verdict(Check check, Exchange exchange) {
    if (!check.appliesTo(exchange.response())) {
      return CheckResult.skip();
    }
    try {
      return check.check(exchange, context);
    } catch (RuntimeException e) { // a defect of a check: reported as such, never the end of the run
      StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
      return CheckResult.cannotJudge("the check stopped on the answer " + exchange.response().describe()
          + " (" + defectOf(check) + ", please report it: " + e.getClass().getSimpleName()
          + (at == null ? "" : " at " + at.getFileName() + ":" + at.getLineNumber()) + ")");
    }
  }

  /** Who to tell about a check that threw: the suite's own checks are ours, a custom check is its authors'. */
  private static String defectOf(Check check) {
    boolean ours = check.getClass().getName().startsWith("com.onautomate.opportunities.conformance.")
        && check.getClass().getClassLoader() == Check.class.getClassLoader();
    return ours ? "a defect of the suite" : "a defect of the custom check " + check.getClass().getName();
  }

  /** Records verdicts from {@link #judge}; call in the order the exchanges should be reported. */
  public synchronized int apply(Exchange exchange, List<CheckResult> results) {
    String op = exchange.operation().label();
    requests.merge(op, 1L, Long::sum);
    Kind kind = exchange.kind();
    if (kind != Kind.UNSUPPORTED_METHOD && kind != Kind.OPTIONS && exchange.response().answered()) {
      observed.get(op).add(exchange.response().status());
    }
    boolean resent = exchange.step() == Step.RATE_LIMITED; // the same request is recorded again with its answer
    if (!resent && kind == Kind.POSITIVE) {
      validRequests.get(op).add(exchange);
    }
    int failed = 0;
    for (int i = 0; i < checks.size(); i++) {
      Check check = checks.get(i);
      if (!resent && check.inputs().meantFor().test(exchange)) {
        inputs.get(check.name()).add(exchange);
      }
      CheckResult result = results.get(i);
      Tally t;
      if (result instanceof CheckResult.Failed f) {
        addFailure(check.name(), exchange, f);
        t = new Tally(0, 1, 0);
        failed++;
      } else if (result instanceof CheckResult.Passed) {
        t = new Tally(1, 0, 0);
      } else {
        t = new Tally(0, 0, 1);
      }
      tallies.get(check.name()).merge(op, t, Tally::plus);
    }
    if (failed > 0) {
      failuresPerOperation.merge(op, 1, Integer::sum);
    }
    Map<String, CheckResult> verdicts = new LinkedHashMap<>();
    for (int i = 0; i < checks.size(); i++) {
      verdicts.put(checks.get(i).name(), results.get(i));
    }
    listener.recorded(exchange, verdicts);
    return failed;
  }

  /**
   * Notes a part of the run (or a piece of one) that was not sent, or stopped early, because of what the server
   * answered ("stateful sequence 1: the create was answered 500, so the stateful sequence stopped here").
   */
  public synchronized void notSent(Part part, String why) {
    notes.add(new Note(part, why, false));
  }

  /** Notes a part of the run that the options leave out ("needs --other-token"): its checks do not fail the run. */
  public synchronized void notEnabled(Part part, String why) {
    notes.add(new Note(part, why, true));
  }

  private void addFailure(String check, Exchange exchange, CheckResult.Failed f) {
    String op = exchange.operation().label();
    String key = failureKey(check, op, f);
    String curl = exchange.request().toCurl(baseUrl);
    Failure group = failures.get(key);
    if (group == null) {
      failures.put(key, new Failure(check, op, f.title(), f.received(), f.documented(), curl, 1));
      representatives.put(key, new Representative(key, check, exchange, f));
    } else if (!frozen.contains(key) && curl.length() < group.curl().length()) { // the smallest example represents it
      failures.put(key, new Failure(check, op, f.title(), f.received(), f.documented(), curl,
          group.occurrences() + 1));
      representatives.put(key, new Representative(key, check, exchange, f));
    } else {
      failures.put(key, group.withOccurrences(group.occurrences() + 1));
    }
  }

  /**
   * The failure groups whose example is a generated case (examples, coverage, fuzzing) not searched yet and not
   * shrunk, in the order first seen. A step of a sequence or scenario is not shrunk: its request depends on the steps
   * before it.
   */
  synchronized List<Representative> toShrink() {
    Set<Phase> generated = EnumSet.of(Phase.EXAMPLES, Phase.COVERAGE, Phase.FUZZING);
    return representatives.values().stream()
        .filter(r -> !frozen.contains(r.key()) && !searched.contains(r) && r.exchange().step() == Step.NONE
            && generated.contains(r.exchange().testCase().phase()))
        .toList();
  }

  /** Whether a candidate's failure is of the representative's group. */
  boolean sameFailure(Representative r, CheckResult.Failed f) {
    return failureKey(r.check(), r.exchange().operation().label(), f).equals(r.key());
  }

  /**
   * Records a search: a smaller case becomes the example of its group for good (a later, smaller generated example
   * does not replace it); a search that found none leaves the group open to a smaller example (searched in turn).
   * The requests that shrinking sent count apart from every tally.
   *
   * @param how what the search did, or null when there was nothing to try (no body, no query)
   * @param cleanUp requests sent to delete what the candidates created
   */
  synchronized void shrunk(Representative r, TestCase minimal, CheckResult.Failed f, Shrinking how, int cleanUp) {
    searched.add(r);
    shrinkRequests += cleanUp + (how == null ? 0 : how.requests());
    if (how == null) {
      return;
    }
    if (how.changed()) {
      frozen.add(r.key());
    }
    Failure group = failures.get(r.key());
    failures.put(r.key(), new Failure(group.check(), group.operation(), f.title(), f.received(), f.documented(),
        minimal.request().toCurl(baseUrl), group.occurrences(), how));
  }

  /** The curl line of a request as the report shows it. */
  String curl(TestCase c) {
    return c.request().toCurl(baseUrl);
  }

  /**
   * What makes two failures one: the check, the operation and the kind of failure — the title and the messages
   * without their values ({@link FailureKind}), so that one cause seen on a hundred bodies is one failure.
   */
  private static String failureKey(String check, String operation, CheckResult.Failed f) {
    return check + "\u0000" + operation + "\u0000" + f.title() + "\u0000" + FailureKind.ofReceived(f.received())
        + "\u0000" + FailureKind.ofDocumented(f.documented());
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

  public synchronized RunResult result(long seed, Waits waits) {
    Map<String, List<String>> never = new LinkedHashMap<>();
    List<String> untested = new ArrayList<>();
    for (Operation op : contract.operations()) {
      List<String> missing = new ArrayList<>();
      for (String s : op.documentedStatuses()) {
        boolean seen = observed.get(op.label()).stream().anyMatch(code -> matches(s, code));
        if (!seen) {
          missing.add(s);
        }
      }
      never.put(op.label(), missing);
      Answers valid = validRequests.get(op.label());
      if (valid.total() > 0 && valid.successes() == 0) {
        untested.add(op.label() + ": " + valid.summary("valid requests") + ", none 2xx");
      }
    }
    List<Coverage> coverage = new ArrayList<>();
    for (Check c : checks) {
      coverage.add(coverage(c));
    }
    Map<String, Integer> sameNotes = new LinkedHashMap<>();
    notes.forEach(n -> sameNotes.merge(n.text(), 1, Integer::sum));
    List<String> notSent = new ArrayList<>();
    sameNotes.forEach((text, n) -> notSent.add(n == 1 ? text : text + " (×" + n + ")"));
    List<String> ops = contract.operations().stream().map(Operation::label).toList();
    return new RunResult(seed, checks.stream().map(Check::name).toList(), ops,
        contract.operations().stream().map(Operation::id).toList(), tallies, requests,
        new ArrayList<>(failures.values()), never, coverage, untested, notSent, waits, shrinkRequests);
  }

  /** How much a check judged, and why nothing when it judged nothing. */
  private Coverage coverage(Check c) {
    long judged = tallies.get(c.name()).values().stream().mapToLong(Tally::judged).sum();
    Answers meant = inputs.get(c.name());
    Inputs in = c.inputs();
    if (judged > 0) {
      return new Coverage(c.name(), judged, meant.total(), Coverage.Status.APPLIED, null);
    }
    if (in.isIncidental()) {
      return new Coverage(c.name(), 0, meant.total(), Coverage.Status.NOT_APPLIED, in.incidental());
    }
    List<Note> mine = notes.stream().filter(n -> in.parts().contains(n.part())).toList();
    if (meant.total() == 0 && !mine.isEmpty() && mine.stream().allMatch(Note::excused)) {
      return new Coverage(c.name(), 0, 0, Coverage.Status.NOT_APPLIED,
          String.join("; ", mine.stream().map(Note::text).toList()));
    }
    String why = meant.total() == 0 ? "none of its " + in.description() + " was sent" : meant.summary(in.description());
    List<String> stops = mine.stream().filter(n -> !n.excused()).map(Note::text).distinct().toList();
    if (!stops.isEmpty()) {
      why += " (" + String.join("; ", stops) + ")";
    }
    return new Coverage(c.name(), 0, meant.total(), Coverage.Status.NEVER_APPLIED, why);
  }

  private static boolean matches(String documented, int status) {
    if (documented.equals("default")) {
      return true;
    }
    String s = Integer.toString(status);
    return documented.equals(s)
        || (documented.substring(1).equalsIgnoreCase("xx") && documented.charAt(0) == s.charAt(0));
  }

  /** The example of a failure group: the check that failed, the exchange, the failure. */
  record Representative(String key, String check, Exchange exchange, CheckResult.Failed failure) {
  }

  /** A part of the run left out or stopped, and why; {@code excused} when the options left it out. */
  private record Note(Part part, String text, boolean excused) {
  }

  /** How a set of exchanges was answered: a count per status (no answer counted apart). */
  private static final class Answers {
    private final Map<String, Long> byStatus = new LinkedHashMap<>();
    private long total;
    private long successes;

    void add(Exchange e) {
      total++;
      if (e.response().is2xx()) {
        successes++;
      }
      byStatus.merge(e.response().answered() ? Integer.toString(e.response().status()) : "no answer", 1L, Long::sum);
    }

    long total() {
      return total;
    }

    long successes() {
      return successes;
    }

    /** "9 pages of a walk were sent; all answered 429", or "...; answered 429 ×7, 500 ×2". */
    String summary(String description) {
      String sent = total == 1 ? "one of its " + description + " was sent; " : total + " " + description + " were sent; ";
      if (byStatus.size() == 1) {
        String status = byStatus.keySet().iterator().next();
        String all = total == 1 ? "" : "all ";
        return sent + (status.equals("no answer") ? all + "without a complete answer" : all + "answered " + status);
      }
      List<String> parts = new ArrayList<>();
      byStatus.forEach((status, n) -> parts.add(status + " ×" + n));
      return sent + "answered " + String.join(", ", parts);
    }
  }
}
