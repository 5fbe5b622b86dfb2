package com.onautomate.opportunities.conformance.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a cassette holds comes back as it was: bytes that are not UTF-8, the query, the case, no answer at all. */
class CassetteRoundTripTest {
  private static final String BASE = "http://127.0.0.1:9/api";

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(CassetteFormat.class)
  void everyPartOfAnExchangeReadsBackAsWritten(CassetteFormat format) {
    Request sent = new Request("POST", "/v1/pipelines/p%20q/opportunities", List.of(), Map.of("Authorization",
        "Bearer secret", "Content-Type", "application/json"), "{\"title\":\"a" + Request.rawBytes(0xFF, 0xFE) + "é\"}",
        "x=1&y=%C3%A9");
    Exchange refused = new Exchange(new TestCase(Suite.CONTRACT.require("createOpportunity"), Phase.COVERAGE,
        Kind.NEGATIVE, "title: not UTF-8", "title", sent), new Response(422, Map.of("Content-Type",
        List.of("application/json")), "{\"title\":{\"message\":\"é\",\"rule\":\"string\"}}", 12.5));
    Exchange unanswered = new Exchange(new TestCase(Suite.CONTRACT.require("getOpportunity"), Phase.EXAMPLES,
        Kind.POSITIVE, "an example", null, new Request("GET", "/v1/pipelines/p/opportunities/o", List.of(),
        Map.of(), null)), Response.unanswered("the connection was refused (x)", 3));
    Map<String, CheckResult> verdicts = new LinkedHashMap<>();
    verdicts.put("not_a_server_error", CheckResult.pass());
    verdicts.put("status_code_conformance", CheckResult.fail("Undocumented HTTP status code", "422", "200, 400"));
    verdicts.put("ignored_auth", CheckResult.skip());
    Path file = dir.resolve("c." + format.name().toLowerCase(Locale.ROOT));
    try (CassetteWriter writer = CassetteWriter.open(file, format, false, "conformance --token [Filtered]", 7L, BASE)) {
      writer.recorded(refused, verdicts);
      writer.recorded(unanswered, Map.of("not_a_server_error", CheckResult.fail("No complete answer", "x", "y")));
    }

    Cassette back = Cassette.read(file);
    assertThat(back.format()).isEqualTo(format);
    assertThat(back.baseUrl()).isEqualTo(BASE);
    assertThat(back.seed()).isEqualTo(7L);
    Interaction first = back.interactions().get(0);
    assertThat(first.id()).isEqualTo(1);
    assertThat(first.request().method()).isEqualTo("POST");
    assertThat(first.request().pathAndQuery()).isEqualTo("/v1/pipelines/p%20q/opportunities?x=1&y=%C3%A9");
    assertThat(first.request().bodyBytes()).isEqualTo(sent.bodyBytes());
    assertThat(first.request().headers()).containsEntry("Authorization", Secrets.MASK)
        .containsEntry("Content-Type", "application/json");
    assertThat(first.operation()).isEqualTo("POST /v1/pipelines/{pipelineId}/opportunities");
    assertThat(first.kind()).isEqualTo(Kind.NEGATIVE);
    assertThat(first.phase()).isEqualTo("COVERAGE");
    assertThat(first.step()).isEqualTo("NONE");
    assertThat(first.target()).isEqualTo("title");
    assertThat(first.description()).isEqualTo("title: not UTF-8");
    assertThat(first.response().status()).isEqualTo(422);
    assertThat(first.response().body()).isEqualTo("{\"title\":{\"message\":\"é\",\"rule\":\"string\"}}");
    assertThat(first.response().header("content-type")).isEqualTo("application/json");
    assertThat(first.response().elapsedMillis()).isEqualTo(12.5);
    assertThat(first.status()).isEqualTo(Verdict.Status.FAILURE);
    assertThat(first.checks()).containsExactly(
        new Verdict("not_a_server_error", Verdict.Status.SUCCESS, null, null, null),
        new Verdict("status_code_conformance", Verdict.Status.FAILURE, "Undocumented HTTP status code", "422",
            "200, 400"),
        new Verdict("ignored_auth", Verdict.Status.SKIP, null, null, null));
    Interaction second = back.interactions().get(1);
    assertThat(second.id()).isEqualTo(2);
    assertThat(second.request().body()).isNull();
    assertThat(second.response().answered()).isFalse();
    assertThat(second.response().noAnswer()).isEqualTo("the connection was refused (x)");
    assertThat(second.failedChecks()).containsExactly("not_a_server_error");
  }

  @ParameterizedTest
  @EnumSource(CassetteFormat.class)
  void aCassetteWithNoExchangeIsStillACassette(CassetteFormat format) {
    Path file = dir.resolve("empty." + format.name().toLowerCase(Locale.ROOT));
    CassetteWriter.open(file, format, false, "conformance", null, BASE).close();
    assertThat(Cassette.read(file).interactions()).isEmpty();
  }

  @Test
  void secretsAreMaskedInTheCommandLine() {
    assertThat(Secrets.command("conformance", List.of("--token", "abc", "--other-token=def", "--seed", "1"), false))
        .isEqualTo("conformance --token [Filtered] --other-token=[Filtered] --seed 1");
    assertThat(Secrets.command("conformance", List.of("--token", "abc"), true)).isEqualTo("conformance --token abc");
  }
}
