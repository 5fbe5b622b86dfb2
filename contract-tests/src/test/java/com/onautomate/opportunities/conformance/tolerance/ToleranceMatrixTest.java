package com.onautomate.opportunities.conformance.tolerance;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.SharedMockServer;
import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.report.Outcome;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.TextReport;
import java.io.IOException;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mirror of the fault matrix: a proxy answers, one variation at a time, as another correct implementation of the
 * contract would, and the suite must pass every variation with zero failures and every check applied ({@code PASSED},
 * not {@code INCOMPLETE}). A variation that changed nothing fails,
 * so that none passes by doing nothing.
 */
class ToleranceMatrixTest {
  /** Fuzzing cases per operation in each run: the variations concern answers, which every phase sees anyway. */
  private static final int MAX_EXAMPLES = 1;
  private static TolerantProxy proxy;

  @BeforeAll
  static void start() throws IOException {
    proxy = new TolerantProxy(URI.create(SharedMockServer.baseUrl()));
  }

  @AfterAll
  static void stop() throws IOException {
    proxy.close();
  }

  static Stream<Variation> variations() {
    return Variations.all().stream();
  }

  @Test
  void theProxyAsItIsPassesWithZeroFailures() {
    proxy.use(Variations.NONE);
    RunResult result = Suite.run(Suite.options(proxy.baseUrl(), 11L, MAX_EXAMPLES), null);
    assertThat(result.failures()).as(TextReport.render(result)).isEmpty();
    assertThat(result.outcome()).as(TextReport.render(result)).isEqualTo(Outcome.PASSED);
    assertThat(Variations.NONE.applied()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variations")
  void theSuitePassesEveryVariationTheContractAllows(Variation variation) {
    proxy.use(variation);
    try {
      long start = System.nanoTime();
      RunOptions options = variation.options(Suite.options(proxy.baseUrl(), 11L, MAX_EXAMPLES));
      RunResult result = Suite.run(options, null);
      System.out.printf("variation %-100s %5.1f s, %d requests, %d changes%n", variation,
          (System.nanoTime() - start) / 1e9, result.totalRequests(), variation.applied());
      assertThat(result.failures()).as(TextReport.render(result)).isEmpty();
      assertThat(result.outcome()).as("every check applied: " + TextReport.render(result)).isEqualTo(Outcome.PASSED);
      assertThat(variation.applied()).as("answers the variation changed").isPositive();
    } finally {
      proxy.use(Variations.NONE);
    }
  }
}
