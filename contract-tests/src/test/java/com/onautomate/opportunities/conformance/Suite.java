package com.onautomate.opportunities.conformance;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.checks.SchemaValidator;
import com.onautomate.opportunities.conformance.engine.ConformanceRun;
import com.onautomate.opportunities.conformance.engine.Progress;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.generation.Identities;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.shrinking.ShrinkLimits;
import com.onautomate.opportunities.conformance.spec.Contract;
import com.onautomate.opportunities.mockserver.DemoData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the suite the way the tests need it: the demo location, fixed seed, the contract from the classpath. */
public final class Suite {
  public static final Contract CONTRACT = Contract.load(null);
  public static final SchemaValidator VALIDATOR = new SchemaValidator(CONTRACT);
  public static final List<String> STAGES = List.of(DemoData.STAGE_NEW_ID, DemoData.STAGE_CONTACTED_ID);
  private static final ShrinkLimits TESTS_SHRINKING = new ShrinkLimits(true, 10, Duration.ofSeconds(5));

  private Suite() {
  }

  /**
   * Options for the demo location. Shrinking is on with a small budget: every failure of the fault matrix goes
   * through it (it must never lose one), at little cost in test time.
   */
  public static RunOptions options(String baseUrl, long seed, int maxExamples) {
    return new RunOptions(baseUrl, DemoData.TOKEN, DemoData.OTHER_TOKEN, DemoData.PIPELINE_ID, STAGES, Map.of(),
        seed, maxExamples).withShrinking(TESTS_SHRINKING);
  }

  public static RunResult run(RunOptions options, Double maxResponseTimeMillis) {
    Set<String> enabled = maxResponseTimeMillis == null ? Set.of() : Set.of("max_response_time");
    List<Check> checks = CheckRegistry.builtIn().select(List.of(), Set.of(), enabled);
    return new ConformanceRun(CONTRACT, options, checks, context(options, maxResponseTimeMillis), Progress.SILENT).run();
  }

  private static CheckContext context(RunOptions options, Double maxResponseTimeMillis) {
    return new CheckContext(CONTRACT, VALIDATOR, Map.of(), maxResponseTimeMillis, options.pipelineId(),
        options.stageIds());
  }

  /**
   * A run of the named checks only (every default one when none is named) whose contact identities carry {@code tag},
   * for tests that compare two runs.
   */
  public static RunResult run(RunOptions options, List<String> checks, String tag) {
    List<Check> selected = CheckRegistry.builtIn().select(checks, Set.of(), Set.of());
    return new ConformanceRun(CONTRACT, options, selected, context(options, null), Progress.SILENT, new Identities(tag))
        .run();
  }
}
