package com.onautomate.opportunities.conformance.engine;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.generation.CaseGenerator;
import com.onautomate.opportunities.conformance.generation.Identities;
import com.onautomate.opportunities.conformance.http.RateLimitedSender;
import com.onautomate.opportunities.conformance.http.Transport;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.Waits;
import com.onautomate.opportunities.conformance.scenarios.Scenarios;
import com.onautomate.opportunities.conformance.shrinking.Shrinker;
import com.onautomate.opportunities.conformance.spec.Contract;
import com.onautomate.opportunities.conformance.spec.OpportunityOperations;
import com.onautomate.opportunities.conformance.spec.Operation;
import com.onautomate.opportunities.conformance.stateful.StatefulSequence;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One conformance run, phase by phase: the preflight probes, examples, coverage and fuzzing cases per operation,
 * stateful sequences along the contract's links, then the contract's own scenarios; every exchange judged by every
 * selected check, and the example of each failure of a generated case shrunk to a minimal one. Only the parts the
 * selected checks need are sent ({@link Check#inputs()}).
 *
 * <pre>{@code RunResult result = new ConformanceRun(contract, options, checks, context, Progress.SILENT).run();}</pre>
 */
public final class ConformanceRun {
  private static final List<String> PROBED_METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH");

  private final Contract contract;
  private final RunOptions options;
  private final List<Check> checks;
  private final CheckContext context;
  private final Progress progress;
  private final CaseGenerator gen;
  private final OpportunityOperations operations;
  private ExchangeListener listener = ExchangeListener.NONE;

  public ConformanceRun(Contract contract, RunOptions options, List<Check> checks, CheckContext context,
                        Progress progress) {
    this(contract, options, checks, context, progress, new Identities());
  }

  /** A run whose contact identities carry a fixed tag (tests that compare runs). */
  public ConformanceRun(Contract contract, RunOptions options, List<Check> checks, CheckContext context,
                        Progress progress, Identities identities) {
    this.contract = contract;
    this.options = options;
    this.checks = List.copyOf(checks);
    this.context = context;
    this.progress = progress;
    this.gen = new CaseGenerator(options, identities);
    this.operations = OpportunityOperations.of(contract);
  }

  /** This run, handing every exchange it records with its verdicts to {@code l} (e.g. a cassette). */
  public ConformanceRun listening(ExchangeListener l) {
    this.listener = l;
    return this;
  }

  /**
   * Runs every needed part against the server and returns what the checks found.
   *
   * @throws IllegalArgumentException when the preflight finds an argument wrong (nothing the probes made is left)
   * @throws com.onautomate.opportunities.conformance.http.TransportException when the server cannot be reached
   */
  public RunResult run() {
    Recorder recorder = new Recorder(checks, context, options.baseUrl());
    recorder.listen(listener);
    Fixtures fixtures = new Fixtures(operations);
    try (Transport transport = new Transport(options.baseUrl(), options.requestTimeout())) {
      RateLimitedSender sender = new RateLimitedSender(transport, options.rateLimit());
      try (Dispatcher dispatcher = new Dispatcher(sender, recorder, fixtures::track, options.workers())) {
        Session session = new Session(options, operations, gen, dispatcher, recorder);
        FailureShrinking shrinking = new FailureShrinking(recorder, session, options.shrinking(),
            new Shrinker(options.shrinking(), gen.identities(), context.validator()::requestErrors));
        runParts(new Run(session, fixtures, recorder, parts(), shrinking));
        return recorder.result(options.seed(),
            new Waits(sender.waits(), sender.waited().toMillis() / 1000.0, sender.gaveUp()));
      }
    }
  }

  /** The parts that send what the selected checks judge. */
  private Set<Part> parts() {
    Set<Part> parts = EnumSet.noneOf(Part.class);
    for (Check c : checks) {
      parts.addAll(c.inputs().parts());
    }
    return parts;
  }

  private void runParts(Run run) {
    String fixture = new Preflight(run.session(), run.fixtures(), run.parts()).verify();
    if (run.parts().contains(Part.GENERATED)) {
      Set<String> probedPaths = new LinkedHashSet<>();
      for (Operation op : contract.operations()) {
        boolean consumesTarget = op == operations.delete();
        String id = consumesTarget ? CaseGenerator.FRESH_OPPORTUNITY : fixture;
        runPhase(op, Phase.EXAMPLES, gen.examples(op, id), run);
        List<String> methods = probedPaths.add(op.path()) ? undocumentedMethodsAndOptions(op) : List.of();
        runPhase(op, Phase.COVERAGE, gen.coverage(op, id, methods), run);
        runPhase(op, Phase.FUZZING, gen.fuzzing(op, fixture, consumesTarget), run);
      }
    }
    if (run.parts().contains(Part.STATEFUL)) {
      int sequences = Math.max(1, Math.min(5, options.maxExamples() / 20));
      StatefulSequence stateful = new StatefulSequence(run.session());
      for (int i = 0; i < sequences; i++) {
        stateful.run(i);
      }
      progress.update(sequences + " stateful sequences", Phase.STATEFUL, run.recorder().totalRequests(),
          run.recorder().totalFailedExchanges());
    }
    new Scenarios(run.session()).runAll(fixture, run.parts());
    progress.update("the contract's own rules", Phase.SEMANTIC, run.recorder().totalRequests(),
        run.recorder().totalFailedExchanges());
    run.fixtures().cleanUp(run.session());
  }

  /**
   * Sends a phase's cases of one operation, each with the fixture it needs, shrinks the examples of the failures it
   * found first, and reports progress.
   */
  private void runPhase(Operation op, Phase phase, List<TestCase> cases, Run run) {
    List<TestCase> ready = new ArrayList<>(cases.size());
    for (TestCase c : cases) {
      ready.add(run.fixtures().resolve(run.session(), c));
    }
    run.session().dispatcher().sendAll(ready);
    run.shrinking().shrinkNewFailures();
    progress.update(op.label(), phase, run.recorder().requestsFor(op), run.recorder().failedExchangesFor(op));
  }

  /** The methods a path does not document, and OPTIONS: probed once per path. */
  private List<String> undocumentedMethodsAndOptions(Operation op) {
    List<String> documented = contract.methodsOf(op.path());
    List<String> methods = new ArrayList<>();
    PROBED_METHODS.stream().filter(m -> !documented.contains(m)).forEach(methods::add);
    methods.add("OPTIONS");
    return methods;
  }

  /** What one call of {@link #run()} works with. */
  private record Run(Session session, Fixtures fixtures, Recorder recorder, Set<Part> parts,
                     FailureShrinking shrinking) {
  }
}
