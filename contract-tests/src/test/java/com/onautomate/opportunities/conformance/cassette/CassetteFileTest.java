package com.onautomate.opportunities.conformance.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.onautomate.opportunities.conformance.LocalServers;
import com.onautomate.opportunities.conformance.SharedMockServer;
import com.onautomate.opportunities.conformance.cli.ConformanceCliTest;
import com.onautomate.opportunities.mockserver.DemoData;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cassette-path}: every exchange of a run in Schemathesis's VCR layout (the documented keys, the token masked)
 * or as HAR 1.2 (valid against the HAR schema), read back as written, and complete however the run ends.
 */
class CassetteFileTest {
  /** The checks of one exchange: only the generated cases are sent, so the runs stay short. */
  private static final String CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,"
      + "response_schema_conformance,missing_required_header";
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Pattern SENT = Pattern.compile("Result: PASSED, 0 failures, (\\d+) requests sent");

  @TempDir
  static Path dir;
  private static Path vcr;
  private static Path har;
  private static int vcrRequests;
  private static int harRequests;

  @BeforeAll
  static void record() {
    vcr = dir.resolve("run.yaml");
    vcrRequests = requestsSent(ConformanceCliTest.run(args(SharedMockServer.baseUrl(), "--cassette-path",
        vcr.toString())));
    har = dir.resolve("run.har");
    harRequests = requestsSent(ConformanceCliTest.run(args(SharedMockServer.baseUrl(), "--cassette-path",
        har.toString(), "--cassette-format", "har")));
  }

  static String[] args(String baseUrl, String... more) {
    List<String> all = new ArrayList<>(List.of("--base-url", baseUrl, "--token", DemoData.TOKEN, "--pipeline-id",
        DemoData.PIPELINE_ID, "--stage-id", DemoData.STAGE_NEW_ID, "--stage-id", DemoData.STAGE_CONTACTED_ID,
        "--max-examples", "0", "--seed", "3", "--checks", CHECKS));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static int requestsSent(ConformanceCliTest.Outcome o) {
    assertThat(o.code()).as(o.out() + o.err()).isZero();
    Matcher m = SENT.matcher(o.out());
    assertThat(m.find()).as(o.out()).isTrue();
    assertThat(o.out()).contains("Cassette: ");
    return Integer.parseInt(m.group(1));
  }

  @Test
  void aVcrCassetteHoldsEveryExchangeWithSchemathesisKeysAndTheTokenMasked() throws IOException {
    String text = Files.readString(vcr, StandardCharsets.UTF_8);
    JsonNode root = YAML.readTree(text);
    assertThat(root.path("command").asText()).startsWith("conformance --base-url").contains("--token [Filtered]");
    assertThat(root.path("recorded_with").asText()).startsWith("OnAutomate conformance");
    assertThat(root.path("seed").asLong()).isEqualTo(3);
    assertThat(root.path("base_url").asText()).isEqualTo(SharedMockServer.baseUrl());
    JsonNode interactions = root.path("http_interactions");
    assertThat(interactions.size()).isEqualTo(vcrRequests).isGreaterThan(50);
    int expectedId = 1;
    for (JsonNode i : interactions) {
      assertThat(i.path("id").asText()).isEqualTo(Integer.toString(expectedId++));
      assertThat(i.path("status").asText()).isEqualTo("SUCCESS");
      assertThat(i.path("elapsed").isNumber()).isTrue();
      assertThat(Instant.parse(i.path("recorded_at").asText())).isBefore(Instant.now());
      assertThat(i.path("operation").asText()).matches("(GET|POST|PUT|DELETE) /v1/pipelines/.*");
      assertThat(i.path("kind").asText()).isIn("POSITIVE", "NEGATIVE", "MISSING_AUTH", "INVALID_AUTH",
          "UNSUPPORTED_METHOD", "OPTIONS", "SCENARIO");
      List<String> checks = new ArrayList<>();
      i.path("checks").forEach(c -> {
        checks.add(c.path("name").asText());
        assertThat(c.path("status").asText()).isIn("SUCCESS", "SKIP");
      });
      assertThat(String.join(",", checks)).isEqualTo(CHECKS);
      JsonNode request = i.path("request");
      assertThat(request.path("uri").asText()).startsWith(SharedMockServer.baseUrl() + "/v1/pipelines/");
      assertThat(request.path("method").asText()).isNotEmpty();
      request.path("headers").fields().forEachRemaining(h -> assertThat(h.getValue().isArray()).isTrue());
      if (request.path("headers").has("Authorization")) {
        assertThat(request.path("headers").path("Authorization").path(0).asText()).isEqualTo("[Filtered]");
      }
      if (request.has("body")) {
        assertThat(request.path("body").path("encoding").asText()).isEqualTo("utf-8");
        assertThat(request.path("body").has("string") || request.path("body").has("base64_string")).isTrue();
      }
      JsonNode response = i.path("response");
      assertThat(response.path("status").path("code").asText()).matches("[1-5][0-9][0-9]");
      assertThat(response.path("headers").isObject()).isTrue();
      assertThat(response.path("body").path("encoding").asText()).isEqualTo("utf-8");
      assertThat(response.path("http_version").asText()).isEqualTo("1.1");
    }
    assertThat(text).doesNotContain(DemoData.TOKEN);
  }

  @Test
  void aCassetteReadsBackAsWritten() {
    Cassette back = Cassette.read(vcr);
    assertThat(back.format()).isEqualTo(CassetteFormat.VCR);
    assertThat(back.seed()).isEqualTo(3L);
    assertThat(back.interactions()).hasSize(vcrRequests);
    Interaction first = back.interactions().get(0);
    assertThat(first.request().url(back.baseUrl())).startsWith(SharedMockServer.baseUrl() + "/v1/pipelines/");
    assertThat(first.response().answered()).isTrue();
    assertThat(first.checks()).extracting(Verdict::name).containsExactly(CHECKS.split(",", -1));
    Cassette fromHar = Cassette.read(har);
    assertThat(fromHar.format()).isEqualTo(CassetteFormat.HAR);
    assertThat(fromHar.interactions()).hasSize(harRequests);
    assertThat(fromHar.interactions()).allSatisfy(i -> assertThat(i.checks()).hasSize(5));
  }

  @Test
  void aHarCassetteIsValidHar12() throws IOException {
    JsonNode root = new ObjectMapper().readTree(har.toFile());
    Schema schema = SchemaRegistry.withDialect(Dialects.getDraft7())
        .getSchema(SchemaLocation.of("classpath:har-1.2.schema.json"));
    List<Error> errors = schema.validate(root);
    assertThat(errors).isEmpty();
    // the schema can fail: an entry without its timings is no HAR
    JsonNode broken = root.deepCopy();
    ((ObjectNode) broken.path("log").path("entries").path(0)).remove("timings");
    assertThat(schema.validate(broken)).isNotEmpty();
    assertThat(root.path("log").path("entries").size()).isEqualTo(harRequests);
    assertThat(Files.readString(har)).doesNotContain(DemoData.TOKEN).contains("[Filtered]");
  }

  @Test
  void secretsAreKeptWhenAsked() throws IOException {
    Path kept = dir.resolve("kept.yaml");
    // only the paging scenario is sent for pages_partition: a short run
    ConformanceCliTest.Outcome o = ConformanceCliTest.run("--base-url", SharedMockServer.baseUrl(), "--token",
        DemoData.TOKEN, "--pipeline-id", DemoData.PIPELINE_ID, "--stage-id", DemoData.STAGE_NEW_ID, "--checks",
        "pages_partition", "--cassette-path", kept.toString(), "--cassette-keep-secrets");
    assertThat(o.code()).as(o.out() + o.err()).isZero();
    assertThat(Files.readString(kept)).contains("Bearer " + DemoData.TOKEN).doesNotContain("[Filtered]");
  }

  @Test
  void aRunAgainstAnUnreachableServerLeavesAParseableCassette() throws IOException {
    int port = LocalServers.closedPort();
    Path file = dir.resolve("unreachable.yaml");
    ConformanceCliTest.Outcome o = ConformanceCliTest.run(args("http://127.0.0.1:" + port, "--cassette-path",
        file.toString()));
    assertThat(o.code()).as(o.out() + o.err()).isEqualTo(2);
    JsonNode interactions = YAML.readTree(file.toFile()).path("http_interactions");
    assertThat(interactions.size()).isEqualTo(1);
    assertThat(interactions.path(0).path("response").isNull()).isTrue();
    assertThat(interactions.path(0).path("no_answer").asText()).contains("refused");
    assertThat(interactions.path(0).path("status").asText()).isEqualTo("FAILURE");
  }

  @Test
  void aRunAgainstABrokenServerLeavesAParseableCassetteOfItsFailures() throws IOException {
    HttpServer broken = LocalServers.answering(500, "{\"msg\":\"boom\"}");
    try {
      Path file = dir.resolve("broken.har");
      ConformanceCliTest.Outcome o = ConformanceCliTest.run(args("http://127.0.0.1:" + broken.getAddress().getPort(),
          "--cassette-path", file.toString(), "--cassette-format", "har"));
      assertThat(o.code()).as(o.out() + o.err()).isEqualTo(1);
      Cassette back = Cassette.read(file);
      assertThat(back.interactions()).isNotEmpty().allSatisfy(i -> {
        assertThat(i.status()).isEqualTo(Verdict.Status.FAILURE);
        assertThat(i.failedChecks()).contains("not_a_server_error");
        assertThat(i.response().body()).isEqualTo("{\"msg\":\"boom\"}");
      });
    } finally {
      broken.stop(0);
    }
  }

  @Test
  void badCassetteOptionsAreOneLineAndExitTwo() {
    ConformanceCliTest.Outcome wrong = ConformanceCliTest.run(args(SharedMockServer.baseUrl(), "--cassette-path",
        dir.resolve("x").toString(), "--cassette-format", "xml"));
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).isEqualTo("conformance: --cassette-format must be vcr or har, got 'xml'\n");
    ConformanceCliTest.Outcome alone = ConformanceCliTest.run(args(SharedMockServer.baseUrl(), "--cassette-format",
        "har"));
    assertThat(alone.code()).isEqualTo(2);
    assertThat(alone.err()).contains("need --cassette-path");
    assertThat(List.of(wrong.out(), alone.out())).noneMatch(out -> out.contains("Result:"));
  }
}
