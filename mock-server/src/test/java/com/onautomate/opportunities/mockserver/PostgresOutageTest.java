package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL out of reach (every connection dropped, new ones refused, through a {@link TcpRelay}):
 * every operation is answered 503 with {@code Retry-After} and the JSON body, within the pool's
 * bounded wait, requests in flight when it goes are 200 or 503 but never 500, and the server
 * answers again by itself once the database is back. With the server's defaults (5 s wait).
 */
class PostgresOutageTest {

  private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+):(\\d+)/");
  private static final String SALES = "/v1/pipelines/" + DemoData.PIPELINE_ID + "/opportunities";
  private static final String RENEWALS = "/v1/pipelines/" + DemoData.DUPLICATES_PIPELINE_ID + "/opportunities";
  private static final String DEMO = SALES + "/" + DemoData.OPPORTUNITY_ID;
  /** The pool's connection timeout (5 s) plus room for a busy machine. */
  private static final long BOUND_MILLIS = 20_000;

  @Test
  void anUnreachableDatabaseIs503WithRetryAfterAndTheServerRecoversByItself() throws Exception {
    try (TestDatabase db = TestDatabase.postgres()) {
      Matcher target = HOST_PORT.matcher(db.url());
      assertThat(target.find()).isTrue();
      try (TcpRelay relay = new TcpRelay(target.group(1), Integer.parseInt(target.group(2)));
           MockServer server = MockServer.start("--server.port=0",
               "--spring.datasource.url=" + target.replaceFirst("//127.0.0.1:" + relay.port() + "/"))) {
        api(server).get(DEMO).then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
          List<Future<Integer>> inFlight = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            int client = i;
            inFlight.add(pool.submit(() -> createUntilRefused(server, client)));
          }
          Thread.sleep(300);
          relay.cut();
          for (Future<Integer> creates : inFlight) {
            creates.get(60, TimeUnit.SECONDS);  // each ends on its first 503, having seen 200s only before
          }

          Map<String, Callable<Response>> operations = Map.of(
              "GET one", () -> api(server).get(DEMO),
              "GET list", () -> api(server).get(SALES),
              "POST create", () -> api(server).body(newOpportunity("during outage")).post(RENEWALS),
              "PUT update", () -> api(server).body(newOpportunity("renamed in outage")).put(DEMO),
              "PUT status", () -> api(server).body(Map.of("status", "won")).put(DEMO + "/status"),
              "DELETE", () -> api(server).delete(DEMO),
              "an unknown token (cannot be told from a valid one)", () -> PersistenceTest.api(server)
                  .header("Authorization", "Bearer token-never-seen").get(SALES));
          List<Future<String>> answers = new ArrayList<>();
          operations.forEach((name, operation) -> answers.add(pool.submit(() -> {
            long started = System.nanoTime();
            Response response = operation.call();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(response.statusCode()).as(name + ": " + response.asString()).isEqualTo(503);
            assertThat(response.header("Retry-After")).as(name).isEqualTo("5");
            assertThat(response.contentType()).as(name).startsWith("application/json");
            assertThat(response.asString()).as(name).isEqualTo("{\"msg\":\"Service Unavailable\"}");
            assertThat(millis).as(name + ": answered within the bounded wait").isLessThan(BOUND_MILLIS);
            return name + " " + millis + " ms";
          })));
          for (Future<String> answer : answers) {
            System.out.println("PostgresOutageTest: 503 for " + answer.get(60, TimeUnit.SECONDS));
          }
        } finally {
          pool.shutdownNow();
        }

        relay.restore();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status;
        do {
          Thread.sleep(200);
          status = api(server).get(DEMO).statusCode();
        } while (status != 200 && System.nanoTime() < deadline);
        assertThat(status).as("answers again once the database is back").isEqualTo(200);
        api(server).get(DEMO).then().body("name", equalTo("First Opp")).body("status", equalTo("open"));
        api(server).body(newOpportunity("after outage")).post(RENEWALS).then().statusCode(200);
        assertThat(db.queryLong("SELECT COUNT(*) FROM opportunity WHERE title LIKE '%outage%' AND title <> 'after outage'"))
            .as("nothing written by the requests answered 503").isZero();
      }
    }
  }

  /** Creates until the first refusal, which must be a 503; returns how many were created. */
  private static int createUntilRefused(MockServer server, int client) {
    for (int n = 0; ; n++) {
      Response response = api(server).body(newOpportunity("in flight " + client + "-" + n)).post(RENEWALS);
      if (response.statusCode() != 200) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        return n;
      }
    }
  }

  private static Map<String, Object> newOpportunity(String title) {
    return Map.of("title", title, "status", "open", "stageId", DemoData.DUPLICATES_STAGE_1_ID,
        "email", title.replace(' ', '-') + "@example.com");
  }

  private static RequestSpecification api(MockServer server) {
    return PersistenceTest.api(server);
  }
}
