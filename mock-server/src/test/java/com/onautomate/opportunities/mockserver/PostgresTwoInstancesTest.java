package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two servers on one PostgreSQL, as a team runs them: the duplicate rule holds across them (of
 * concurrent creates for one new contact, split between the servers, exactly one wins, in every
 * round), and what one server writes the other reads at once, never a stale answer (both keep
 * answers, see {@code web.AnswerCache}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTwoInstancesTest {

  private static final int ROUNDS = 10;
  private static final int CREATES_PER_ROUND = 8;
  private static final int READ_AFTER_WRITE_ROUNDS = 30;
  private static final String SALES = "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities";

  private TestDatabase db;
  private MockServer a;
  private MockServer b;

  @BeforeAll
  void start() {
    db = TestDatabase.postgres();
    a = MockServer.start("--server.port=0", db.serverArg());
    b = MockServer.start("--server.port=0", db.serverArg());
  }

  @AfterAll
  void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {a, b, db}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void concurrentDuplicateCreatesSplitAcrossServersHaveExactlyOneWinner() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CREATES_PER_ROUND);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String email = "race-" + round + "@example.com";
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> creates = new ArrayList<>();
        for (int i = 0; i < CREATES_PER_ROUND; i++) {
          MockServer server = i % 2 == 0 ? a : b;
          String title = "race " + round + " #" + i;
          Callable<Response> create = () -> {
            go.await();
            return api(server).body(Map.of("title", title, "status", "open", "stageId", DemoData.STAGE_NEW_ID,
                "email", email)).post(SALES);
          };
          creates.add(clients.submit(create));
        }
        go.countDown();
        int won = 0;
        for (Future<Response> create : creates) {
          Response response = create.get(60, TimeUnit.SECONDS);
          if (response.statusCode() == 200) {
            won++;
          } else {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
            assertThat(response.jsonPath().getString("msg")).isEqualTo("Can not create duplicate opportunity for the contact.");
          }
        }
        assertThat(won).as("creates answered 200 in round " + round).isEqualTo(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM contact WHERE email_key = '" + email + "'"))
            .as("contacts with " + email).isEqualTo(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM opportunity o JOIN contact c ON c.id = o.contact_id"
            + " WHERE c.email_key = '" + email + "' AND o.pipeline_id = '" + DemoData.PIPELINE_ID + "'")).isEqualTo(1);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void whatOneServerWritesTheOtherReadsAtOnce() {
    for (int i = 0; i < READ_AFTER_WRITE_ROUNDS; i++) {
      MockServer writer = i % 2 == 0 ? a : b;
      MockServer reader = i % 2 == 0 ? b : a;
      String path = SALES;
      // The reader keeps its answers: read first, so that a stale kept answer would show.
      int totalBefore = api(reader).get(path).then().statusCode(200).extract().path("meta.total");

      String id = api(writer).body(Map.of("title", "written " + i, "status", "open", "stageId", DemoData.STAGE_NEW_ID,
          "email", "raw-" + i + "@example.com")).post(path).then().statusCode(200).extract().path("id");
      api(reader).get(path + "/" + id).then().statusCode(200).body("name", equalTo("written " + i));
      api(reader).get(path).then().body("meta.total", equalTo(totalBefore + 1));

      api(writer).body(Map.of("title", "renamed " + i, "status", "won", "stageId", DemoData.STAGE_CONTACTED_ID,
          "email", "raw-" + i + "@example.com")).put(path + "/" + id).then().statusCode(200);
      api(reader).get(path + "/" + id).then().body("name", equalTo("renamed " + i)).body("status", equalTo("won"));

      api(reader).body(Map.of("status", "lost", "stageId", DemoData.STAGE_CLOSED_ID)).put(path + "/" + id + "/status")
          .then().statusCode(200);
      api(writer).get(path + "/" + id).then().body("status", equalTo("lost"));

      if (i % 2 == 0) {
        api(writer).delete(path + "/" + id).then().statusCode(200);
        api(reader).get(path + "/" + id).then().statusCode(404);
        api(reader).get(path).then().body("meta.total", equalTo(totalBefore));
      }
    }
  }

  /** Without the contract check of every answer (the other tests do that): this test is about many requests. */
  private static RequestSpecification api(MockServer server) {
    return RestAssured.given().config(ServerTest.CONFIG).baseUri(server.baseUrl().toString())
        .header("Authorization", "Bearer " + DemoData.TOKEN).contentType("application/json");
  }
}
