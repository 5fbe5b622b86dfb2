package com.onautomate.opportunities.conformance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.SharedMockServer;
import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.cli.ConformanceCli;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.report.Failure;
import com.onautomate.opportunities.conformance.report.RunResult;
import com.onautomate.opportunities.conformance.report.TextReport;
import com.onautomate.opportunities.conformance.shrinking.ShrinkLimits;
import com.onautomate.opportunities.mockserver.DemoData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failure planted on one field value is reported in its minimal form: only what triggers it and what the contract
 * requires, the shortest string, plain characters elsewhere; {@code --no-shrink} reports it as generated, and the
 * request budget holds. Only {@code not_a_server_error} runs, to keep the runs short.
 */
class ShrinkingFaultTest {
  static final String CREATE = "POST /v1/pipelines/{pipelineId}/opportunities";
  static final List<String> CHECKS = List.of("not_a_server_error");
  /**
   * A server that validates a create or update and then fails with 500 on a title with a 'Ü' in it (only the
   * generator's unicode boundary has one; its random text never does).
   */
  static final Fault UMLAUT_TITLE = Faults.answer(r -> (r.isCollection() || r.isItem()) && valid(r)
      && r.json().path("title").asText().contains("Ü") ? Fault.Res.json(500, "{\"msg\":\"boom\"}") : null);
  /** A server that validates a create and then fails with 500 when its monetaryValue is above 1000. */
  private static final Fault EXPENSIVE = Faults.answer(r -> r.method().equals("POST") && r.isCollection() && valid(r)
      && r.json().path("monetaryValue").asDouble() > 1000 ? Fault.Res.json(500, "{\"msg\":\"boom\"}") : null);
  private static final Pattern BODY = Pattern.compile(" -d '(.*)' '");

  private static FaultProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    proxy = new FaultProxy(URI.create(SharedMockServer.baseUrl()));
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  /** Whether a request with a JSON body is valid for the contract's schema. */
  private static boolean valid(Fault.Req r) {
    if (r.json() == null) {
      return false;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (r.auth() != null) {
      headers.put("Authorization", r.auth());
    }
    headers.put("Content-Type", r.headers().getOrDefault("Content-Type", "application/octet-stream"));
    return Suite.VALIDATOR.requestErrors(new Request(r.method(), r.path(), List.of(), headers, r.text())).isEmpty();
  }

  /** A run of {@link #CHECKS} through the proxy with {@code fault}; {@code tag} keeps its contacts apart. */
  private static RunResult run(Fault fault, ShrinkLimits limits, String tag) {
    proxy.inject(fault);
    try {
      return Suite.run(Suite.options(proxy.baseUrl(), 3L, 5).withShrinking(limits), CHECKS, tag);
    } finally {
      proxy.inject(Fault.NONE);
    }
  }

  /** The create's server error, as reported. */
  private static Failure createFailure(RunResult result) {
    return result.failures().stream().filter(f -> f.operation().equals(CREATE)).findFirst()
        .orElseThrow(() -> new AssertionError(TextReport.render(result)));
  }

  /** The body of a reported curl line. */
  static JsonNode body(String curl) {
    Matcher m = BODY.matcher(curl);
    assertThat(m.find()).as(curl).isTrue();
    return Json.parse(m.group(1).replace("'\\''", "'"));
  }

  private static List<String> names(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void aFaultOfOneCharacterIsReportedWithThatCharacterAndTheRequiredFieldsOnly() {
    RunResult result = run(UMLAUT_TITLE, ShrinkLimits.DEFAULT, "s1");
    Failure f = createFailure(result);
    JsonNode body = body(f.curl());
    String report = TextReport.render(result);
    assertThat(body.get("title").asText()).as(report).isEqualTo("Ü");
    assertThat(names(body)).as(report).hasSize(4).contains("title", "status", "stageId").containsAnyOf("email", "phone");
    assertThat(f.shrinking()).isNotNull();
    assertThat(f.shrinking().changed()).isTrue();
    assertThat(body(f.shrinking().generatedCurl()).get("title").asText()).contains("Ü").isNotEqualTo("Ü");
    assertThat(report).contains("Reproduce with (the minimal case):").contains("Shrunk from the case generated as")
        .contains("Shrinking sent " + result.shrinkRequests() + " requests");
    assertThat(result.shrinkRequests()).isPositive();
  }

  @Test
  void aFaultOfANumberIsReportedWithTheSmallestFailingValueAndPlainText() {
    Failure f = createFailure(run(EXPENSIVE, ShrinkLimits.DEFAULT, "s2"));
    JsonNode body = body(f.curl());
    assertThat(body.get("monetaryValue").asText()).isEqualTo("1001");
    assertThat(body.get("title").asText()).isEqualTo("a");
    assertThat(names(body)).hasSize(5).contains("title", "status", "stageId", "monetaryValue");
  }

  @Test
  void withoutShrinkingTheCaseIsReportedAsGeneratedAndTheTalliesAreTheSame() {
    RunResult shrunk = run(UMLAUT_TITLE, ShrinkLimits.DEFAULT, "s3");
    RunResult asGenerated = run(UMLAUT_TITLE, ShrinkLimits.OFF, "s4");
    Failure f = createFailure(asGenerated);
    assertThat(f.shrinking()).isNull();
    assertThat(body(f.curl()).get("title").asText()).contains("Ü").isNotEqualTo("Ü");
    assertThat(asGenerated.shrinkRequests()).isZero();
    assertThat(TextReport.render(asGenerated)).doesNotContain("minimal case").doesNotContain("Shrinking sent");
    assertThat(shrunk.tallies()).isEqualTo(asGenerated.tallies());
    assertThat(shrunk.requests()).isEqualTo(asGenerated.requests());
  }

  @Test
  void theRequestBudgetStopsTheSearchForEachFailure() {
    proxy.inject(UMLAUT_TITLE);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code = ConformanceCli.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
          "--base-url", proxy.baseUrl(), "--token", DemoData.TOKEN, "--pipeline-id", DemoData.PIPELINE_ID,
          "--stage-id", DemoData.STAGE_NEW_ID, "--checks", "not_a_server_error", "--seed", "3", "--max-examples", "2",
          "--shrink-max-requests", "3");
      String report = out.toString(StandardCharsets.UTF_8);
      assertThat(code).as(report).isEqualTo(1);
      assertThat(report).contains("with 3 requests; stopped by the request budget (3 requests)")
          .doesNotContain("with 4 requests");
    } finally {
      proxy.inject(Fault.NONE);
    }
  }
}
