package com.onautomate.opportunities.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report texts against golden files, so that any change in output is a visible diff.
 * Regenerate with {@code -Dgolden.update=true} after an intended change.
 */
class ReportGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final String LIST = "GET /v1/pipelines/{pipelineId}/opportunities";
  private static final String CREATE = "POST /v1/pipelines/{pipelineId}/opportunities";

  static RunResult failingRun() {
    Map<String, Map<String, Tally>> tallies = new LinkedHashMap<>();
    tallies.put("not_a_server_error", Map.of(LIST, new Tally(120, 0, 0), CREATE, new Tally(97, 2, 0)));
    tallies.put("status_code_conformance", Map.of(LIST, new Tally(119, 1, 0), CREATE, new Tally(99, 0, 0)));
    tallies.put("use_after_free", Map.of(LIST, new Tally(0, 0, 120), CREATE, new Tally(0, 0, 99)));
    Map<String, Long> requests = new LinkedHashMap<>();
    requests.put(LIST, 120L);
    requests.put(CREATE, 99L);
    List<Failure> failures = List.of(
        new Failure("not_a_server_error", CREATE, "Server error", "500 {\"msg\":\"Internal Server Error\"}",
            "a status in 2xx, 3xx, 4xx",
            "curl -X POST -H 'Authorization: Bearer demo-token' -H 'Content-Type: application/json' -d '{\"title\":\"Ünïcødé\",\"status\":\"open\"}' 'http://127.0.0.1:8080/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities'",
            2, new Shrinking("title: unicode text",
                "curl -X POST -H 'Authorization: Bearer demo-token' -H 'Content-Type: application/json' -d '{\"title\":\"Ünïcødé ☃ 日本語 xQ3a\",\"status\":\"open\",\"name\":\"Ann\"}' 'http://127.0.0.1:8080/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities'",
                "a body of 3 properties, 66 bytes", 26, true, null)),
        new Failure("status_code_conformance", LIST, "Undocumented HTTP status code", "403",
            "200, 400, 401, 404, 422, 429",
            "curl -X GET -H 'Authorization: Bearer demo-token' 'http://127.0.0.1:8080/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities?status=won&limit=100'",
            1, new Shrinking("random valid case",
                "curl -X GET -H 'Authorization: Bearer demo-token' 'http://127.0.0.1:8080/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities?status=won&limit=100'",
                "2 query parameters", 5, false, null)));
    Map<String, List<String>> never = new LinkedHashMap<>();
    never.put(LIST, List.of("400", "429"));
    never.put(CREATE, List.of());
    String stopped = "stateful sequence 1: the create answered 500, so the "
        + "stateful sequence stopped here";
    List<Coverage> coverage = List.of(
        new Coverage("not_a_server_error", 219, 219, Coverage.Status.APPLIED, null),
        new Coverage("status_code_conformance", 219, 219, Coverage.Status.APPLIED, null),
        new Coverage("use_after_free", 0, 0, Coverage.Status.NEVER_APPLIED,
            "none of its requests to a deleted opportunity was sent (" + stopped + ")"));
    return new RunResult(42L, List.of("not_a_server_error", "status_code_conformance", "use_after_free"),
        List.of(LIST, CREATE), List.of("listOpportunities", "createOpportunity"), tallies, requests, failures, never,
        coverage, List.of(), List.of(stopped), new Waits(3, 4.0, 1), 31);
  }

  static RunResult passingRun() {
    Map<String, Map<String, Tally>> tallies = Map.of("not_a_server_error", Map.of(LIST, new Tally(3, 0, 0)),
        "tenant_isolation", Map.of(LIST, new Tally(0, 0, 3)));
    List<Coverage> coverage = List.of(new Coverage("not_a_server_error", 3, 3, Coverage.Status.APPLIED, null),
        new Coverage("tenant_isolation", 0, 0, Coverage.Status.NOT_APPLIED,
            "needs --other-token, a token of another location"));
    return new RunResult(7L, List.of("not_a_server_error", "tenant_isolation"), List.of(LIST),
        List.of("listOpportunities"), tallies, Map.of(LIST, 3L), List.of(), Map.of(LIST, List.of()), coverage,
        List.of(), List.of("the tenant-isolation scenario: needs --other-token, a token of another location"),
        Waits.NONE);
  }

  /** Nothing failed, but every list answer was 429: a check never applied and an operation never answered 2xx. */
  static RunResult incompleteRun() {
    Map<String, Map<String, Tally>> tallies = Map.of("not_a_server_error", Map.of(LIST, new Tally(40, 0, 0)),
        "pages_partition", Map.of(LIST, new Tally(0, 0, 40)));
    List<Coverage> coverage = List.of(new Coverage("not_a_server_error", 40, 40, Coverage.Status.APPLIED, null),
        new Coverage("pages_partition", 0, 9, Coverage.Status.NEVER_APPLIED,
            "9 pages of a walk were sent; all answered 429"));
    return new RunResult(8L, List.of("not_a_server_error", "pages_partition"), List.of(LIST),
        List.of("listOpportunities"), tallies, Map.of(LIST, 40L), List.of(), Map.of(LIST, List.of("200")), coverage,
        List.of(LIST + ": 31 valid requests were sent; all answered 429, none 2xx"), List.of(),
        new Waits(93, 310.0, 40));
  }

  @Test
  void failingRunText() throws IOException {
    assertGolden("failing-run.txt", TextReport.render(failingRun()));
  }

  @Test
  void passingRunText() throws IOException {
    assertGolden("passing-run.txt", TextReport.render(passingRun()));
  }

  @Test
  void failingRunJUnitXml() throws IOException {
    assertGolden("failing-run.xml", JUnitXmlReport.render(failingRun()));
  }

  @Test
  void incompleteRunText() throws IOException {
    assertGolden("incomplete-run.txt", TextReport.render(incompleteRun()));
  }

  @Test
  void incompleteRunJUnitXml() throws IOException {
    assertGolden("incomplete-run.xml", JUnitXmlReport.render(incompleteRun()));
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
