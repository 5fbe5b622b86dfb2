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

  static RequestSpecification api(MockServer server) {
    return given().config(ServerTest.CONFIG).filter(ServerTest.CONTRACT).baseUri(server.baseUrl().toString())
        .header("Authorization", "Bearer " + DemoData.TOKEN).contentType("application/json");
  }
}
