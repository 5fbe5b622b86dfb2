package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets the documented status and body, never a 5xx, and changes nothing. */
class BadInputTest extends ServerTest {

  private String before;

  @BeforeEach
  void snapshot() {
    before = storeSnapshot();
  }

  private void assertStoreUnchanged() {
    assertThat(storeSnapshot()).as("store after a rejected request").isEqualTo(before);
  }

  private Response post(Object body) {
    return api().body(body).post(opportunities(SALES));
  }

  @Test
  void missingRequiredFieldsGetTheVendorsFieldMap() {
    post(Map.of("monetaryValue", 1)).then().statusCode(422)
        .body("title.message", equalTo("The title field is mandatory."))
        .body("title.rule", equalTo("required"))
        .body("status.message", equalTo("The status field is mandatory."))
        .body("stageId.message", equalTo("The stage id field is mandatory."))
        .body("'contactId or email'.message", equalTo("The contactId or email field is mandatory."))
        .body("'contactId or email'.rule", equalTo("required"));
    assertStoreUnchanged();
  }

  @Test
  void emptyAndNullRequiredFieldsAreRequired() {
    Map<String, Object> body = new HashMap<>(Map.of("title", "  ", "status", "", "email", "x@example.com"));
    body.put("stageId", null);
    post(body).then().statusCode(422)
        .body("title.rule", equalTo("required"))
        .body("status.rule", equalTo("required"))
        .body("stageId.rule", equalTo("required"))
        .body("$", not(hasKey("contactId or email")));
    assertStoreUnchanged();
  }

  @Test
  void wrongJsonTypesAreRejectedNotCoerced() {
    Map<String, Object> body = new HashMap<>(Map.of("title", 123, "status", true, "stageId", List.of("x"),
        "email", 5, "monetaryValue", "12", "tags", "vip", "assignedTo", 1.5, "name", Map.of("a", 1)));
    post(body).then().statusCode(422)
        .body("title.rule", equalTo("string"))
        .body("title.message", equalTo("The title must be a string."))
        .body("status.rule", equalTo("string"))
        .body("stageId.rule", equalTo("string"))
        .body("email.rule", equalTo("string"))
        .body("monetaryValue.rule", equalTo("numeric"))
        .body("tags.rule", equalTo("array"))
        .body("assignedTo.rule", equalTo("string"))
        .body("name.rule", equalTo("string"));
    assertStoreUnchanged();
  }

  @Test
  void badTagsAreKeyedByTheirIndex() {
    Map<String, Object> body = newOpportunity("t", "tags@example.com");
    body.put("tags", List.of("ok", "", 7, "x".repeat(65)));
    post(body).then().statusCode(422)
        .body("'tags.1'.rule", equalTo("min"))
        .body("'tags.2'.rule", equalTo("string"))
        .body("'tags.2'.message", equalTo("The tags.2 must be a string."))
        .body("'tags.3'.rule", equalTo("max"))
        .body("$", not(hasKey("tags.0")));
    body.put("tags", java.util.Collections.nCopies(51, "t"));
    post(body).then().statusCode(422).body("tags.rule", equalTo("max"));
    assertStoreUnchanged();
  }

  @Test
  void outOfRangeValuesAndUnknownEnumsAreRejected() {
    Map<String, Object> body = newOpportunity("x".repeat(256), "not-an-email");
    body.putAll(Map.of("status", "closed", "monetaryValue", -1, "phone", "1".repeat(33), "source", "",
        "companyName", "c".repeat(256)));
    post(body).then().statusCode(422)
        .body("title.rule", equalTo("max"))
        .body("title.message", equalTo("The title may not be greater than 255 characters."))
        .body("status.rule", equalTo("invalid"))
        .body("status.message", equalTo("The status field is invalid."))
        .body("email.rule", equalTo("email"))
        .body("monetaryValue.rule", equalTo("min"))
        .body("phone.rule", equalTo("max"))
        .body("source.rule", equalTo("min"))
        .body("companyName.rule", equalTo("max"));
    Map<String, Object> tooMuch = newOpportunity("t", "money@example.com");
    tooMuch.put("monetaryValue", 1e13);
    post(tooMuch).then().statusCode(422).body("monetaryValue.rule", equalTo("max"));
    assertStoreUnchanged();
  }

  @Test
  void aStageOfAnotherPipelineAndAnUnknownContactAreInvalid() {
    Map<String, Object> body = newOpportunity("t", "stage@example.com");
    body.put("stageId", DemoData.DUPLICATES_STAGE_1_ID);
    body.put("contactId", "noSuchContact");
    post(body).then().statusCode(422)
        .body("stageId.rule", equalTo("invalid"))
        .body("stageId.message", equalTo("The stage id field is invalid."))
        .body("contactId.rule", equalTo("invalid"));
    // Another location's contact is unknown here.
    Map<String, Object> other = newOpportunity("t", "stage@example.com");
    other.put("contactId", DemoData.OTHER_CONTACT_ID);
    post(other).then().statusCode(422).body("contactId.rule", equalTo("invalid"));
    assertStoreUnchanged();
  }

  @Test
  void statusChangeRulesAreTheVendorsExample() {
    String path = opportunity(SALES, DemoData.OPPORTUNITY_ID) + "/status";
    api().body(Map.of("status", "bogus", "stageId", "nope")).put(path).then().statusCode(422)
        .body("status.message", equalTo("The status field is invalid."))
        .body("status.rule", equalTo("invalid"))
        .body("stageId.message", equalTo("The stage id field is invalid."))
        .body("stageId.rule", equalTo("invalid"));
    api().body(Map.of()).put(path).then().statusCode(422)
        .body("status.rule", equalTo("required")).body("stageId.rule", equalTo("required"));
    assertStoreUnchanged();
  }

  @Test
  void unreadableBodiesAre400() {
    for (String body : List.of("{\"title\":", "[1,2]", "\"text\"", "42", "null", "{} trailing", "{\"a\":1}}")) {
      api().body(body).post(opportunities(SALES)).then().statusCode(400).body("msg", equalTo("Bad Request"));
      api().body(body).put(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(400);
      api().body(body).put(opportunity(SALES, DemoData.OPPORTUNITY_ID) + "/status").then().statusCode(400);
    }
    api().post(opportunities(SALES)).then().statusCode(400).body("msg", equalTo("Bad Request"));
    assertStoreUnchanged();
  }

  @Test
  void nonJsonMediaTypesAre415() {
    for (String type : List.of("text/plain", "application/xml", "text/csv")) {
      api().contentType(type).body("{\"title\":\"x\"}").post(opportunities(SALES)).then().statusCode(415)
          .body("msg", equalTo("Unsupported Media Type"));
    }
    api().contentType("application/x-www-form-urlencoded").body("title=x").post(opportunities(SALES))
        .then().statusCode(415);
    assertStoreUnchanged();
  }

  @Test
  void bodiesOver65536BytesAre413AlsoWhenChunked() throws Exception {
    String big = "{\"title\":\"" + "x".repeat(70_000) + "\"}";
    post(big).then().statusCode(413).body("msg", equalTo("Payload Too Large"));
    // Chunked: no Content-Length, so the limit is enforced while reading.
    HttpClient client = HttpClient.newHttpClient();
    Supplier<InputStream> stream = () -> new ByteArrayInputStream(big.getBytes());
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + opportunities(SALES)))
        .header("Authorization", "Bearer " + DemoData.TOKEN)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(stream)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("{\"msg\":\"Payload Too Large\"}");
    // Exactly at the limit is read (and here rejected for its fields, not its size).
    String atLimit = "{\"title\":\"" + "x".repeat(65536 - 12) + "\"}";
    assertThat(atLimit.length()).isEqualTo(65536);
    post(atLimit).then().statusCode(422);
    assertStoreUnchanged();
  }

  @Test
  void missingMalformedOrUnknownTokensAre401OnEveryOperation() {
    List<RequestSpecification> callers = List.of(anonymous(), as("no-such-token"),
        anonymous().header("Authorization", "Basic ZGVtbzp4"), anonymous().header("Authorization", "Bearer"),
        anonymous().header("Authorization", "demo-token"));
    for (RequestSpecification caller : callers) {
      caller.get(opportunities(SALES)).then().statusCode(401).body("msg", equalTo("Unauthorized"));
    }
    Map<String, Object> body = newOpportunity("t", "auth@example.com");
    as("nope").body(body).post(opportunities(SALES)).then().statusCode(401);
    as("nope").get(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(401);
    as("nope").body(body).put(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(401);
    as("nope").body(Map.of("status", "won", "stageId", NEW)).put(opportunity(SALES, DemoData.OPPORTUNITY_ID) + "/status")
        .then().statusCode(401);
    as("nope").delete(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(401);
    assertStoreUnchanged();
  }

  @Test
  void requestsTomcatCannotParseGetTheJsonErrorBodyNotHtml() throws Exception {
    for (String requestLine : List.of(
        "GET /v1/pipe lines HTTP/1.1",
        "GET /v1/pipelines/{x}/opportunities HTTP/1.1",
        "NOT-HTTP")) {
      String answer = rawExchange(requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + DemoData.TOKEN
          + "\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(requestLine).startsWith("HTTP/1.1 400")
          .containsIgnoringCase("Content-Type: application/json")
          .endsWith("{\"msg\":\"Bad Request\"}")
          .doesNotContain("<html");
    }
    assertStoreUnchanged();
  }

  /** Sends bytes as they are (no HTTP client would send these) and reads the answer to the end. */
  private String rawExchange(String request) throws Exception {
    return RawHttp.exchangeText(server.baseUrl().getHost(), server.port(), request);
  }


  /** Bytes no UTF-8 decoder may accept, each inside an otherwise valid title (issue 18). */
  static final Map<String, byte[]> NOT_UTF8 = Map.of(
      "overlong '/' (C0 AF)", new byte[] {(byte) 0xC0, (byte) 0xAF},
      "overlong 3-byte '/' (E0 80 AF)", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
      "encoded surrogate (ED A0 80)", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      "past U+10FFFF (F4 90 80 80)", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      "truncated euro sign (E2 82)", new byte[] {(byte) 0xE2, (byte) 0x82},
      "lone continuation byte (80)", new byte[] {(byte) 0x80},
      "byte FF", new byte[] {(byte) 0xFF},
      "NUL byte", new byte[] {0});

  @Test
  void bodiesThatAreNotUtf8Are400AndStoreNothing() {
    NOT_UTF8.forEach((name, bytes) -> {
      byte[] create = withBytes("{\"title\":\"a", bytes, "b\",\"status\":\"open\",\"stageId\":\"" + NEW
          + "\",\"email\":\"utf8@example.com\"}");
      assertBadRequest(name, api().body(create).post(opportunities(SALES)));
      assertBadRequest(name, api().body(create).put(opportunity(SALES, DemoData.OPPORTUNITY_ID)));
      // In a field the server ignores, too: the body as a whole is not text.
      byte[] status = withBytes("{\"status\":\"won\",\"note\":\"", bytes, "\"}");
      assertBadRequest(name, api().body(status).put(opportunity(SALES, DemoData.OPPORTUNITY_ID) + "/status"));
    });
    assertStoreUnchanged();
  }

  private static void assertBadRequest(String what, Response response) {
    assertThat(response.statusCode()).as(what).isEqualTo(400);
    assertThat(response.asString()).as(what).isEqualTo("{\"msg\":\"Bad Request\"}");
  }

  @Test
  void loneSurrogateEscapesAre400AndStoreNothing() {
    for (String title : List.of("\\ud800", "a\\udc00b", "\\ud800\\ud800", "x\\udbff")) {
      String create = "{\"title\":\"" + title + "\",\"status\":\"open\",\"stageId\":\"" + NEW
          + "\",\"email\":\"surrogate@example.com\"}";
      api().body(create).post(opportunities(SALES)).then().statusCode(400).body("msg", equalTo("Bad Request"));
      api().body(create).put(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(400);
      api().body("{\"status\":\"won\",\"" + title + "\":1}").put(opportunity(SALES, DemoData.OPPORTUNITY_ID) + "/status")
          .then().statusCode(400);
    }
    assertStoreUnchanged();
  }

  @Test
  void aPairOfSurrogateEscapesIsOneCharacterAndIsStored() {
    String id = api().body("{\"title\":\"rocket \\ud83d\\ude80\",\"status\":\"open\",\"stageId\":\"" + NEW
            + "\",\"email\":\"rocket@example.com\"}")
        .post(opportunities(SALES)).then().statusCode(200).extract().path("id");
    api().get(opportunity(SALES, id)).then().body("name", equalTo("rocket \uD83D\uDE80"));
    api().delete(opportunity(SALES, id)).then().statusCode(200);
  }

  @Test
  void queriesAndPathsWhoseEscapesAreNotUtf8Are400() throws Exception {
    for (String escape : List.of("%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%80", "%FF", "%zz",
        "%4", "%")) {
      for (String target : List.of(opportunities(SALES) + "?title=" + escape,
          opportunities(SALES) + "?limit=1&tags=" + escape + "x",
          opportunities(SALES) + "/x" + escape + "y",
          "/v1/pipelines/" + escape + "/opportunities")) {
        for (String method : List.of("GET", "DELETE")) {
          String answer = rawExchange(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
              + DemoData.TOKEN + "\r\nConnection: close\r\n\r\n");
          assertThat(answer).as(method + " " + target).startsWith("HTTP/1.1 400")
              .containsIgnoringCase("Content-Type: application/json").endsWith("{\"msg\":\"Bad Request\"}");
        }
      }
    }
    assertStoreUnchanged();
  }

  @Test
  void getErrorIsAnUnknownPath() {
    api().get("/error").then().statusCode(404).contentType("application/json").body("msg", equalTo("Not Found"));
    api().post("/error").then().statusCode(404).body("msg", equalTo("Not Found"));
    anonymous().get("/error").then().statusCode(404).body("msg", equalTo("Not Found"));
  }

  @Test
  void traceIsAJson405WithTheAllowOfThePathAndNeverAnEcho() {
    api().request("TRACE", opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(405)
        .contentType("application/json").header("Allow", equalTo("DELETE, GET, PUT"))
        .body("msg", equalTo("Method Not Allowed"));
    api().request("TRACE", opportunities(SALES)).then().statusCode(405).header("Allow", equalTo("GET, POST"));
    anonymous().request("TRACE", opportunities(SALES)).then().statusCode(401).body("msg", equalTo("Unauthorized"));
    Response unknown = api().request("TRACE", "/nothing");
    unknown.then().statusCode(404).body("msg", equalTo("Not Found"));
    assertThat(unknown.asString()).doesNotContain(DemoData.TOKEN);
    assertStoreUnchanged();
  }

  private static byte[] withBytes(String before, byte[] bytes, String after) {
    byte[] head = before.getBytes(StandardCharsets.UTF_8);
    byte[] tail = after.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + bytes.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bytes, 0, all, head.length, bytes.length);
    System.arraycopy(tail, 0, all, head.length + bytes.length, tail.length);
    return all;
  }

  @Test
  void unknownIdsAre404() {
    api().get(opportunities("noSuchPipeline")).then().statusCode(404).body("msg", equalTo("Not Found"));
    api().body(newOpportunity("t", "x404@example.com")).post(opportunities("noSuchPipeline")).then().statusCode(404);
    api().get(opportunity(SALES, "noSuchOpportunity")).then().statusCode(404);
    api().get(opportunity(RENEWALS, DemoData.OPPORTUNITY_ID)).then().statusCode(404);  // wrong pipeline
    api().body(newOpportunity("t", "x404@example.com")).put(opportunity(SALES, "noSuch")).then().statusCode(404);
    api().body(Map.of("status", "won", "stageId", NEW)).put(opportunity(SALES, "noSuch") + "/status").then().statusCode(404);
    api().delete(opportunity(SALES, "noSuch")).then().statusCode(404);
    api().get(opportunity(SALES, "x".repeat(300))).then().statusCode(404);
    assertStoreUnchanged();
  }

  @Test
  void unknownPathsAre404AndUnsupportedMethodsAre405WithAllow() {
    api().get("/v1/nothing/here").then().statusCode(404).body("msg", equalTo("Not Found"));
    api().get("/nothing").then().statusCode(404).body("msg", equalTo("Not Found"));
    api().patch(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(405)
        .header("Allow", equalTo("DELETE, GET, PUT")).body("msg", equalTo("Method Not Allowed"));
    api().delete(opportunities(SALES)).then().statusCode(405).header("Allow", equalTo("GET, POST"));
    api().post(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(405);
    api().get(opportunity(SALES, DemoData.OPPORTUNITY_ID) + "/status").then().statusCode(405).header("Allow", equalTo("PUT"));
    assertStoreUnchanged();
  }

  @Test
  void invalidQueryParametersAre422KeyedByName() {
    api().queryParam("limit", 101).get(opportunities(SALES)).then().statusCode(422)
        .body("limit.message", equalTo("The limit may not be greater than 100."))
        .body("limit.rule", equalTo("max"));
    api().queryParams(Map.of("page", "0", "limit", "abc", "status", "closed", "monetaryValue", "ten",
            "email", "nope", "title", ""))
        .get(opportunities(SALES)).then().statusCode(422)
        .body("page.rule", equalTo("min"))
        .body("limit.rule", equalTo("integer"))
        .body("status.rule", equalTo("invalid"))
        .body("monetaryValue.rule", equalTo("numeric"))
        .body("email.rule", equalTo("email"))
        .body("title.rule", equalTo("min"));
    api().queryParam("page", "1.5").get(opportunities(SALES)).then().statusCode(422).body("page.rule", equalTo("integer"));
    api().queryParam("page", "99999999999").get(opportunities(SALES)).then().statusCode(422).body("page.rule", equalTo("max"));
    api().queryParam("monetaryValue", "NaN").get(opportunities(SALES)).then().statusCode(422);
    api().queryParam("tags", "x".repeat(65)).get(opportunities(SALES)).then().statusCode(422).body("'tags.0'.rule", equalTo("max"));
  }

  @Test
  void nulCharactersAreInvalidNotAServerError() {
    Map<String, Object> body = newOpportunity("a\u0000b", "nul@example.com");
    body.put("tags", List.of("x\u0000"));
    post(body).then().statusCode(422).body("title.rule", equalTo("invalid")).body("'tags.0'.rule", equalTo("invalid"));
    api().queryParam("title", "a\u0000").get(opportunities(SALES)).then().statusCode(422)
        .body("title.rule", equalTo("invalid"));
    assertStoreUnchanged();
  }

  @Test
  void acceptHeadersDoNotChangeTheAnswer() {
    api().accept("text/html").get(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(200)
        .contentType("application/json");
  }
}
