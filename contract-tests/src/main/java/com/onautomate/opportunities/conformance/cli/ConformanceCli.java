package com.onautomate.opportunities.conformance.cli;

import com.onautomate.opportunities.conformance.cassette.CassetteWriter;
import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.checks.SchemaValidator;
import com.onautomate.opportunities.conformance.config.ExecutionConfig;
import com.onautomate.opportunities.conformance.config.SuiteConfig;
import com.onautomate.opportunities.conformance.engine.ConformanceRun;
import com.onautomate.opportunities.conformance.engine.ExchangeListener;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.http.RateLimit;
import com.onautomate.opportunities.conformance.http.TransportException;
import com.onautomate.opportunities.conformance.report.JUnitXmlReport;
import com.onautomate.opportunities.conformance.report.Outcome;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.TextReport;
import com.onautomate.opportunities.conformance.shrinking.ShrinkLimits;
import com.onautomate.opportunities.conformance.spec.Contract;
import com.onautomate.opportunities.conformance.spec.ContractException;
import com.onautomate.opportunities.mockserver.FastStart;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code java -jar conformance.jar}: verifies a server against the contract. Exit 0 all checks passed, 1 a check
 * failed, 2 bad arguments, an unreadable spec or an unreachable server (one line, no stack trace), 3 incomplete:
 * nothing failed but something selected was not tested (see {@link Outcome}).
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Verifies an implementation of the OnAutomate Opportunities API against its contract."
        + " Without --base-url it starts the bundled mock server with its demo data and verifies it.")
public final class ConformanceCli implements java.util.concurrent.Callable<Integer> {
  public static final int PASSED = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int INCOMPLETE = 3;

  @Option(names = "--base-url", description = "The server under test, e.g. http://127.0.0.1:8080.")
  String baseUrl;
  @Option(names = "--token", description = "Bearer token of the location under test.")
  String token;
  @Option(names = "--pipeline-id", description = "A pipeline of that location that does NOT allow duplicates.")
  String pipelineId;
  @Option(names = "--stage-id", description = "A stage of that pipeline (repeat for several; two or more to test stage moves).")
  List<String> stageIds = new ArrayList<>();
  @Option(names = "--other-token", description = "A token of another location, to verify tenant isolation.")
  String otherToken;
  @Option(names = "--seed", description = "Seed of the generated cases (default: random, printed).")
  Long seed;
  @Option(names = "--max-examples", description = "Random cases per operation (default 100).")
  Integer maxExamples;
  @Mixin
  CheckSelectionOptions checkSelection = new CheckSelectionOptions();
  @Option(names = "--checks-from", paramLabel = "JAR", description = "Also load the custom checks this jar lists in "
      + "META-INF/services/com.onautomate.opportunities.conformance.checks.Check (repeat for several).")
  List<Path> checksFrom = new ArrayList<>();
  @Option(names = "--junit-xml", description = "Also write a JUnit XML report to this file.")
  Path junitXml;
  @Option(names = "--config", description = "A schemathesis.toml to read the applicable settings from.")
  Path config;
  @Option(names = "--rate-limit", description = "Keep under this request rate: 10/s, 100/m, 1000/h, 100/10s "
      + "(429s are waited out as Retry-After says in any case).")
  String rateLimit;
  @Option(names = "--workers", description = "Requests in flight at once in the examples, coverage and fuzzing phases"
      + " (default 4; 1 sends one at a time). The report is the same with any number.")
  Integer workers;
  @Option(names = "--no-shrink", description = "Report a failing generated case as generated, without shrinking it to"
      + " a minimal one.")
  boolean noShrink;
  @Option(names = "--shrink-max-requests", description = "Requests shrinking may send per failure (default 100).")
  Integer shrinkMaxRequests;
  @Option(names = "--shrink-max-seconds", description = "Seconds shrinking may take per failure (default 10).")
  Double shrinkMaxSeconds;
  @Mixin
  JudgingOptions judging = new JudgingOptions();
  @Mixin
  CassetteOptions cassette = new CassetteOptions();
  @Spec
  CommandSpec commandSpec;

  private final PrintStream out;
  private final PrintStream err;

  public ConformanceCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * How {@code java -jar conformance.jar} runs (see the mock server's {@link FastStart}): in a
   * second JVM with a class-data archive, C1 only and the serial collector — a run is over before
   * C2's compilations would pay for themselves (they took more CPU than the run itself) — and the
   * bundled mock server's AOT context. The build's training start is a short run.
   */
  static final FastStart.Profile FAST_START = new FastStart.Profile("conformance", "onautomate.conformance",
      List.of(new FastStart.DefaultOption(List.of("-XX:TieredStopAtLevel=1"), "-XX:TieredStopAtLevel.*|-XX:[+-]TieredCompilation"),
          new FastStart.DefaultOption(List.of("-XX:+UseSerialGC"), "-XX:[+]Use\\w+GC")),
      List.of("-Dspring.aot.enabled=true"),
      List.of(),
      List.of("--max-examples", "5", "--seed", "1"));

  public static void main(String[] args) {
    OptionalInt child = FastStart.run(FAST_START, args);
    System.exit(child.isPresent() ? child.getAsInt() : run(System.out, System.err, args));
  }

  /** Runs the CLI and returns its exit code (the tests' entry point). */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cmd = new CommandLine(new ConformanceCli(out, err));
    cmd.addSubcommand("replay", new ReplayCommand(out));
    cmd.addSubcommand("proxy", new ProxyCommand(out));
    // picocli's help and messages in the terminal's encoding, as the streams write everything else
    cmd.setOut(new PrintWriter(new OutputStreamWriter(out, Charset.defaultCharset()), true));
    cmd.setErr(new PrintWriter(new OutputStreamWriter(err, Charset.defaultCharset()), true));
    cmd.setParameterExceptionHandler((ex, a) -> {
      err.println("conformance: " + ex.getMessage().lines().findFirst().orElse("bad arguments")
          + " (see --help)");
      return USAGE;
    });
    cmd.setExecutionExceptionHandler((ex, c, p) -> {
      err.println("conformance: " + oneLine(ex));
      return USAGE;
    });
    return cmd.execute(args);
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(e.getClass().getSimpleName());
  }

  @Override
  public Integer call() {
    try {
      return execute();
    } catch (IllegalArgumentException | ContractException | TransportException e) {
      err.println("conformance: " + oneLine(e));
      return USAGE;
    }
  }

  private int execute() {
    CheckRegistry registry = CheckRegistry.discover(checksFrom);
    SuiteConfig cfg = config == null ? SuiteConfig.EMPTY : SuiteConfig.load(config);
    String base = baseUrl != null ? baseUrl : cfg.baseUrl();
    long theSeed = seed != null ? seed : cfg.seed() != null ? cfg.seed() : new SecureRandom().nextLong() & 0xFFFFFFFFL;
    int examples = maxExamples != null ? maxExamples : cfg.maxExamples() != null ? cfg.maxExamples() : 100;
    if (examples < 0) {
      throw new IllegalArgumentException("--max-examples must be 0 or more");
    }
    Double limitSeconds = judging.maxResponseTime != null ? judging.maxResponseTime : cfg.maxResponseTime();
    Arguments.maxResponseTimeMillis(limitSeconds);
    Duration timeout = Arguments.requestTimeout(
        judging.requestTimeout != null ? judging.requestTimeout : cfg.requestTimeout());
    String rate = rateLimit != null ? rateLimit : cfg.rateLimit();
    RateLimit pace = rate == null ? null : RateLimit.parse(rate);
    ExecutionConfig exec = config == null ? ExecutionConfig.EMPTY : ExecutionConfig.load(config);
    int inFlight = RunOptions.requireWorkers(workers != null ? workers
        : exec.workers() != null ? exec.workers() : RunOptions.DEFAULT_WORKERS);
    ShrinkLimits shrinking = ShrinkLimits.of(!noShrink && !Boolean.FALSE.equals(exec.shrink()),
        shrinkMaxRequests != null ? shrinkMaxRequests : exec.shrinkMaxRequests() != null ? exec.shrinkMaxRequests()
            : ShrinkLimits.DEFAULT.maxRequests(),
        shrinkMaxSeconds != null ? shrinkMaxSeconds : exec.shrinkMaxSeconds() != null ? exec.shrinkMaxSeconds()
            : ShrinkLimits.DEFAULT.maxTime().toMillis() / 1000.0);
    List<Check> selected = cfg.checks(registry, checkSelection.only, checkSelection.excluded, limitSeconds,
        String.valueOf(config));
    if (base != null) {
      Arguments.httpUrl(base, "--base-url");
      require(token, "--token");
      require(pipelineId, "--pipeline-id");
      if (stageIds.isEmpty()) {
        throw new IllegalArgumentException("missing --stage-id (give at least one stage of --pipeline-id)");
      }
    }
    // Reading the contract and building the validator (Swagger Parser, the validator's first use, Rest Assured's first
    // request) take seconds, as does the bundled server's start: do them at the same time.
    CompletableFuture<Contract> contract = CompletableFuture.supplyAsync(() -> Contract.load(judging.spec));
    boolean strict = judging.strictSchemas || cfg.strictSchemas();
    CompletableFuture<SchemaValidator> validator = contract.thenApplyAsync(c -> warm(c, strict));
    if (base == null) {
      out.println("No --base-url: starting the bundled mock server with its demo data…");
      try (BundledMockServer mock = BundledMockServer.start()) {
        String t = token != null ? token : BundledMockServer.TOKEN;
        String p = pipelineId != null ? pipelineId : BundledMockServer.PIPELINE;
        List<String> s = !stageIds.isEmpty() ? stageIds : BundledMockServer.STAGES;
        String o = otherToken != null ? otherToken : token == null ? BundledMockServer.OTHER_TOKEN : null;
        out.println("Mock server on " + mock.baseUrl());
        return verify(join(contract), join(validator), new RunOptions(mock.baseUrl(), t, o, p, s, cfg.headers(),
            theSeed, examples, timeout, pace).withWorkers(inFlight).withShrinking(shrinking), cfg, limitSeconds,
            selected);
      }
    }
    return verify(join(contract), join(validator), new RunOptions(base, token, otherToken, pipelineId, stageIds,
        cfg.headers(), theSeed, examples, timeout, pace).withWorkers(inFlight).withShrinking(shrinking), cfg, limitSeconds,
        selected);
  }

  /** The value of a start-up task, or the exception it failed with (e.g. {@link ContractException}). */
  private static <T> T join(CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static void require(String value, String option) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing " + option + " (needed with --base-url)");
    }
  }

  private static SchemaValidator warm(Contract contract, boolean strict) {
    SchemaValidator v = new SchemaValidator(contract, strict);
    v.responseBodyErrors("GET", "/v1/pipelines/p/opportunities",
        new com.onautomate.opportunities.conformance.http.Response(200,
            Map.of("Content-Type", List.of("application/json")),
            "{\"opportunities\":[],\"meta\":{\"total\":0,\"currentPage\":1,\"nextPage\":null,"
                + "\"prevPage\":null,\"nextPageUrl\":null}}", 0));
    io.restassured.RestAssured.given().urlEncodingEnabled(false).header("X", "y");
    return v;
  }

  private int verify(Contract contract, SchemaValidator validator, RunOptions options, SuiteConfig cfg,
                     Double limitSeconds, List<Check> selected) {
    CheckContext context = new CheckContext(contract, validator, cfg.expectedStatuses(),
        limitSeconds == null ? null : limitSeconds * 1000, options.pipelineId(), options.stageIds());
    out.println("Verifying " + options.baseUrl() + " against " + contract.openApi().getInfo().getTitle() + " "
        + contract.openApi().getInfo().getVersion() + " (seed " + options.seed() + ", " + options.maxExamples()
        + " random cases per operation, " + selected.size() + " checks"
        + (options.rateLimit() == null ? "" : ", at most " + options.rateLimit())
        + (validator.strict() ? ", strict schemas" : "") + ")");
    long start = System.nanoTime();
    RunResult result;
    try (CassetteWriter recording = cassette.open("conformance", commandSpec.commandLine().getParseResult().originalArgs(),
        options.seed(), options.baseUrl())) {
      result = new ConformanceRun(contract, options, selected, context,
          (op, phase, cases, failures) -> out.printf(Locale.ROOT, "  %-66s %-9s %6d requests %4d failing %6.1f s%n",
              op, phase.name().toLowerCase(Locale.ROOT), cases, failures, (System.nanoTime() - start) / 1e9))
          .listening(recording == null ? ExchangeListener.NONE : recording).run();
      if (recording != null) {
        out.println("Cassette: " + recording.file() + " (" + recording.written() + " exchanges)");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.println();
    out.print(TextReport.render(result));
    out.printf(Locale.ROOT, "Finished in %.1f s (%.0f requests/s). Reproduce this run with --seed %d%n", seconds,
        result.totalRequests() / Math.max(seconds, 0.001), options.seed());
    if (junitXml != null) {
      try {
        JUnitXmlReport.write(result, junitXml);
        out.println("JUnit XML report: " + junitXml);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot write " + junitXml + ": " + e.getMessage());
      }
    }
    return result.outcome().exitCode();
  }
}
