package com.onautomate.opportunities.conformance.junit;

import com.onautomate.opportunities.conformance.checks.Check;
import com.onautomate.opportunities.conformance.checks.CheckContext;
import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.checks.SchemaValidator;
import com.onautomate.opportunities.conformance.config.SuiteConfig;
import com.onautomate.opportunities.conformance.engine.ConformanceRun;
import com.onautomate.opportunities.conformance.engine.Progress;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.http.RateLimit;
import com.onautomate.opportunities.conformance.http.Transport;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.TextReport;
import com.onautomate.opportunities.conformance.spec.Contract;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The conformance suite as JUnit 5 tests in a team's own build: one dynamic test per check × operation, named
 * {@code "status_code_conformance — GET /v1/pipelines/{pipelineId}/opportunities"}, then one {@code completeness}
 * test. A pair fails with its failures' titles, {@code Received}/{@code Documented} messages and {@code curl} lines;
 * a pair the check did not apply to is skipped (aborted) with the reason. The run against the server happens once,
 * when the first of the tests executes, and all of them read its result.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> conformance() {
 *   return ConformanceTests.against("http://127.0.0.1:8080")
 *       .token(System.getenv("OPPORTUNITIES_TOKEN"))
 *       .pipelineId("bCkKGpDsyPP4peuKowkG")
 *       .stageIds("8b897c8f-b859-49c1-88f2-ed590708a85c", "7915dedc-8f18-44d5-8bc3-77c04e994a10")
 *       .seed(1).maxExamples(10)
 *       .dynamicTests();
 * }
 * }</pre>
 *
 * Needs JUnit Jupiter (5.x) on the test class path, which the contract-tests artifact does not bring. Custom checks on
 * the class path ({@code META-INF/services}) are found as by the CLI; {@link #withChecks} adds check objects.
 */
public final class ConformanceTests {
  private final String baseUrl;
  private String token;
  private String otherToken;
  private String pipelineId;
  private List<String> stageIds = List.of();
  private Long seed;
  private Integer maxExamples;
  private List<String> only = List.of();
  private List<String> excluded = List.of();
  private final List<Check> extra = new ArrayList<>();
  private Path config;
  private String spec;
  private PrintStream report = System.out;

  private ConformanceTests(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
  }

  /** The suite against the server at {@code baseUrl} ({@code http://} or {@code https://}). */
  public static ConformanceTests against(String baseUrl) {
    return new ConformanceTests(baseUrl);
  }

  /** The suite against the server at {@code baseUrl}, e.g. the {@code URI} that {@code @MockServerTest} resolves. */
  public static ConformanceTests against(URI baseUrl) {
    return new ConformanceTests(Objects.requireNonNull(baseUrl, "baseUrl == null").toString());
  }

  /** The bearer token of the location under test (required). */
  public ConformanceTests token(String token) {
    this.token = token;
    return this;
  }

  /** A token of another location: enables {@code tenant_isolation}. */
  public ConformanceTests otherToken(String otherToken) {
    this.otherToken = otherToken;
    return this;
  }

  /** A pipeline of that location that does not allow duplicate opportunities (required). */
  public ConformanceTests pipelineId(String pipelineId) {
    this.pipelineId = pipelineId;
    return this;
  }

  /** Stages of that pipeline (at least one; two or more so that stage moves are tested). */
  public ConformanceTests stageIds(String... stageIds) {
    this.stageIds = List.of(stageIds);
    return this;
  }

  /** The seed of every generated case (default: random, printed with the report and in every failure). */
  public ConformanceTests seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Random cases per operation in the fuzzing phase (default 100, as the CLI; a few keep a unit test run short). */
  public ConformanceTests maxExamples(int maxExamples) {
    if (maxExamples < 0) {
      throw new IllegalArgumentException("maxExamples must be 0 or more");
    }
    this.maxExamples = maxExamples;
    return this;
  }

  /** Runs only these checks, as {@code --checks}. */
  public ConformanceTests checks(String... names) {
    this.only = List.of(names);
    return this;
  }

  /** Leaves out these checks, as {@code --exclude-checks}. */
  public ConformanceTests excludeChecks(String... names) {
    this.excluded = List.of(names);
    return this;
  }

  /** Adds custom checks given as objects (after the built-in ones and those found on the class path). */
  public ConformanceTests withChecks(Check... checks) {
    this.extra.addAll(Arrays.asList(checks));
    return this;
  }

  /**
   * A {@code schemathesis.toml} read as the CLI's {@code --config}: {@code [checks.NAME]}, {@code headers},
   * {@code max-response-time}, {@code request-timeout}, {@code rate-limit}, {@code seed},
   * {@code [generation] max-examples}; what this builder sets wins.
   */
  public ConformanceTests config(Path schemathesisToml) {
    this.config = schemathesisToml;
    return this;
  }

  /** The contract to test against, a path or URL (default: {@code openapi.yaml} from the api artifact). */
  public ConformanceTests spec(String pathOrUrl) {
    this.spec = pathOrUrl;
    return this;
  }

  /** Where the text report goes once the run is over (default {@code System.out}; Surefire keeps it per class). */
  public ConformanceTests report(PrintStream out) {
    this.report = Objects.requireNonNull(out, "out == null");
    return this;
  }

  /**
   * The tests, for a {@code @TestFactory}. Reads the contract and selects the checks now (a wrong setting fails the
   * factory at once, with the CLI's one-line message); the run itself waits for the first test.
   */
  public Stream<DynamicNode> dynamicTests() {
    if (token == null || pipelineId == null || stageIds.isEmpty()) {
      throw new IllegalStateException("token, pipelineId and at least one of stageIds are required");
    }
    SuiteConfig cfg = config == null ? SuiteConfig.EMPTY : SuiteConfig.load(config);
    CheckRegistry registry = CheckRegistry.discover(List.of()).with(extra, "ConformanceTests.withChecks");
    List<Check> selected = cfg.checks(registry, only, excluded, cfg.maxResponseTime(), String.valueOf(config));
    long theSeed = seed != null ? seed : cfg.seed() != null ? cfg.seed() : new SecureRandom().nextLong() & 0xFFFFFFFFL;
    int examples = maxExamples != null ? maxExamples : cfg.maxExamples() != null ? cfg.maxExamples() : 100;
    Duration timeout = cfg.requestTimeout() == null ? Transport.DEFAULT_TIMEOUT
        : Duration.ofMillis(Math.max(1, Math.round(cfg.requestTimeout() * 1000)));
    RunOptions options = new RunOptions(baseUrl, token, otherToken, pipelineId, stageIds, cfg.headers(), theSeed,
        examples, timeout, cfg.rateLimit() == null ? null : RateLimit.parse(cfg.rateLimit()));
    Contract contract = Contract.load(spec);
    SharedRun run = new SharedRun(() -> {
      CheckContext context = new CheckContext(contract, new SchemaValidator(contract, cfg.strictSchemas()),
          cfg.expectedStatuses(), cfg.maxResponseTime() == null ? null : cfg.maxResponseTime() * 1000,
          pipelineId, stageIds);
      RunResult result = new ConformanceRun(contract, options, selected, context, Progress.SILENT).run();
      report.print(TextReport.render(result));
      report.println("Reproduce this run with .seed(" + theSeed + ")");
      return result;
    }, theSeed);
    List<DynamicNode> tests = new ArrayList<>();
    for (Check check : selected) {
      for (Operation op : contract.operations()) {
        tests.add(DynamicTest.dynamicTest(check.name() + " — " + op.label(), () -> run.verdict(check.name(), op.label())));
      }
    }
    tests.add(DynamicTest.dynamicTest("completeness", run::completeness));
    return tests.stream();
  }
}
