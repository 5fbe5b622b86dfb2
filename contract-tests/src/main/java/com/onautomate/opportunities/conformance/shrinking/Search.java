package com.onautomate.opportunities.conformance.shrinking;

import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.generation.Identities;
import com.onautomate.opportunities.conformance.http.Request;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One shrinking search: the best case so far, the budget, and the candidates already tried. */
final class Search {
  private final Shrinker.Trial trial;
  private final Identities ids;
  private final Function<Request, List<String>> schemaErrors;
  private final ShrinkLimits limits;
  private final LongSupplier nanoTime;
  private final long deadline;
  private final boolean originallyValid;
  private final Set<String> tried = new HashSet<>();
  private Draft best;
  private TestCase bestCase;
  private CheckResult.Failed bestFailure;
  private int tries;
  private Shrunk.Stop stop;
  private boolean smaller;

  Search(TestCase failing, CheckResult.Failed failure, Shrinker.Trial trial, Identities ids,
         Function<Request, List<String>> schemaErrors, ShrinkLimits limits, LongSupplier nanoTime, long deadline) {
    this.trial = trial;
    this.ids = ids;
    this.schemaErrors = schemaErrors;
    this.limits = limits;
    this.nanoTime = nanoTime;
    this.deadline = deadline;
    this.best = Draft.of(failing);
    this.bestCase = failing;
    this.bestFailure = failure;
    this.originallyValid = schemaErrors.apply(failing.request()).isEmpty();
    tried.add(best.key());
  }

  /** Rounds of every simplification until one changes nothing or a budget runs out. */
  Shrunk run() {
    if (bestCase.request().rawQuery() == null) {
      Simplifications simplifications = new Simplifications(this);
      boolean again = true;
      while (stop == null && again) {
        again = simplifications.round(); // each round starts again from the smaller case
      }
    }
    return new Shrunk(bestCase, bestFailure, tries, stop, smaller);
  }

  /** Whether a budget ended the search. */
  boolean stopped() {
    return stop != null;
  }

  /** The smallest failing case so far. */
  Draft best() {
    return best;
  }

  /**
   * Sends a candidate unless it was tried, is not as valid as the original, or the budget is spent; keeps it as the
   * best when it fails the same way.
   */
  boolean attempt(Draft candidate) {
    if (stop != null || !tried.add(candidate.key())) {
      return false;
    }
    TestCase c = candidate.toCase(ids);
    if (schemaErrors.apply(c.request()).isEmpty() != originallyValid) {
      return false;
    }
    if (tries >= limits.maxRequests()) {
      stop = Shrunk.Stop.REQUEST_BUDGET;
      return false;
    }
    if (nanoTime.getAsLong() - deadline >= 0) {
      stop = Shrunk.Stop.TIME_BUDGET;
      return false;
    }
    tries++;
    CheckResult.Failed f = trial.reproduce(c);
    if (f == null) {
      return false;
    }
    best = candidate;
    bestCase = c;
    bestFailure = f;
    smaller = true;
    return true;
  }
}
