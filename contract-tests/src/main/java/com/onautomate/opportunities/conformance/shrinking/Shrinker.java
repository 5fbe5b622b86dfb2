package com.onautomate.opportunities.conformance.shrinking;

import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.generation.Identities;
import com.onautomate.opportunities.conformance.http.Request;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Reduces a failing generated case to a minimal one that the same check still fails the same way, as Hypothesis
 * shrinks Schemathesis's examples: optional body properties and query parameters dropped, array items dropped,
 * strings shortened (halves, then smaller pieces) and their characters made plain, numbers moved to 0, 1 or the
 * schema's minimum, or as close to them as still fails. A greedy search without randomness: the same case and the same
 * answers give the same minimal case. Within {@link ShrinkLimits} per failure.
 *
 * <p>A candidate keeps what the case is about: the property or parameter a negative case breaks ({@code target}) is
 * left as generated, properties the schema does not declare (a whole-body fault's padding or raw bytes) too, a body
 * that is not a JSON object is sent as it was; a candidate must be exactly as valid for the schema as the original
 * (a valid case stays valid, an invalid one invalid), keeps a {@code contactId}, {@code email} or {@code phone}
 * when the original had one, and never changes the method, path or headers. Emails and phones are fresh in every
 * candidate, so that a create is never refused as a duplicate of the one before.
 *
 * <pre>{@code Shrunk s = new Shrinker(limits, identities, validator::requestErrors).shrink(testCase, failure, trial);}</pre>
 */
public final class Shrinker {
  private final ShrinkLimits limits;
  private final Identities ids;
  private final Function<Request, List<String>> schemaErrors;
  private final LongSupplier nanoTime;

  /**
   * A shrinker that takes fresh emails and phones from {@code ids} and tells valid requests from invalid ones with
   * {@code schemaErrors} (the contract's validator: no message means valid).
   */
  public Shrinker(ShrinkLimits limits, Identities ids, Function<Request, List<String>> schemaErrors) {
    this(limits, ids, schemaErrors, System::nanoTime);
  }

  /** A shrinker that reads the time from {@code nanoTime} (tests of the time budget). */
  Shrinker(ShrinkLimits limits, Identities ids, Function<Request, List<String>> schemaErrors, LongSupplier nanoTime) {
    this.limits = limits;
    this.ids = ids;
    this.schemaErrors = schemaErrors;
    this.nanoTime = nanoTime;
  }

  /** Sends a candidate and judges it with the check that failed. */
  @FunctionalInterface
  public interface Trial {
    /**
     * Returns the failure when the check failed the same way (the same failure key), null otherwise: another
     * answer, another failure, or no answer at all.
     */
    CheckResult.Failed reproduce(TestCase candidate);
  }

  /** The smallest case found that fails like {@code failing} did with {@code failure}. */
  public Shrunk shrink(TestCase failing, CheckResult.Failed failure, Trial trial) {
    Search search = new Search(failing, failure, trial, ids, schemaErrors, limits,
        nanoTime, nanoTime.getAsLong() + limits.maxTime().toNanos());
    return search.run();
  }
}
