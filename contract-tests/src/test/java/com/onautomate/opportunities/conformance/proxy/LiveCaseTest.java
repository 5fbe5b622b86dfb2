package com.onautomate.opportunities.conformance.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.replay.StoredDataRefusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A live request's kind, told from the request alone; a refusal for stored data is not judged for acceptance. */
class LiveCaseTest {
  private static final LiveCase LIVE = new LiveCase(Suite.CONTRACT);
  private static final String LIST = "/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities";
  private static final String STAGE = "8b897c8f-b859-49c1-88f2-ed590708a85c";

  private static Request request(String method, String path, String query, String contentType, String body,
                                 boolean auth) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (auth) {
      headers.put("Authorization", "Bearer demo-token");
    }
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return new Request(method, path, List.of(), headers, body, query);
  }

  private static Kind kind(Request r) {
    TestCase c = LIVE.classify(r);
    return c == null ? null : c.kind();
  }

  private static String create(String identity) {
    return "{\"title\":\"Roof\",\"status\":\"open\",\"stageId\":\"" + STAGE + "\"" + identity + "}";
  }

  @Test
  void theKindComesFromTheRequest() {
    assertThat(kind(request("GET", LIST, "limit=5&page=2", null, null, true))).isEqualTo(Kind.POSITIVE);
    assertThat(kind(request("GET", LIST, "limit=1000", null, null, true))).isEqualTo(Kind.NEGATIVE);
    assertThat(kind(request("GET", LIST, "status=maybe", null, null, true))).isEqualTo(Kind.NEGATIVE);
    assertThat(kind(request("GET", LIST, null, null, null, false))).isEqualTo(Kind.MISSING_AUTH);
    assertThat(kind(request("PATCH", LIST, null, null, null, true))).isEqualTo(Kind.UNSUPPORTED_METHOD);
    assertThat(kind(request("OPTIONS", LIST, null, null, null, false))).isEqualTo(Kind.OPTIONS);
    assertThat(kind(request("HEAD", LIST, null, null, null, true))).isNull();
    assertThat(kind(request("GET", "/openapi.yaml", null, null, null, false))).isNull();
  }

  @Test
  void aWriteIsValidOnlyWithItsSchemaAndAContact() {
    assertThat(kind(request("POST", LIST, null, "application/json", create(",\"email\":\"a@example.com\""), true)))
        .isEqualTo(Kind.POSITIVE);
    assertThat(kind(request("POST", LIST, null, "application/json", create(""), true))).isEqualTo(Kind.NEGATIVE);
    assertThat(kind(request("POST", LIST, null, "application/json", create(",\"email\":\"\""), true)))
        .isEqualTo(Kind.NEGATIVE);
    assertThat(kind(request("POST", LIST, null, "application/json", create(",\"phone\":null"), true)))
        .isEqualTo(Kind.NEGATIVE);
    assertThat(kind(request("POST", LIST, null, "application/json",
        "{\"title\":\"" + "x".repeat(256) + "\",\"status\":\"open\",\"stageId\":\"" + STAGE + "\",\"phone\":\"1\"}", true)))
        .isEqualTo(Kind.NEGATIVE);
    assertThat(kind(request("POST", LIST, null, "text/plain", create(",\"email\":\"a@example.com\""), true)))
        .isEqualTo(Kind.NEGATIVE);
    assertThat(kind(request("POST", LIST, null, "application/json", null, true))).isEqualTo(Kind.NEGATIVE);
    TestCase form = LIVE.classify(request("POST", LIST, null, "application/x-www-form-urlencoded",
        create(",\"email\":\"a@example.com\""), true));
    assertThat(form.kind()).isEqualTo(Kind.SCENARIO);
    assertThat(form.description()).contains("application/x-www-form-urlencoded");
  }

  @Test
  void aValidRequestRefusedForStoredDataIsNotJudgedForAcceptance() {
    TestCase valid = LIVE.classify(request("POST", LIST, null, "application/json", create(",\"email\":\"a@example.com\""),
        true));
    Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"));
    assertThat(StoredDataRefusal.judgedAs(valid, new Response(400, json,
        "{\"msg\":\"Can not create duplicate opportunity for the contact.\"}", 1)).kind()).isEqualTo(Kind.SCENARIO);
    assertThat(StoredDataRefusal.judgedAs(valid, new Response(422, json,
        "{\"stageId\":{\"message\":\"The stage id field is invalid.\",\"rule\":\"invalid\"}}", 1)).kind())
        .isEqualTo(Kind.SCENARIO);
    assertThat(StoredDataRefusal.judgedAs(valid, new Response(422, json,
        "{\"title\":{\"message\":\"The title must be ASCII.\",\"rule\":\"string\"}}", 1)).kind())
        .isEqualTo(Kind.POSITIVE);
    assertThat(StoredDataRefusal.judgedAs(valid, new Response(400, json, "{\"msg\":\"Bad Request\"}", 1)).kind())
        .isEqualTo(Kind.POSITIVE);
  }
}
