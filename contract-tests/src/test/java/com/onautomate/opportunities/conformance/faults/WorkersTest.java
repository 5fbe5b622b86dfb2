package com.onautomate.opportunities.conformance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.SharedMockServer;
import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.TextReport;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --workers 1} and {@code --workers 8} give the same report from the same seed (tallies, failures, minimal
 * cases), against the mock server and against a faulty one. Each run has its own contact identities (and so its own
 * opportunities), which the comparison masks.
 */
class WorkersTest {
  private static FaultProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    proxy = new FaultProxy(URI.create(SharedMockServer.baseUrl()));
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  /** The report without what differs from run to run by design: contact identities, markers and opportunity ids. */
  private static String masked(RunResult r) {
    return TextReport.render(r).replaceAll("ct-w\\d+-\\d+", "ct-ID").replaceAll("\\+1555\\d+", "+1555ID")
        .replaceAll("mkw\\d+", "mkID").replaceAll("/opportunities/[^/'?\\s]+", "/opportunities/ID");
  }

  private static String report(String baseUrl, int workers, List<String> checks) {
    RunResult r = Suite.run(Suite.options(baseUrl, 21L, 5).withWorkers(workers), checks, "w" + workers);
    return masked(r);
  }

  @Test
  void oneWorkerAndEightGiveTheSameReportAgainstTheMockServer() {
    String one = report(SharedMockServer.baseUrl(), 1, List.of());
    String eight = report(SharedMockServer.baseUrl(), 8, List.of());
    assertThat(eight).isEqualTo(one);
    assertThat(one).contains("Result: PASSED");
  }

  @Test
  void oneWorkerAndEightGiveTheSameReportAgainstAFaultyServer() {
    proxy.inject(ShrinkingFaultTest.UMLAUT_TITLE);
    try {
      String one = report(proxy.baseUrl(), 1, ShrinkingFaultTest.CHECKS);
      String eight = report(proxy.baseUrl(), 8, ShrinkingFaultTest.CHECKS);
      assertThat(eight).isEqualTo(one);
      assertThat(one).contains("Result: FAILED").contains("the minimal case");
    } finally {
      proxy.inject(Fault.NONE);
    }
  }
}
