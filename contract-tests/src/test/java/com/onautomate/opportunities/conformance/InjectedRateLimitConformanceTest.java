package com.onautomate.opportunities.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.Tally;
import com.onautomate.opportunities.conformance.report.TextReport;
import com.onautomate.opportunities.mockserver.MockServer;
import org.junit.jupiter.api.Test;

/**
 * The suite against a mock server that answers a seeded tenth of all requests with an injected
 * {@code 429} (Retry-After 0): the suite waits as Retry-After says and sends again, so the run still
 * passes, with every check judging something, and the 429s themselves are judged (their documented
 * headers).
 */
class InjectedRateLimitConformanceTest {

  @Test
  void aRunMeetingInjected429sPasses() {
    try (MockServer server = MockServer.start("--server.port=0", "--onautomate.faults.status-rate.429=0.1",
        "--onautomate.faults.retry-after=0", "--onautomate.faults.seed=20261201")) {
      RunResult result = Suite.run(Suite.options(server.baseUrl().toString(), 20261130L, 25), null);

      assertThat(result.failures()).as(TextReport.render(result)).isEmpty();
      assertThat(result.totalRequests()).isGreaterThan(500);
      for (String check : result.checks()) {
        int passed = result.operations().stream().map(op -> result.tally(check, op)).mapToInt(Tally::passed).sum();
        assertThat(passed).as("exchanges that %s judged", check).isPositive();
      }
    }
  }
}
