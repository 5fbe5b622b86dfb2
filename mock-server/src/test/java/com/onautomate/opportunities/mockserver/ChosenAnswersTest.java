package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Prefer: code=} and {@code example=}, as Stoplight Prism's users send them: the documented
 * answer, read from the contract, for every status of every operation, the store untouched; the
 * mock's own 406 for what the contract does not document; the token check still first.
 */
class ChosenAnswersTest extends ServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OpenAPI YAML;

  static {
    ParseOptions resolve = new ParseOptions();
    resolve.setResolve(true);
    resolve.setResolveFully(true);
    YAML = new OpenAPIV3Parser().read("openapi.yaml", null, resolve);
  }

  private String storeAndVersions() {
    return storeSnapshot() + "/" + db.queryLong("SELECT SUM(data_version) FROM location");
  }

  /** A request that would succeed without Prefer: the demo ids, a valid body where one is taken. */
  private Response send(RequestSpecification request, PathItem.HttpMethod method, String template) {
    String path = template.replace("{pipelineId}", SALES).replace("{opportunityId}", DemoData.OPPORTUNITY_ID);
    return switch (method) {
      case GET -> request.get(path);
      case DELETE -> request.delete(path);
      case POST -> request.body(newOpportunity("chosen", "chosen@example.com")).post(path);
      case PUT -> request.body(path.endsWith("/status") ? Map.of("status", "won", "stageId", NEW)
          : newOpportunity("chosen", "chosen@example.com")).put(path);
      default -> throw new IllegalArgumentException(method.name());
    };
  }

  @Test
  void everyDocumentedStatusOfEveryOperationAnswersWithItsFirstExampleAndChangesNothing() throws Exception {
    int answers = 0;
    for (var path : YAML.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
        for (var documented : operation.getValue().getResponses().entrySet()) {
          String before = storeAndVersions();
          Response response = send(api().header("Prefer", "code=" + documented.getKey()), operation.getKey(), path.getKey());
          String what = operation.getValue().getOperationId() + " " + documented.getKey();
          assertThat(response.statusCode()).as(what).isEqualTo(Integer.parseInt(documented.getKey()));
          assertThat(response.header("Preference-Applied")).as(what).isEqualTo("code=" + documented.getKey());
          var content = documented.getValue().getContent();
          if (content == null) {
            assertThat(response.asByteArray()).as(what).isEmpty();
          } else {
            MediaType json = content.get("application/json");
            Object first = json.getExamples().values().iterator().next().getValue();
            assertThat(JSON.readTree(response.asByteArray())).as(what).isEqualTo(JSON.readTree(Json.mapper().writeValueAsString(first)));
            assertThat(response.contentType()).as(what).startsWith("application/json");
          }
          assertThat(storeAndVersions()).as("store after " + what).isEqualTo(before);
          answers++;
        }
      }
    }
    assertThat(answers).isGreaterThanOrEqualTo(40);
  }

  @Test
  void aChosen429CarriesTheDocumentedHeaders() {
    api().header("Prefer", "code=429").get(opportunities(SALES)).then().statusCode(429)
        .body("msg", equalTo("Too Many Requests"))
        .header("Retry-After", equalTo("10")).header("X-RateLimit-Limit", equalTo("100"))
        .header("X-RateLimit-Remaining", equalTo("0")).header("X-RateLimit-Reset", equalTo("10"));
  }

  @Test
  void aNamedExampleIsFoundAloneOrWithItsCode() {
    String before = storeAndVersions();
    api().header("Prefer", "example=duplicate").body(newOpportunity("x", "x@example.com")).post(opportunities(SALES))
        .then().statusCode(400).body("msg", equalTo("Can not create duplicate opportunity for the contact."))
        .header("Preference-Applied", equalTo("code=400, example=duplicate"));
    api().header("Prefer", "code=400, example=duplicate").body(newOpportunity("x", "x@example.com"))
        .post(opportunities(SALES)).then().statusCode(400)
        .body("msg", equalTo("Can not create duplicate opportunity for the contact."));
    api().header("Prefer", "code=422, example=requiredFieldsMissing").body(newOpportunity("x", "x@example.com"))
        .put(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(422)
        .body("title.rule", equalTo("required")).body("'contactId or email'.rule", equalTo("required"));
    // Several Prefer headers are one list.
    api().header("Prefer", "code=400").header("Prefer", "example=duplicate").body(newOpportunity("x", "x@example.com"))
        .post(opportunities(SALES)).then().statusCode(400)
        .body("msg", equalTo("Can not create duplicate opportunity for the contact."));
    assertThat(storeAndVersions()).isEqualTo(before);
  }

  @Test
  void a200IsTheContractsExampleNotTheStoresOpportunity() {
    api().header("Prefer", "code=200").get(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(200)
        .body("id", equalTo("7XExm1wr8gFeZpl6rQny")).body("contact.name", equalTo("John Deo"));
    // A path that does not exist still gets its example: the store is not read.
    api().header("Prefer", "code=200").get(opportunity(SALES, "doesNotExist")).then().statusCode(200)
        .body("id", equalTo("7XExm1wr8gFeZpl6rQny"));
    api().header("Prefer", "code=200").get(opportunity(SALES, DemoData.OPPORTUNITY_ID) + "/").then().statusCode(200)
        .body("id", equalTo("7XExm1wr8gFeZpl6rQny"));
  }

  @Test
  void prismsQueryParametersWorkWhenThereIsNoPreferHeader() {
    api().get(opportunities(SALES) + "?__code=404").then().statusCode(404).body("msg", equalTo("Not Found"));
    api().get(opportunities(SALES) + "?page=1&__example=firstPage").then().statusCode(200)
        .body("meta.total", equalTo(1)).body("opportunities[0].id", equalTo("7XExm1wr8gFeZpl6rQny"));
    // A Prefer header wins over them, as in Prism.
    api().header("Prefer", "code=401").get(opportunities(SALES) + "?__code=404").then().statusCode(401);
  }

  @Test
  void anUndocumentedCodeIsTheMocksOwn406() throws Exception {
    Response response = anonymousUnchecked().header("Authorization", "Bearer " + DemoData.TOKEN)
        .header("Prefer", "code=418").get(opportunities(SALES));
    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    JsonNode problem = JSON.readTree(response.asByteArray());
    assertThat(problem.get("type").asText()).isEqualTo("urn:onautomate:mock-server:unknown-code");
    assertThat(problem.get("status").asInt()).isEqualTo(406);
    assertThat(problem.get("title").asText()).isEqualTo("listOpportunities documents no 418 answer");
    assertThat(problem.get("detail").asText()).contains("200, 400, 401, 404, 422, 429");
  }

  @Test
  void badCodesAndUnknownExamplesAre406WithTheirReason() {
    String before = storeAndVersions();
    anonymousUnchecked().header("Authorization", "Bearer " + DemoData.TOKEN).header("Prefer", "code=abc")
        .get(opportunities(SALES)).then().statusCode(406)
        .body("type", equalTo("urn:onautomate:mock-server:bad-preference"));
    anonymousUnchecked().header("Authorization", "Bearer " + DemoData.TOKEN).header("Prefer", "code=400, example=nope")
        .body(newOpportunity("x", "x@example.com")).post(opportunities(SALES)).then().statusCode(406)
        .body("type", equalTo("urn:onautomate:mock-server:unknown-example"))
        .body("detail", equalTo("Its examples: badRequest, duplicate."));
    anonymousUnchecked().header("Authorization", "Bearer " + DemoData.TOKEN).header("Prefer", "example=nope")
        .delete(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(406)
        .body("type", equalTo("urn:onautomate:mock-server:unknown-example"))
        .body("detail", containsString("401 unauthorized"));
    // The empty 200 of a delete has no example to name.
    anonymousUnchecked().header("Authorization", "Bearer " + DemoData.TOKEN).header("Prefer", "code=200, example=created")
        .delete(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(406)
        .body("detail", equalTo("Its examples: none."));
    assertThat(storeAndVersions()).isEqualTo(before);
  }

  @Test
  void theTokenCheckAndTheBodyChecksStillComeFirst() {
    anonymous().header("Prefer", "code=200").get(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(401)
        .body("msg", equalTo("Unauthorized")).header("Preference-Applied", nullValue());
    api().header("Prefer", "code=200").contentType("text/plain").body("hello").post(opportunities(SALES))
        .then().statusCode(415);
  }

  @Test
  void requestsForNoOperationGetTheirUsualAnswers() {
    api().header("Prefer", "code=200").get("/v1/pipelines").then().statusCode(404).body("msg", equalTo("Not Found"));
    RestAssured.given().baseUri(server.baseUrl().toString()).header("Authorization", "Bearer " + DemoData.TOKEN)
        .header("Prefer", "code=200").patch(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(405);
    RestAssured.given().baseUri(server.baseUrl().toString()).header("Prefer", "code=500").get("/openapi.yaml")
        .then().statusCode(200);
  }

  @Test
  void otherPreferencesAreIgnored() {
    api().header("Prefer", "return=minimal, dynamic=true, respond-async").get(opportunity(SALES, DemoData.OPPORTUNITY_ID))
        .then().statusCode(200).body("id", equalTo(DemoData.OPPORTUNITY_ID)).header("Preference-Applied", nullValue());
  }

  /** Without the contract check: the 406 is the mock's own answer, documented in its README, not in the contract. */
  private RequestSpecification anonymousUnchecked() {
    return RestAssured.given().config(CONFIG).baseUri(server.baseUrl().toString()).contentType("application/json");
  }
}
