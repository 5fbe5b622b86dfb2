package com.onautomate.opportunities.mockserver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code POST /__admin/reset}: back to the start state, atomically, while requests are in flight. */
class AdminResetTest extends ServerTest {

  /** Every admin answer is checked against the admin endpoints' own OpenAPI document. */
  static final OpenApiValidationFilter ADMIN_CONTRACT = new OpenApiValidationFilter(
      OpenApiInteractionValidator.createForSpecificationUrl("admin-openapi.yaml").build());

  private static final ObjectMapper JSON = new ObjectMapper();

  RequestSpecification admin() {
    return given().config(CONFIG).filter(ADMIN_CONTRACT).baseUri(server.baseUrl().toString());
  }

  @Test
  void resetBringsBackTheDemoDataAndForgetsWhatClientsDid() {
    String created = create(SALES, newOpportunity("made before the reset", "before-reset@example.com"));
    api().delete(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(200);
    api().get(opportunities(SALES)).then().body("meta.total", equalTo(1));   // a kept answer, now stale

    admin().post("/__admin/reset").then().statusCode(200).body("msg", equalTo("Reset"));

    api().get(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(200).body("name", equalTo("First Opp"));
    api().get(opportunity(SALES, created)).then().statusCode(404);
    api().get(opportunities(SALES)).then().statusCode(200).body("meta.total", equalTo(1))
        .body("opportunities[0].id", equalTo(DemoData.OPPORTUNITY_ID));
    api().queryParam("email", "before-reset@example.com").get(opportunities(SALES)).then()
        .body("meta.total", equalTo(0));
    assertThat(db.count("opportunity")).isEqualTo(2);
    assertThat(db.count("contact")).isEqualTo(3);
    assertThat(db.queryLong("SELECT opportunity_count FROM pipeline WHERE id = '" + SALES + "'")).isEqualTo(1);
    assertThat(db.queryLong("SELECT SUM(row_count) FROM page_bucket WHERE pipeline_id = '" + SALES + "'")).isEqualTo(1);
    // The duplicate rule holds against the reloaded contact, and its email finds it again.
    api().body(java.util.Map.of("title", "dup", "status", "open", "stageId", NEW, "email", DemoData.CONTACT_JOHN_EMAIL))
        .post(opportunities(SALES)).then().statusCode(400);
  }

  @Test
  void theAdminContractIsServedAndIsNotInTheApiContract() {
    admin().get("/__admin/openapi.yaml").then().statusCode(200)
        .body(org.hamcrest.Matchers.containsString("/__admin/reset"));
    anonymous().get("/openapi.yaml").then().statusCode(200)
        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("__admin")));
  }

  @Test
  void noFaultOrChosenAnswerReachesTheAdminEndpoints() {
    admin().header("Prefer", "fault=503").post("/__admin/reset").then().statusCode(200);
    admin().header("Prefer", "code=404").get("/__admin/requests").then().statusCode(200);
  }

  /**
   * Four clients create, list and read while the server is reset twenty times: no answer is a 5xx,
   * and no answer shows half of a reset (a list whose total does not match its rows, the demo
   * opportunity missing), and after the last reset the store is the start state exactly.
   */
  @Test
  void resetUnderConcurrentLoadAnswersNo5xxAndNoHalfState() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    AtomicInteger requests = new AtomicInteger();
    URI base = server.baseUrl();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      int client = c;
      futures.add(clients.submit(() -> {
        int i = 0;
        while (running.get()) {
          i++;
          try {
            HttpResponse<String> created = http.send(request(base, opportunities(SALES)).POST(HttpRequest.BodyPublishers
                .ofString("{\"title\":\"load\",\"status\":\"open\",\"stageId\":\"" + NEW + "\",\"email\":\"load-" + client
                    + "-" + i + "@example.com\"}")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> list = http.send(request(base, opportunities(SALES)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> one = http.send(request(base, opportunity(SALES, DemoData.OPPORTUNITY_ID)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            requests.addAndGet(3);
            if (created.statusCode() != 200) {
              problems.add("create " + created.statusCode() + " " + created.body());
            }
            if (one.statusCode() != 200) {
              problems.add("GET one " + one.statusCode() + " " + one.body());
            }
            if (list.statusCode() != 200) {
              problems.add("list " + list.statusCode() + " " + list.body());
            } else {
              JsonNode page = JSON.readTree(list.body());
              long total = page.path("meta").path("total").asLong();
              int rows = page.path("opportunities").size();
              // Creates between the two reads of a list may add rows, never take them: fewer rows than the
              // total says is a total from before a reset with rows from after it.
              if (rows < Math.min(total, 20) || rows == 0
                  || !DemoData.OPPORTUNITY_ID.equals(page.path("opportunities").get(0).path("id").asText())) {
                problems.add("list of " + rows + " rows, total " + total + ": " + list.body());
              }
            }
          } catch (Exception e) {
            problems.add(e.toString());
          }
        }
        return null;
      }));
    }
    try {
      for (int r = 0; r < 20; r++) {
        Thread.sleep(50);
        admin().post("/__admin/reset").then().statusCode(200);
      }
    } finally {
      running.set(false);
      for (Future<?> f : futures) {
        f.get();
      }
      clients.shutdownNow();
    }
    assertThat(problems).as("answers during resets").isEmpty();
    assertThat(requests.get()).as("requests sent during the resets").isGreaterThan(20);

    admin().post("/__admin/reset").then().statusCode(200);
    assertThat(db.count("opportunity")).isEqualTo(2);
    assertThat(db.count("contact")).isEqualTo(3);
    assertThat(db.count("contact_tag")).isEqualTo(2);
    api().get(opportunities(SALES)).then().body("meta.total", equalTo(1));
  }

  private static HttpRequest.Builder request(URI base, String path) {
    return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + DemoData.TOKEN)
        .header("Content-Type", "application/json");
  }
}
