package com.onautomate.opportunities.mockserver;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PersistenceTest} on PostgreSQL, and several servers on one PostgreSQL acting as one. */
class PostgresPersistenceTest extends PersistenceTest {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }

  @Test
  void twoServersOnOneDatabaseActAsOne() {
    try (TestDatabase db = database();
         MockServer a = MockServer.start("--server.port=0", db.serverArg());
         MockServer b = MockServer.start("--server.port=0", db.serverArg())) {
      String path = "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities";
      String id = api(a).body(Map.of("title", "shared", "status", "open", "stageId", DemoData.STAGE_NEW_ID,
          "email", "shared@example.com", "tags", List.of("x"))).post(path).then().statusCode(200).extract().path("id");
      api(b).get(path + "/" + id).then().statusCode(200).body("name", equalTo("shared"));
      api(b).get(path).then().body("meta.total", equalTo(2));
      api(b).body(Map.of("title", "again", "status", "open", "stageId", DemoData.STAGE_NEW_ID,
          "email", "SHARED@example.com")).post(path).then().statusCode(400);
      api(b).delete(path + "/" + id).then().statusCode(200);
      api(a).get(path + "/" + id).then().statusCode(404);
      api(a).get(path).then().body("meta.total", equalTo(1));
    }
  }
}
