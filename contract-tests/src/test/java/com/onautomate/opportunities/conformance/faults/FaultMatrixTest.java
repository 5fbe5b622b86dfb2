package com.onautomate.opportunities.conformance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.checks.CheckRegistry;
import com.onautomate.opportunities.conformance.report.Failure;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.TextReport;
import com.onautomate.opportunities.conformance.SharedMockServer;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The suite's own proof: each injected bug is caught by the check that should catch it; no bug, no failure. */
class FaultMatrixTest {
  private static FaultProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    proxy = new FaultProxy(java.net.URI.create(SharedMockServer.baseUrl()));
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  /** The catalogue of realistic bugs, then what each contract decision forbids. */
  static Stream<Faults.Injected> faults() {
    return Stream.concat(Faults.all().stream(), DecisionFaults.all().stream().map(DecisionFaults.Forbidden::injected));
  }

  @Test
  void everyCheckAndRuleHasAtLeastTwoInjectedFaults() {
    Map<String, Long> perCheck = faults()
        .collect(Collectors.groupingBy(Faults.Injected::check, Collectors.counting()));
    assertThat(perCheck.keySet()).containsExactlyInAnyOrderElementsOf(CheckRegistry.builtIn().names());
    assertThat(perCheck).allSatisfy((check, n) -> assertThat(n).as(check).isGreaterThanOrEqualTo(2));
  }

  @Test
  void theProxyWithoutAFaultPassesWithZeroFailures() {
    proxy.inject(Fault.NONE);
    RunResult result = Suite.run(Suite.options(proxy.baseUrl(), 11L, 2), 10_000.0);
    assertThat(result.failures()).as(TextReport.render(result)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void theInjectedFaultIsCaughtByItsCheck(Faults.Injected fault) {
    proxy.inject(fault.fault());
    try {
      long start = System.nanoTime();
      RunResult result = Suite.run(Suite.options(proxy.baseUrl(), 11L, 2), fault.maxResponseTimeMillis());
      Set<String> failed = result.failures().stream().map(Failure::check).collect(Collectors.toCollection(TreeSet::new));
      System.out.printf("fault %-70s %5.1f s, %d requests, failed checks %s%n", fault, (System.nanoTime() - start) / 1e9,
          result.totalRequests(), failed);
      assertThat(failed).as(TextReport.render(result)).contains(fault.check());
    } finally {
      proxy.inject(Fault.NONE);
    }
  }
}
