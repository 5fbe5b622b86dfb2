package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each operation's success path and the rules of the contract, over HTTP. */
class OpportunityOperationsTest extends ServerTest {

  @Test
  void getsTheDemoOpportunityWithItsContact() {
    api().get(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(200)
        .body("id", equalTo(DemoData.OPPORTUNITY_ID))
        .body("name", equalTo("First Opp"))
        .body("monetaryValue", equalTo(120.0f))
        .body("pipelineId", equalTo(SALES))
        .body("pipelineStageId", equalTo(NEW))
        .body("assignedTo", equalTo("hxHGVRb1YJUscrCB8eXK"))
        .body("status", equalTo("open"))
        .body("source", equalTo("form"))
        .body("createdAt", equalTo("2020-10-29T09:31:30.255Z"))
        .body("contact.id", equalTo(DemoData.CONTACT_JOHN_ID))
        .body("contact.name", equalTo("John Deo"))
        .body("contact.tags", contains("cillum sunt in enim", "ea"));
  }

  @Test
  void createAnswers200WithTheStoredOpportunityAndTitleAsName() {
    Map<String, Object> body = renewal("Brand new", "ada@example.com");
    body.putAll(Map.of("phone", "+44 20 7946 0000", "assignedTo", "user1", "monetaryValue", 99.5, "source", "api",
        "name", "Ada Lovelace", "companyName", "Analytical", "tags", List.of("vip", "math", "vip")));
    JsonPath created = api().body(body).post(opportunities(RENEWALS) + "/").then().statusCode(200).extract().jsonPath();
    assertThat(created.getString("name")).isEqualTo("Brand new");
    assertThat(created.getString("pipelineId")).isEqualTo(RENEWALS);
    assertThat(created.getString("pipelineStageId")).isEqualTo(DemoData.DUPLICATES_STAGE_1_ID);
    JsonPath read = api().get(opportunity(RENEWALS, created.getString("id"))).then().statusCode(200).extract().jsonPath();
    assertThat(read.getMap("")).isEqualTo(created.getMap(""));
    assertThat(read.getString("contact.email")).isEqualTo("ada@example.com");
    assertThat(read.getString("contact.phone")).isEqualTo("+44 20 7946 0000");
    assertThat(read.getList("contact.tags")).containsExactly("vip", "math");
    assertThat(read.getDouble("monetaryValue")).isEqualTo(99.5);
    assertThat(read.getString("createdAt")).isEqualTo(read.getString("updatedAt")).isEqualTo(read.getString("lastStatusChangeAt"));
  }

  @Test
  void createFindsTheContactByEmailCaseInsensitivelyAndAppliesNameCompanyAndTags() {
    Map<String, Object> first = renewal("first", "Grace@Example.com");
    first.put("tags", List.of("a"));
    String one = createAnsweringAsRead(RENEWALS, first);
    Map<String, Object> second = renewal("second", "grace@example.COM");
    second.putAll(Map.of("name", "Grace Hopper", "companyName", "Navy", "tags", List.of("b", "a"), "phone", "+1 555"));
    String two = createAnsweringAsRead(RENEWALS, second);
    JsonPath a = api().get(opportunity(RENEWALS, one)).then().extract().jsonPath();
    JsonPath b = api().get(opportunity(RENEWALS, two)).then().extract().jsonPath();
    assertThat(b.getString("contact.id")).isEqualTo(a.getString("contact.id"));
    assertThat(b.getString("contact.email")).isEqualTo("Grace@Example.com");  // an existing contact's email is kept
    assertThat(b.getString("contact.phone")).isNull();                        // and so is its phone
    assertThat(b.getString("contact.name")).isEqualTo("Grace Hopper");
    assertThat(b.getString("contact.companyName")).isEqualTo("Navy");
    assertThat(b.getList("contact.tags")).containsExactly("a", "b");
  }

  @Test
  void createUsesContactIdBeforeEmailAndPhoneBeforeNothing() {
    Map<String, Object> body = renewal("by id", "someone.else@example.com");
    body.put("contactId", DemoData.CONTACT_ELON_ID);
    String id = createAnsweringAsRead(RENEWALS, body);
    api().get(opportunity(RENEWALS, id)).then().body("contact.id", equalTo(DemoData.CONTACT_ELON_ID))
        .body("contact.email", equalTo("elon@musk.com"));

    Map<String, Object> byPhone = Map.of("title", "by phone", "status", "open",
        "stageId", DemoData.DUPLICATES_STAGE_1_ID, "phone", "+1 999 0000");
    String p1 = createAnsweringAsRead(RENEWALS, byPhone);
    String p2 = createAnsweringAsRead(RENEWALS, byPhone);
    String c1 = api().get(opportunity(RENEWALS, p1)).then().extract().path("contact.id");
    String c2 = api().get(opportunity(RENEWALS, p2)).then().extract().path("contact.id");
    assertThat(c1).isEqualTo(c2);
    api().get(opportunity(RENEWALS, p1)).then().body("contact.email", nullValue()).body("contact.phone", equalTo("+1 999 0000"));
  }

  @Test
  void duplicateOpportunityForAContactIsRefusedWhereThePipelineSaysSo() {
    Map<String, Object> body = newOpportunity("once", "dup@example.com");
    create(SALES, body);
    String before = storeSnapshot();
    api().body(body).post(opportunities(SALES)).then().statusCode(400)
        .body("msg", equalTo("Can not create duplicate opportunity for the contact."));
    assertThat(storeSnapshot()).isEqualTo(before);
    // The same contact may have many in a pipeline that allows duplicates.
    Map<String, Object> renewal = renewal("again", "dup@example.com");
    create(RENEWALS, renewal);
    create(RENEWALS, renewal);
  }

  @Test
  void updateMovingAnOpportunityToAContactThatHasOneIsADuplicate() {
    String a = create(SALES, newOpportunity("A", "move-a@example.com"));
    create(SALES, newOpportunity("B", "move-b@example.com"));
    Map<String, Object> update = newOpportunity("A", "move-b@example.com");
    String before = storeSnapshot();
    api().body(update).put(opportunity(SALES, a)).then().statusCode(400)
        .body("msg", equalTo("Can not create duplicate opportunity for the contact."));
    assertThat(storeSnapshot()).isEqualTo(before);
  }

  @Test
  void updateReplacesFieldsKeepsLeftOutOptionalOnesAndMovesTimesByTheRules() throws Exception {
    Map<String, Object> body = renewal("before", "upd@example.com");
    body.putAll(Map.of("assignedTo", "u1", "monetaryValue", 10, "source", "web"));
    String id = create(RENEWALS, body);
    JsonPath created = api().get(opportunity(RENEWALS, id)).then().extract().jsonPath();
    Thread.sleep(5);

    Map<String, Object> sameStatus = renewal("after", "upd@example.com");
    sameStatus.put("stageId", DemoData.DUPLICATES_STAGE_2_ID);
    JsonPath updated = api().body(sameStatus).put(opportunity(RENEWALS, id) + "/").then().statusCode(200)
        .body("name", equalTo("after"))
        .body("pipelineStageId", equalTo(DemoData.DUPLICATES_STAGE_2_ID))
        .body("assignedTo", equalTo("u1"))
        .body("monetaryValue", equalTo(10.0f))
        .body("source", equalTo("web"))
        .extract().jsonPath();
    assertThat(updated.getString("createdAt")).isEqualTo(created.getString("createdAt"));
    assertThat(updated.getString("lastStatusChangeAt")).isEqualTo(created.getString("lastStatusChangeAt"));
    assertThat(Instant.parse(updated.getString("updatedAt"))).isAfter(Instant.parse(created.getString("updatedAt")));

    Map<String, Object> won = renewal("after", "upd@example.com");
    won.put("status", "won");
    JsonPath statusChanged = api().body(won).put(opportunity(RENEWALS, id)).then().statusCode(200).extract().jsonPath();
    assertThat(Instant.parse(statusChanged.getString("lastStatusChangeAt")))
        .isAfter(Instant.parse(created.getString("lastStatusChangeAt")));
    assertThat(statusChanged.getString("lastStatusChangeAt")).isEqualTo(statusChanged.getString("updatedAt"));
  }

  @Test
  void statusChangeAnswersEmpty200AndMovesLastStatusChangeOnlyWhenTheStatusChanges() {
    String id = create(RENEWALS, renewal("status", "status@example.com"));
    JsonPath created = api().get(opportunity(RENEWALS, id)).then().extract().jsonPath();

    api().body(Map.of("status", "open", "stageId", DemoData.DUPLICATES_STAGE_2_ID))
        .put(opportunity(RENEWALS, id) + "/status").then().statusCode(200).body(emptyString());
    JsonPath stageOnly = api().get(opportunity(RENEWALS, id)).then()
        .body("pipelineStageId", equalTo(DemoData.DUPLICATES_STAGE_2_ID)).extract().jsonPath();
    assertThat(stageOnly.getString("lastStatusChangeAt")).isEqualTo(created.getString("lastStatusChangeAt"));
    assertThat(Instant.parse(stageOnly.getString("updatedAt"))).isAfter(Instant.parse(created.getString("updatedAt")));

    api().body(Map.of("status", "lost", "stageId", DemoData.DUPLICATES_STAGE_2_ID))
        .put(opportunity(RENEWALS, id) + "/status/").then().statusCode(200).body(emptyString());
    JsonPath lost = api().get(opportunity(RENEWALS, id)).then().body("status", equalTo("lost")).extract().jsonPath();
    assertThat(Instant.parse(lost.getString("lastStatusChangeAt")))
        .isAfter(Instant.parse(stageOnly.getString("lastStatusChangeAt")));
  }

  @Test
  void deleteAnswersEmpty200KeepsTheContactAndThenEveryOperationAnswers404() {
    Map<String, Object> body = newOpportunity("to delete", "delete@example.com");
    String id = create(SALES, body);
    String contactId = api().get(opportunity(SALES, id)).then().extract().path("contact.id");
    long total = api().get(opportunities(SALES)).then().extract().jsonPath().getLong("meta.total");

    api().delete(opportunity(SALES, id) + "/").then().statusCode(200).body(emptyString());

    api().get(opportunity(SALES, id)).then().statusCode(404).body("msg", equalTo("Not Found"));
    api().delete(opportunity(SALES, id)).then().statusCode(404).body("msg", equalTo("Not Found"));
    api().body(body).put(opportunity(SALES, id)).then().statusCode(404);
    api().body(Map.of("status", "won", "stageId", NEW)).put(opportunity(SALES, id) + "/status").then().statusCode(404);
    api().get(opportunities(SALES)).then().body("meta.total", equalTo((int) total - 1));
    assertThat(db.queryLong("SELECT COUNT(*) FROM contact WHERE id = '" + contactId + "'")).isEqualTo(1);
    // The contact no longer has an opportunity there, so it may get a new one.
    create(SALES, body);
  }

  @Test
  void theSeedsVendorExampleBodiesWork() {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("title", "First Opp");
    body.put("status", "open");
    body.put("stageId", CONTACTED);
    body.put("email", "elon@musk.com");
    body.put("phone", "+1202-555-0107");
    body.put("assignedTo", "082goXVW3lIExEQPOnd3");
    body.put("monetaryValue", 122.22);
    body.put("source", "public api");
    body.put("contactId", DemoData.CONTACT_ELON_ID);
    body.put("name", "Elon Musk");
    body.put("companyName", "Tesla");
    body.put("tags", List.of("ea reprehenderit", "ut Lorem laboris"));
    api().body(body).post(opportunities(SALES) + "/").then().statusCode(200)
        .body("monetaryValue", equalTo(122.22f))
        .body("contact.id", equalTo(DemoData.CONTACT_ELON_ID));
  }

  @Test
  void servesTheContractAndBrowsableDocs() {
    String yaml = anonymous().get("/openapi.yaml").then().statusCode(200).extract().asString();
    assertThat(yaml).startsWith("openapi: 3.0.3").contains("operationId: listOpportunities");
    String docs = anonymous().get("/docs").then().statusCode(200).extract().asString();
    assertThat(docs).contains("/openapi.json").contains("/webjars/swagger-ui/swagger-ui-bundle.js");
    anonymous().get("/webjars/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    anonymous().get("/webjars/swagger-ui/swagger-ui.css").then().statusCode(200);
  }

  @Test
  void thereIsNoRateLimitUnlessTurnedOn() {
    for (int i = 0; i < 110; i++) {
      io.restassured.response.Response response = api().get(opportunity(SALES, DemoData.OPPORTUNITY_ID));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.header("X-RateLimit-Limit")).isNull();
    }
  }

  private static Map<String, Object> renewal(String title, String email) {
    Map<String, Object> body = newOpportunity(title, email);
    body.put("stageId", DemoData.DUPLICATES_STAGE_1_ID);
    return body;
  }

  /**
   * Creates and shows that the answer is the opportunity as a GET reads it back, contact included:
   * the create builds its answer from what it wrote, without reading the rows again.
   */
  private String createAnsweringAsRead(String pipelineId, Map<String, Object> body) {
    JsonPath created = api().body(body).post(opportunities(pipelineId)).then().statusCode(200).extract().jsonPath();
    JsonPath read = api().get(opportunity(pipelineId, created.getString("id"))).then().statusCode(200)
        .extract().jsonPath();
    assertThat(created.getMap("")).isEqualTo(read.getMap(""));
    return created.getString("id");
  }
}
