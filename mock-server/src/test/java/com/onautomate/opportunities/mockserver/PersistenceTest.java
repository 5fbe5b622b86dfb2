package com.onautomate.opportunities.mockserver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a file database, what was written survives a restart, and the demo data is not loaded twice. */
class PersistenceTest {

  @TempDir
  Path directory;

  protected TestDatabase database() {
    return TestDatabase.h2File(directory);
  }

  @Test
  void dataSurvivesARestart() {
    try (TestDatabase db = database()) {
      String id;
      try (MockServer server = MockServer.start("--server.port=0", db.serverArg())) {
        id = api(server).body(Map.of("title", "kept", "status", "won", "stageId", DemoData.STAGE_NEW_ID,
                "email", "kept@example.com", "tags", java.util.List.of("persisted")))
            .post("/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities").then().statusCode(200)
            .extract().path("id");
        api(server).delete("/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities/" + DemoData.OPPORTUNITY_ID)
            .then().statusCode(200);
      }
      try (MockServer server = MockServer.start("--server.port=0", db.serverArg())) {
        api(server).get("/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities/" + id).then().statusCode(200)
            .body("name", equalTo("kept"))
            .body("status", equalTo("won"))
            .body("contact.email", equalTo("kept@example.com"))
            .body("contact.tags[0]", equalTo("persisted"));
        // The deleted demo opportunity is not brought back by the demo data.
        api(server).get("/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities/" + DemoData.OPPORTUNITY_ID)
            .then().statusCode(404);
        api(server).get("/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities").then().statusCode(200)
            .body("meta.total", equalTo(1));
      }
      assertThat(db.count("location")).isEqualTo(2);
    }
  }

  /** Rows loaded by SQL while no server ran (a benchmark's data set, say) are paged and counted right. */
  @Test
  void rowsWrittenBySqlBetweenStartsArePagedRight() {
    try (TestDatabase db = database()) {
      String path = "/v1/pipelines/" + DemoData.DUPLICATES_PIPELINE_ID + "/opportunities";
      try (MockServer server = MockServer.start("--server.port=0", db.serverArg())) {
        api(server).body(Map.of("title", "via api", "status", "open", "stageId", DemoData.DUPLICATES_STAGE_1_ID,
            "contactId", DemoData.CONTACT_ELON_ID)).post(path).then().statusCode(200);
      }
      for (int i = 0; i < 2500; i++) {
        if (i % 500 == 0) {
          db.execute(insertBatch(i, 500));
        }
      }
      try (MockServer server = MockServer.start("--server.port=0", db.serverArg(), "--onautomate.page-bucket-size=100")) {
        api(server).queryParam("limit", 100).queryParam("page", 26).get(path).then().statusCode(200)
            .body("meta.total", equalTo(2501))
            .body("opportunities.size()", equalTo(1))
            .body("opportunities[0].id", equalTo("sql02499"));
        api(server).queryParam("limit", 100).queryParam("page", 1).get(path).then()
            .body("opportunities[0].name", equalTo("via api"))
            .body("opportunities[1].id", equalTo("sql00000"));
      }
    }
  }

  private static String insertBatch(int from, int count) {
    StringBuilder sql = new StringBuilder("INSERT INTO opportunity (id, location_id, pipeline_id, stage_id, contact_id,"
        + " title, title_lower, status, last_status_change_at, created_at, updated_at) VALUES ");
    for (int i = from; i < from + count; i++) {
      long at = 4_000_000_000_000L + i;
      sql.append(i == from ? "" : ", ").append(String.format(
          "('sql%05d', '%s', '%s', '%s', '%s', 'sql %d', 'sql %d', 'open', %d, %d, %d)", i, DemoData.LOCATION_ID,
          DemoData.DUPLICATES_PIPELINE_ID, DemoData.DUPLICATES_STAGE_1_ID, DemoData.CONTACT_ELON_ID, i, i, at, at, at));
    }
    return sql.toString();
  }

  static RequestSpecification api(MockServer server) {
    return given().config(ServerTest.CONFIG).filter(ServerTest.CONTRACT).baseUri(server.baseUrl().toString())
        .header("Authorization", "Bearer " + DemoData.TOKEN).contentType("application/json");
  }
}
