package com.example.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.onautomate.opportunities.mockserver.MockServerTest;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The same tests against a faulty server go red: they run here through JUnit's {@link EngineTestKit}, against a mock
 * server that answers one request in ten with an undocumented {@code 500} (its fault injection, seeded).
 */
class FaultyServerTest {

  /** Run only through the test kit (Surefire leaves nested classes alone). */
  @MockServerTest(args = {"--onautomate.faults.status-rate.500=0.1", "--onautomate.faults.seed=1",
      "--logging.level.com.onautomate=WARN"})
  static class AgainstAFaultyServer {
    @TestFactory
    Stream<DynamicNode> conformance(URI baseUrl) {
      // the two checks a 500 breaks: no scenario is sent, which keeps this run short
      return MockServerConformanceTest.suite(baseUrl).checks("not_a_server_error", "status_code_conformance")
          .dynamicTests();
    }
  }

  @Test
  void failuresAreFailedTestsWithTheirCurlLines() {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(AgainstAFaultyServer.class)).execute()
        .testEvents();

    assertThat(tests.started().count()).isEqualTo(tests.finished().count()).isEqualTo(2 * 6 + 1);
    List<Event> failed = tests.failed().list();
    assertThat(failed).extracting(e -> e.getTestDescriptor().getDisplayName())
        .contains("not_a_server_error — POST /v1/pipelines/{pipelineId}/opportunities");
    Throwable serverError = failed.stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().startsWith("not_a_server_error — "))
        .findFirst().orElseThrow().getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
        .getThrowable().orElseThrow();
    assertThat(serverError).isInstanceOf(AssertionError.class).hasMessageContaining("1. Server error")
        .hasMessageContaining("Received: 500").hasMessageContaining("Reproduce with:\n     curl -X ")
        .hasMessageContaining(".seed(1)");
  }
}
