package com.onautomate.opportunities.mockserver;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One server per test class, on a free port of 127.0.0.1. Every response a test sees is checked
 * against the contract (requests are not: many tests send bad ones on purpose).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerTest {

  static final OpenApiValidationFilter CONTRACT = new OpenApiValidationFilter(
      OpenApiInteractionValidator.createForSpecificationUrl("openapi.yaml")
          .withLevelResolver(LevelResolver.create()
              .withLevel("validation.request", ValidationReport.Level.IGNORE)
              .build())
          .build());

  static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
      .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

  static final String SALES = DemoData.PIPELINE_ID;
  static final String RENEWALS = DemoData.DUPLICATES_PIPELINE_ID;
  static final String NEW = DemoData.STAGE_NEW_ID;
  static final String CONTACTED = DemoData.STAGE_CONTACTED_ID;

  protected MockServer server;
  protected TestDatabase db;

  /** The database of this class's server; PostgreSQL subclasses override it. */
  protected TestDatabase database() {
    return TestDatabase.h2InMemory();
  }

  protected List<String> serverArgs() {
    return List.of();
  }

  @BeforeAll
  void startServer() {
    db = database();
    List<String> args = new ArrayList<>(List.of("--server.port=0", db.serverArg()));
    args.addAll(serverArgs());
    server = MockServer.start(args.toArray(String[]::new));
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  RequestSpecification as(String token) {
    return anonymous().header("Authorization", "Bearer " + token);
  }

  RequestSpecification api() {
    return as(DemoData.TOKEN);
  }

  RequestSpecification anonymous() {
    return given().config(CONFIG).filter(CONTRACT).baseUri(server.baseUrl().toString()).contentType(ContentType.JSON);
  }

  String opportunities(String pipelineId) {
    return "/v1/pipelines/" + pipelineId + "/opportunities";
  }

  String opportunity(String pipelineId, String id) {
    return opportunities(pipelineId) + "/" + id;
  }

  /** A create body for a new contact by email, in the Sales pipeline's first stage. */
  static Map<String, Object> newOpportunity(String title, String email) {
    return new java.util.LinkedHashMap<>(Map.of("title", title, "status", "open", "stageId", NEW, "email", email));
  }

  /** Creates an opportunity and returns its id. */
  String create(String pipelineId, Map<String, Object> body) {
    return api().body(body).post(opportunities(pipelineId)).then().statusCode(200).extract().path("id");
  }

  /** Every row of the store, to show that a rejected request changed nothing. */
  String storeSnapshot() {
    return db.count("opportunity") + "/" + db.count("contact") + "/" + db.count("contact_tag") + "/"
        + db.queryLong("SELECT COALESCE(SUM(updated_at), 0) FROM opportunity") + "/"
        + db.queryLong("SELECT COALESCE(SUM(updated_at), 0) FROM contact") + "/"
        + db.queryLong("SELECT COALESCE(SUM(opportunity_count), 0) FROM pipeline");
  }
}
