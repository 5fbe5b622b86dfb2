package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every create the server answered 200 is still there after the server was killed with SIGKILL in
 * the middle of a burst of creates: for a file H2 (whose URL the server makes durable, see
 * {@code storage.DurableH2Url}) here, and for PostgreSQL in the subclass. Three rounds on one
 * database, against {@code java -jar mock-server.jar} as users start it: after each kill the server
 * is started again on the database and lists all the creates answered so far (after the last one
 * the database is read directly, which costs no fourth start).
 */
class KillDuringCreatesIT {

  private static final int ROUNDS = 3;
  private static final int CLIENTS = 8;
  /** Enough answered creates before the kill that a lost second of writes could not go unnoticed. */
  private static final int MIN_ACKNOWLEDGED_PER_ROUND = 150;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/v1/pipelines/" + DemoData.DUPLICATES_PIPELINE_ID + "/opportunities";

  @TempDir
  Path directory;

  protected TestDatabase database() {
    return TestDatabase.h2File(directory);
  }

  @Test
  void noAnsweredCreateIsLostWhenTheServerIsKilled() throws Exception {
    try (TestDatabase db = database()) {
      Set<String> acknowledged = new HashSet<>();
      for (int round = 1; round <= ROUNDS; round++) {
        try (RunnableJar jar = RunnableJar.start(List.of(), List.of(db.serverArg()))) {
          assertNoneMissing(acknowledged, storedIds(jar.baseUrl), round - 1, "restarted server");
          List<String> answered = burstThenKill(jar, round);
          assertThat(answered.size()).as("creates answered before the kill").isGreaterThanOrEqualTo(MIN_ACKNOWLEDGED_PER_ROUND);
          acknowledged.addAll(answered);
        }
      }
      assertNoneMissing(acknowledged, new HashSet<>(db.queryStrings("SELECT id FROM opportunity")), ROUNDS,
          "database read directly");
    }
  }

  private void assertNoneMissing(Set<String> acknowledged, Set<String> stored, int kills, String readBy) {
    Set<String> missing = new HashSet<>(acknowledged);
    missing.removeAll(stored);
    System.out.printf("%s: after %d kill(s), %d creates answered 200, %d stored (%s), %d missing%n",
        getClass().getSimpleName(), kills, acknowledged.size(), stored.size(), readBy, missing.size());
    assertThat(missing).as("creates answered 200 but gone after kill -9").isEmpty();
  }

  /** Eight clients create as fast as they can; the server is killed once enough were answered. */
  private static List<String> burstThenKill(RunnableJar jar, int round) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
    AtomicInteger sequence = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(clients.submit(() -> {
          while (true) {
            int n = sequence.incrementAndGet();
            String body = "{\"title\":\"kill round " + round + " #" + n + "\",\"status\":\"open\",\"stageId\":\""
                + DemoData.DUPLICATES_STAGE_1_ID + "\",\"email\":\"kill-" + round + "-" + n + "@example.com\"}";
            HttpResponse<String> response;
            try {
              response = client.send(request(jar.baseUrl + PATH).POST(HttpRequest.BodyPublishers.ofString(body))
                  .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
              return null; // the server is gone
            }
            if (response.statusCode() == 200) {
              answered.add(JSON.readTree(response.body()).get("id").textValue());
            } else {
              throw new AssertionError("create answered " + response.statusCode() + ": " + response.body());
            }
          }
        }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      // Kill at a different moment each round, once enough creates were answered.
      int killAt = MIN_ACKNOWLEDGED_PER_ROUND + 97 * round;
      while (answered.size() < killAt && System.nanoTime() < deadline && running.stream().noneMatch(Future::isDone)) {
        Thread.sleep(5);
      }
      jar.killServer();
      for (Future<?> sender : running) {
        sender.get(30, TimeUnit.SECONDS);
      }
      return new ArrayList<>(answered);
    } finally {
      clients.shutdownNow();
    }
  }

  /** The ids of every opportunity of the pipeline, read page by page through the API. */
  private static Set<String> storedIds(String baseUrl) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Set<String> ids = new HashSet<>();
    for (int page = 1; ; page++) {
      HttpResponse<String> response = client.send(request(baseUrl + PATH + "?limit=100&page=" + page).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode opportunities = JSON.readTree(response.body()).get("opportunities");
      if (opportunities.isEmpty()) {
        return ids;
      }
      opportunities.forEach(opportunity -> ids.add(opportunity.get("id").textValue()));
    }
  }

  private static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + DemoData.TOKEN);
  }
}
