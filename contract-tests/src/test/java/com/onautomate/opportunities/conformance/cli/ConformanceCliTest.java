package com.onautomate.opportunities.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.conformance.LocalServers;
import com.onautomate.opportunities.conformance.SharedMockServer;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.mockserver.DemoData;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes 0, 1, 2 and 3, and the one-line messages of the CLI. */
public class ConformanceCliTest {
  private static final String STAGE = "8b897c8f-b859-49c1-88f2-ed590708a85c";

  @TempDir
  Path dir;

  /** What a run of the CLI printed and returned. */
  public record Outcome(int code, String out, String err) {
  }

  /** Runs the CLI in this JVM (other test packages use it too). */
  public static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ConformanceCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static void assertUsage(Outcome o, String message) {
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err().lines().count()).as(o.err()).isEqualTo(1);
    assertThat(o.err()).startsWith("conformance: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static String[] target(String baseUrl, String... more) {
    String[] base = {"--base-url", baseUrl, "--token", "t", "--pipeline-id", "p", "--stage-id", STAGE};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void withoutBaseUrlItVerifiesTheBundledMockServerAndPasses() throws IOException {
    Path xml = dir.resolve("junit.xml");
    Outcome o = run("--max-examples", "0", "--seed", "5", "--junit-xml", xml.toString());
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(0);
    assertThat(o.out()).contains("starting the bundled mock server").contains("Result: PASSED, 0 failures")
        .contains("Reproduce this run with --seed 5");
    assertThat(Files.readString(xml)).contains("<testsuites name=\"conformance\"").contains("failures=\"0\"");
  }

  @Test
  void aServerThatFailsExitsOneWithReproducibleFailures() throws IOException {
    HttpServer broken = LocalServers.answering(500, "{\"msg\":\"boom\"}");
    try {
      Outcome o = run(target("http://127.0.0.1:" + broken.getAddress().getPort(), "--max-examples", "0",
          "--checks", "not_a_server_error"));
      assertThat(o.code()).as(o.err()).isEqualTo(1);
      // one failure per operation, whatever the request: its smallest example is the request without credentials
      assertThat(o.out()).contains("not_a_server_error: Server error").contains("Received: 500 {\"msg\":\"boom\"}")
          .contains("Failures (6 kinds").containsPattern("Seen [0-9]+ times")
          .contains("Reproduce with:\n     curl -X GET 'http://127.0.0.1:").contains("Result: FAILED");
    } finally {
      broken.stop(0);
    }
  }

  @Test
  void undocumentedResponsePropertiesFailOnlyWithStrictSchemas() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      boolean list = ex.getRequestMethod().equals("GET") && ex.getRequestURI().getPath().endsWith("/opportunities");
      String text = list ? "{\"opportunities\":[],\"meta\":{\"total\":0,\"currentPage\":1,\"nextPage\":null,"
          + "\"prevPage\":null,\"nextPageUrl\":null,\"limit\":20}}" : "{\"msg\":\"Not Found\",\"requestId\":\"r1\"}";
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(list ? 200 : 404, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      String[] only = {"--max-examples", "0", "--checks", "response_schema_conformance"};
      Outcome lenient = run(target(url, only));
      assertThat(lenient.out()).as(lenient.err()).contains("Verifying").doesNotContain("strict schemas")
          .doesNotContain("response_schema_conformance: Response violates schema");
      Outcome strict = run(target(url, "--max-examples", "0", "--checks", "response_schema_conformance",
          "--strict-schemas"));
      assertThat(strict.code()).as(strict.err()).isEqualTo(1);
      assertThat(strict.out()).contains("strict schemas").contains("response_schema_conformance: Response violates schema")
          .contains("[\"limit\"]").contains("[\"requestId\"]");
      Path config = Files.writeString(dir.resolve("strict.toml"),
          "[checks.response_schema_conformance]\nstrict-schemas = true\n");
      Outcome configured = run(target(url, "--max-examples", "0", "--checks", "response_schema_conformance",
          "--config", config.toString()));
      assertThat(configured.code()).isEqualTo(1);
      assertThat(configured.out()).contains("strict schemas");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aTokenOrPipelineTheServerRefusesIsExitTwo() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      boolean known = "Bearer good".equals(ex.getRequestHeaders().getFirst("Authorization"));
      byte[] body = (known ? "{\"msg\":\"Not Found\"}" : "{\"msg\":\"Unauthorized\"}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(known ? 404 : 401, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      assertUsage(run(target(url)), "the server answers 401 to the token given; check --token");
      assertUsage(run("--base-url", url, "--token", "good", "--pipeline-id", "nope", "--stage-id", STAGE),
          "the server answers 404 for pipeline nope with this token; check --pipeline-id");
    } finally {
      server.stop(0);
    }
  }

  /** The mock server's demo location with {@code more} options; every preflight probe below stops the run. */
  static String[] demo(String pipeline, String... more) {
    String[] base = {"--base-url", SharedMockServer.baseUrl(), "--token", DemoData.TOKEN, "--pipeline-id", pipeline,
        "--max-examples", "0", "--seed", "3"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private static long total(String pipeline) throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        SharedMockServer.baseUrl() + "/v1/pipelines/" + pipeline + "/opportunities?limit=1"))
        .header("Authorization", "Bearer " + DemoData.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = Json.parse(page.body());
    return body == null ? -1 : body.path("meta").path("total").asLong(-1);
  }

  @Test
  void argumentsTheServerRefusesStopTheRunBeforeGeneratingAndLeaveNothingBehind() throws Exception {
    long before = total(DemoData.PIPELINE_ID);
    assertUsage(run(demo(DemoData.PIPELINE_ID, "--stage-id", DemoData.STAGE_NEW_ID, "--stage-id", "no-such-stage")),
        "--stage-id no-such-stage is not a stage of pipeline " + DemoData.PIPELINE_ID);
    assertUsage(run(demo(DemoData.PIPELINE_ID, "--stage-id", "no-such-stage")),
        "--stage-id no-such-stage is not a stage of pipeline");
    assertUsage(run(demo(DemoData.PIPELINE_ID, "--stage-id", DemoData.STAGE_NEW_ID, "--other-token", "refused")),
        "the server answers 401 to --other-token");
    assertThat(total(DemoData.PIPELINE_ID)).as("opportunities left by the probes").isEqualTo(before);

    long duplicatesBefore = total(DemoData.DUPLICATES_PIPELINE_ID);
    assertUsage(run(demo(DemoData.DUPLICATES_PIPELINE_ID, "--stage-id", DemoData.DUPLICATES_STAGE_1_ID)),
        "allows duplicate opportunities");
    assertThat(total(DemoData.DUPLICATES_PIPELINE_ID)).as("opportunities left by the probes")
        .isEqualTo(duplicatesBefore);
    // without the duplicate rule, that pipeline is fine to test
    Outcome o = run(demo(DemoData.DUPLICATES_PIPELINE_ID, "--stage-id", DemoData.DUPLICATES_STAGE_1_ID,
        "--checks", "not_a_server_error"));
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(0);
  }

  @Test
  void checksThatNeedNoGeneratedCasesSendNone() {
    Outcome o = run(demo(DemoData.PIPELINE_ID, "--stage-id", DemoData.STAGE_NEW_ID, "--stage-id",
        DemoData.STAGE_CONTACTED_ID, "--checks", "pages_partition"));
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(0);
    assertThat(o.out()).doesNotContain(" examples ").doesNotContain(" coverage ").doesNotContain(" fuzzing ")
        .contains("pages_partition").doesNotContain("NEVER APPLIED").contains("Result: PASSED");
  }

  @Test
  void anUnreachableServerIsExitTwo() throws IOException {
    int port = LocalServers.closedPort();
    assertUsage(run(target("http://127.0.0.1:" + port)), "cannot reach http://127.0.0.1:" + port);
  }

  @Test
  void badArgumentsAreExitTwoInOneLine() throws IOException {
    assertUsage(run("--bogus"), "Unknown option: '--bogus'");
    assertUsage(run("--base-url", "http://127.0.0.1:1"), "missing --token");
    assertUsage(run("--base-url", "ftp://x", "--token", "t"), "--base-url must be an http:// or https:// URL");
    assertUsage(run(target("http://127.0.0.1:1", "--max-examples", "many")), "--max-examples");
    assertUsage(run(target("http://127.0.0.1:1", "--checks", "not_a_server_error,no_such_check")),
        "unknown check 'no_such_check' in --checks; valid checks: not_a_server_error,");
    assertUsage(run(target("http://127.0.0.1:1", "--spec", dir.resolve("missing.yaml").toString())),
        "cannot read the spec");
    Path notOpenApi = Files.writeString(dir.resolve("x.yaml"), "hello: world\n");
    assertUsage(run(target("http://127.0.0.1:1", "--spec", notOpenApi.toString())), "cannot read the spec");
    Path config = Files.writeString(dir.resolve("schemathesis.toml"), "[checks.nope]\nenabled = true\n");
    assertUsage(run(target("http://127.0.0.1:1", "--config", config.toString())), "unknown check 'nope'");
  }

  @Test
  void workersAndShrinkingBudgetsOutOfRangeAreExitTwoInOneLine() throws IOException {
    assertUsage(run(target("http://127.0.0.1:1", "--workers", "0")), "--workers must be 1 to 64, got 0");
    assertUsage(run(target("http://127.0.0.1:1", "--workers", "-2")), "--workers must be 1 to 64, got -2");
    assertUsage(run(target("http://127.0.0.1:1", "--workers", "65")), "--workers must be 1 to 64, got 65");
    assertUsage(run(target("http://127.0.0.1:1", "--workers", "two")), "--workers");
    assertUsage(run(target("http://127.0.0.1:1", "--shrink-max-requests", "-1")),
        "--shrink-max-requests must be 0 or more");
    assertUsage(run(target("http://127.0.0.1:1", "--shrink-max-seconds", "0")),
        "--shrink-max-seconds must be more than 0 and at most 3600");
    Path config = Files.writeString(dir.resolve("workers.toml"), "workers = 0\n");
    assertUsage(run(target("http://127.0.0.1:1", "--config", config.toString())), "--workers must be 1 to 64, got 0");
    Path shrinking = Files.writeString(dir.resolve("shrinking.toml"), "[shrinking]\nmax-requests = \"many\"\n");
    assertUsage(run(target("http://127.0.0.1:1", "--config", shrinking.toString())),
        "shrinking.max-requests must be a number");
  }
}
