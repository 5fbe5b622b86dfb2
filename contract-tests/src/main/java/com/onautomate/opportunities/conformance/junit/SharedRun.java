package com.onautomate.opportunities.conformance.junit;

import com.onautomate.opportunities.conformance.report.Coverage;
import com.onautomate.opportunities.conformance.report.Failure;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * One conformance run shared by the dynamic tests of {@link ConformanceTests}: started by the first test that needs
 * it (from any thread), its result or its error kept for the others; and each test's verdict read from it.
 */
final class SharedRun {
  private final Supplier<RunResult> run;
  private final long seed;
  private RunResult result;
  private RuntimeException error;

  SharedRun(Supplier<RunResult> run, long seed) {
    this.run = run;
    this.seed = seed;
  }

  private synchronized RunResult result() {
    if (result == null && error == null) {
      try {
        result = run.get();
      } catch (RuntimeException e) {
        error = e;
      }
    }
    if (error != null) {
      throw new AssertionFailedError("the conformance run did not complete: " + error.getMessage(), error);
    }
    return result;
  }

  /** Passes, fails with every failure of the check on the operation, or aborts when the check judged nothing there. */
  void verdict(String check, String operation) {
    RunResult r = result();
    Tally tally = r.tally(check, operation);
    if (tally.failed() > 0) {
      List<Failure> mine = r.failures().stream()
          .filter(f -> f.check().equals(check) && f.operation().equals(operation)).toList();
      StringBuilder message = new StringBuilder(check).append(" failed on ").append(operation).append(": ")
          .append(tally.failed()).append(tally.failed() == 1 ? " exchange" : " exchanges").append('\n');
      int n = 1;
      for (Failure f : mine) {
        message.append('\n').append(n++).append(". ").append(f.title()).append('\n')
            .append("   Received: ").append(f.received()).append('\n')
            .append("   Documented: ").append(f.documented()).append('\n')
            .append(f.occurrences() > 1 ? "   Seen " + f.occurrences() + " times\n" : "")
            .append("   Reproduce with:\n     ").append(f.curl()).append('\n');
      }
      message.append("\nSeed ").append(seed).append(": reproduce this run with .seed(").append(seed).append(')');
      throw new AssertionFailedError(message.toString());
    }
    if (tally.judged() == 0) {
      String why = r.coverage().stream().filter(c -> c.check().equals(check) && c.reason() != null)
          .map(Coverage::reason).findFirst().orElse("no exchange of this operation was for it");
      throw new TestAbortedException(check + " did not apply to " + operation + ": " + why);
    }
  }

  /** Fails when the run is incomplete: a selected check never applied, or an operation never answered 2xx. */
  void completeness() {
    RunResult r = result();
    List<String> gaps = new ArrayList<>();
    r.neverApplied().forEach(c -> gaps.add(c.check() + " never applied: " + c.reason()));
    r.untested().forEach(op -> gaps.add("no 2xx answer to valid requests of " + op));
    if (!gaps.isEmpty()) {
      throw new AssertionFailedError("the run is incomplete (the CLI exits 3):\n  " + String.join("\n  ", gaps));
    }
  }
}
