package com.onautomate.opportunities.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.report.Coverage;
import com.onautomate.opportunities.conformance.report.Outcome;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.TextReport;
import com.onautomate.opportunities.mockserver.MockServer;
import org.junit.jupiter.api.Test;

/**
 * The suite against the mock server with the vendor's rate limit on (100 requests per 10 s per token): it waits out
 * the 429s as Retry-After says, and the run passes with every selected check applied — not an empty pass.
 *
 * <p>Kept to {@value #MAX_EXAMPLES} random cases per operation so that it fits in the build: the examples, coverage,
 * stateful and contract-rule parts still send several hundred requests, several times the limit, so the waits are
 * real (about 10 s each). The default run (100 random cases per operation) took the same path, only longer.
 */
class RateLimitedServerTest {
  static final int MAX_EXAMPLES = 0;

  @Test
  void aDefaultRunAgainstTheVendorsRateLimitPassesWithEveryCheckApplied() {
    RunResult result;
    long start = System.nanoTime();
    try (MockServer limited = MockServer.start("--server.port=0", "--spring.main.banner-mode=off",
        "--logging.level.root=WARN", "--onautomate.rate-limit.enabled=true")) {
      result = Suite.run(Suite.options(limited.baseUrl().toString(), 20261201L, MAX_EXAMPLES), null);
    }
    String report = TextReport.render(result);
    System.out.printf("rate-limited run: %d requests, %d waits (%.1f s waited), %.1f s wall%n",
        result.totalRequests(), result.waits().waits(), result.waits().seconds(), (System.nanoTime() - start) / 1e9);

    assertThat(result.waits().waits()).as("429s waited out\n" + report).isPositive();
    assertThat(result.outcome()).as(report).isEqualTo(Outcome.PASSED);
    assertThat(result.coverage()).as(report).allSatisfy(c -> assertThat(c.status())
        .as(c.check() + ": " + c.reason()).isEqualTo(Coverage.Status.APPLIED));
  }
}
