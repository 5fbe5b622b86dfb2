package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The races of the issue: the database, not a check in Java, keeps one contact and one opportunity. */
class ConcurrencyTest extends ServerTest {

  private static final int THREADS = 32;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterAll
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void thirtyTwoCreatesForAnExistingContactLeaveOneOpportunity() throws Exception {
    List<HttpResponse<String>> responses = race(i -> post(SALES, Map.of("title", "race " + i, "status", "open",
        "stageId", NEW, "contactId", DemoData.CONTACT_ELON_ID)));
    assertOneCreatedRestDuplicates(responses);
    assertThat(db.queryLong("SELECT COUNT(*) FROM opportunity WHERE pipeline_id = '" + SALES
        + "' AND contact_id = '" + DemoData.CONTACT_ELON_ID + "'")).isEqualTo(1);
    assertThat(db.queryLong("SELECT opportunity_count FROM pipeline WHERE id = '" + SALES + "'"))
        .isEqualTo(db.queryLong("SELECT COUNT(*) FROM opportunity WHERE pipeline_id = '" + SALES + "'"));
  }

  @Test
  void thirtyTwoCreatesForANewEmailLeaveOneContactAndOneOpportunity() throws Exception {
    List<HttpResponse<String>> responses = race(i -> post(SALES, Map.of("title", "race " + i, "status", "open",
        "stageId", NEW, "email", i % 2 == 0 ? "racer@example.com" : "RACER@example.com", "tags", List.of("t" + i))));
    assertOneCreatedRestDuplicates(responses);
    assertThat(db.queryLong("SELECT COUNT(*) FROM contact WHERE email_key = 'racer@example.com'")).isEqualTo(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM opportunity o JOIN contact c ON c.id = o.contact_id "
        + "WHERE c.email_key = 'racer@example.com'")).isEqualTo(1);
  }

  @Test
  void concurrentCreatesOfOneNewContactWhereDuplicatesAreAllowedAllSucceedWithOneContact() throws Exception {
    List<HttpResponse<String>> responses = race(i -> post(RENEWALS, Map.of("title", "renewal " + i, "status", "open",
        "stageId", DemoData.DUPLICATES_STAGE_1_ID, "email", "renewer@example.com", "tags", List.of("t" + i))));
    Set<String> contacts = new HashSet<>();
    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      contacts.add(JSON.readTree(response.body()).path("contact").path("id").asText());
    }
    assertThat(contacts).hasSize(1);
    assertThat(db.queryLong("SELECT COUNT(*) FROM contact WHERE email_key = 'renewer@example.com'")).isEqualTo(1);
    // Every request's tag was added: no lost update on the contact.
    String contactId = contacts.iterator().next();
    assertThat(db.queryLong("SELECT COUNT(*) FROM contact_tag WHERE contact_id = '" + contactId + "'")).isEqualTo(THREADS);
    JsonNode last = JSON.readTree(get(RENEWALS, JSON.readTree(responses.get(0).body()).path("id").asText()).body());
    assertThat(last.path("contact").path("tags").size()).isEqualTo(THREADS);
  }

  /** Creates in two pipelines do not queue behind one pipeline's lock: here the contact's unique index decides. */
  @Test
  void concurrentCreatesOfOneNewEmailInTwoPipelinesMakeOneContact() throws Exception {
    List<HttpResponse<String>> responses = race(i -> i % 2 == 0
        ? post(SALES, Map.of("title", "two " + i, "status", "open", "stageId", NEW, "email", "twopipes@example.com"))
        : post(RENEWALS, Map.of("title", "two " + i, "status", "open", "stageId", DemoData.DUPLICATES_STAGE_1_ID,
            "email", "TwoPipes@example.com")));
    int sales = 0;
    int renewals = 0;
    for (int i = 0; i < responses.size(); i++) {
      HttpResponse<String> response = responses.get(i);
      if (i % 2 == 0) {
        sales += response.statusCode() == 200 ? 1 : 0;
        assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
      } else {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        renewals++;
      }
    }
    assertThat(sales).isEqualTo(1);
    assertThat(renewals).isEqualTo(THREADS / 2);
    assertThat(db.queryLong("SELECT COUNT(*) FROM contact WHERE email_key = 'twopipes@example.com'")).isEqualTo(1);
  }

  @Test
  void concurrentUpdatesLoseNoAcknowledgedChangeAndNeverTearARow() throws Exception {
    String id = create(RENEWALS, Map.of("title", "contended", "status", "open",
        "stageId", DemoData.DUPLICATES_STAGE_1_ID, "email", "contended@example.com"));
    List<HttpResponse<String>> responses = race(i -> put(RENEWALS, id, Map.of("title", "update " + i,
        "status", i % 2 == 0 ? "open" : "won", "stageId", DemoData.DUPLICATES_STAGE_2_ID,
        "email", "contended@example.com", "monetaryValue", i, "assignedTo", "user" + i, "source", "source " + i,
        "tags", List.of("tag" + i))));
    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
    JsonNode stored = JSON.readTree(get(RENEWALS, id).body());
    int winner = stored.path("monetaryValue").asInt();
    // Every field comes from the same request.
    assertThat(stored.path("name").asText()).isEqualTo("update " + winner);
    assertThat(stored.path("assignedTo").asText()).isEqualTo("user" + winner);
    assertThat(stored.path("source").asText()).isEqualTo("source " + winner);
    assertThat(stored.path("status").asText()).isEqualTo(winner % 2 == 0 ? "open" : "won");
    // Tags add up: every acknowledged update's tag is there.
    Set<String> tags = new HashSet<>();
    stored.path("contact").path("tags").forEach(t -> tags.add(t.asText()));
    for (int i = 0; i < THREADS; i++) {
      assertThat(tags).contains("tag" + i);
    }
  }

  private static void assertOneCreatedRestDuplicates(List<HttpResponse<String>> responses) {
    int created = 0;
    for (HttpResponse<String> response : responses) {
      if (response.statusCode() == 200) {
        created++;
      } else {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"msg\":\"Can not create duplicate opportunity for the contact.\"}");
      }
    }
    assertThat(created).isEqualTo(1);
  }

  /** Sends THREADS requests as close to the same moment as possible. */
  private List<HttpResponse<String>> race(IntFunction<HttpRequest> request) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      HttpRequest r = request.apply(i);
      futures.add(pool.submit(() -> {
        start.await();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
      }));
    }
    start.countDown();
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (Future<HttpResponse<String>> future : futures) {
      responses.add(future.get());
    }
    return responses;
  }

  private HttpRequest post(String pipelineId, Map<String, Object> body) {
    return request(opportunities(pipelineId)).POST(json(body)).build();
  }

  private HttpRequest put(String pipelineId, String id, Map<String, Object> body) {
    return request(opportunity(pipelineId, id)).PUT(json(body)).build();
  }

  private HttpResponse<String> get(String pipelineId, String id) throws Exception {
    return http.send(request(opportunity(pipelineId, id)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Authorization", "Bearer " + DemoData.TOKEN)
        .header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher json(Map<String, Object> body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
