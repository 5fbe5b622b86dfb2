package com.onautomate.opportunities.conformance.generation;

import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.util.List;
import java.util.Random;

/**
 * Builds the generated cases of each phase from the contract's schemas: {@link ExamplesPhase examples},
 * {@link CoveragePhase coverage} (boundaries and single faults) and {@link FuzzingPhase fuzzing} (random cases). All
 * randomness comes from one {@link Random} seeded with {@code --seed}, drawn in the order the engine asks; only
 * contact identities are unique per run.
 *
 * <p>Valid cases also respect the rules a schema cannot say: stages come from {@code --stage-id}, the contact is a
 * new one (a fresh email or phone, never an existing contactId), so a valid case is never a duplicate.
 *
 * <pre>{@code CaseGenerator gen = new CaseGenerator(options, new Identities());
 * List<TestCase> cases = gen.coverage(contract.require("createOpportunity"), null, List.of());}</pre>
 */
public final class CaseGenerator {
  /**
   * The opportunity id of a case that needs an opportunity of its own (a delete): the engine creates one just before
   * sending and puts its id in the path.
   */
  public static final String FRESH_OPPORTUNITY = "fresh-fixture-placeholder";

  private final Identities ids;
  private final Requests requests;
  private final Values values;
  private final ExamplesPhase examples;
  private final CoveragePhase coverage;
  private final FuzzingPhase fuzzing;

  public CaseGenerator(RunOptions options, Identities ids) {
    this.ids = ids;
    this.requests = new Requests(options);
    this.values = new Values(options, ids, new Random(options.seed()));
    Negatives negatives = new Negatives(values, ids);
    this.examples = new ExamplesPhase(options, values, ids, requests);
    this.coverage = new CoveragePhase(options, values, ids, requests, new Boundaries(values, ids), negatives);
    this.fuzzing = new FuzzingPhase(options, values, ids, requests, negatives);
  }

  public Identities identities() {
    return ids;
  }

  /** The one request builder, shared by every phase. */
  public Requests requests() {
    return requests;
  }

  /** Valid values and bodies, drawn from the same seed as the cases. */
  public Values values() {
    return values;
  }

  /** The examples phase: the spec's body and parameter examples, made valid for this server. */
  public List<TestCase> examples(Operation op, String opportunityId) {
    return examples.cases(op, opportunityId);
  }

  /**
   * The coverage phase: for the body and each query parameter, valid boundaries and each enum value, then
   * invalid values (missing, null, empty, too short/long/small/large, wrong type, bad format); then whole-body
   * faults (not JSON, not an object, not UTF-8, missing, wrong media type, too large), auth faults and
   * {@code methods} (the path's undocumented methods and OPTIONS, for the first operation of each path).
   */
  public List<TestCase> coverage(Operation op, String opportunityId, List<String> methods) {
    return coverage.cases(op, opportunityId, methods);
  }

  /**
   * The fuzzing phase: {@code --max-examples} random cases, most addressing {@code fixture}; for an operation that
   * consumes its target, {@link #FRESH_OPPORTUNITY} or an unknown id.
   */
  public List<TestCase> fuzzing(Operation op, String fixture, boolean consumesTarget) {
    return fuzzing.cases(op, fixture, consumesTarget);
  }
}
