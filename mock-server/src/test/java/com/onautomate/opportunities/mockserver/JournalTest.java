package com.onautomate.opportunities.mockserver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request journal: {@code GET} and {@code DELETE /__admin/requests}, and {@link MockServer#requests}. */
class JournalTest extends ServerTest {

  @Override
  protected List<String> serverArgs() {
    return List.of("--onautomate.admin.journal-size=6", "--onautomate.admin.journal-body-bytes=40");
  }

  ValidatableResponse journal(Map<String, ?> filters) {
    return given().config(CONFIG).filter(AdminResetTest.ADMIN_CONTRACT).baseUri(server.baseUrl().toString())
        .queryParams(filters).get("/__admin/requests").then().statusCode(200);
  }

  @BeforeEach
  void empty() {
    given().baseUri(server.baseUrl().toString()).delete("/__admin/requests").then().statusCode(204);
  }

  @Test
  void recordsWhatClientsSentAndWhatTheyGotWithTheTokenMasked() {
    api().queryParam("status", "open").get(opportunities(SALES)).then().statusCode(200);
    api().body("{\"title\":\"\",\"status\":\"open\"}").post(opportunities(SALES)).then().statusCode(422);
    anonymous().header("Authorization", "Bearer not-a-token-at-all").get(opportunities(SALES)).then().statusCode(401);
    as("a-long-secret-token-f00d").body("{\"title\":\"unread\"}").post(opportunities(SALES)).then().statusCode(401);

    journal(Map.of()).body("requests", hasSize(4)).body("recorded", equalTo(4)).body("kept", equalTo(6))
        .body("requests[3].method", equalTo("GET"))
        .body("requests[3].path", equalTo(opportunities(SALES)))
        .body("requests[3].query", equalTo("status=open"))
        .body("requests[3].status", equalTo(200))
        .body("requests[3].locationId", equalTo(DemoData.LOCATION_ID))
        .body("requests[3].headers.authorization", equalTo("Bearer ***"))
        .body("requests[3].body", nullValue())
        .body("requests[2].body", equalTo("{\"title\":\"\",\"status\":\"open\"}"))
        .body("requests[2].status", equalTo(422))
        .body("requests[1].locationId", nullValue())
        // A body nobody read (the token was refused first) is recorded too; a long token shows its last 4.
        .body("requests[0].body", equalTo("{\"title\":\"unread\"}"))
        .body("requests[0].headers.authorization", equalTo("Bearer ***f00d"));
    assertThat(server.requests()).hasSize(4);
    assertThat(server.requests().get(0).status()).isEqualTo(401);
  }

  @Test
  void filtersByMethodPathAndStatusWithALimit() {
    api().get(opportunities(SALES)).then().statusCode(200);
    api().get(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(200);
    api().get(opportunity(SALES, "noSuchOpportunity")).then().statusCode(404);
    api().body(Map.of("title", "x", "status", "open")).post(opportunities(SALES)).then().statusCode(422);

    journal(Map.of("method", "get")).body("requests", hasSize(3));
    journal(Map.of("status", 404)).body("requests", hasSize(1)).body("requests[0].path",
        equalTo(opportunity(SALES, "noSuchOpportunity")));
    journal(Map.of("path", opportunities(SALES))).body("requests", hasSize(2));
    journal(Map.of("path", opportunities(SALES) + "/*")).body("requests", hasSize(2));
    journal(Map.of("method", "GET", "limit", 1)).body("requests", hasSize(1))
        .body("requests[0].status", equalTo(404));
    given().baseUri(server.baseUrl().toString()).queryParam("status", "four").get("/__admin/requests").then()
        .statusCode(400);
  }

  @Test
  void keepsTheNewestUpToItsBoundAndCutsLongBodies() {
    for (int i = 0; i < 9; i++) {
      api().get(opportunities(SALES) + "?page=" + (i + 1)).then().statusCode(200);
    }
    api().body("{\"title\":\"a title much longer than the forty bytes kept\",\"status\":\"open\",\"stageId\":\""
        + NEW + "\",\"email\":\"long@example.com\"}").post(opportunities(SALES)).then().statusCode(200);
    journal(Map.of()).body("requests", hasSize(6)).body("recorded", equalTo(10))
        .body("requests[0].bodyTruncated", equalTo(true))
        .body("requests[0].body", equalTo("{\"title\":\"a title much longer than the f"))
        .body("requests[5].query", equalTo("page=5"));
  }

  @Test
  void adminRequestsAreNotRecordedAndDeleteEmptiesIt() {
    api().get(opportunities(SALES)).then().statusCode(200);
    given().baseUri(server.baseUrl().toString()).get("/__admin/openapi.yaml").then().statusCode(200);
    journal(Map.of()).body("requests", hasSize(1));
    given().baseUri(server.baseUrl().toString()).delete("/__admin/requests").then().statusCode(204);
    journal(Map.of()).body("requests", hasSize(0)).body("recorded", equalTo(0));
    assertThat(server.requests()).isEmpty();
  }
}
