package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The {@link HostileCorpus} (a few thousand raw requests) against the server: no answer is a 5xx,
 * every error answer is JSON in the contract's shape ({@code {"msg": ...}}, or the 422 field map),
 * a create that is answered 200 stored exactly the title it was sent (injected SQL is text), and
 * the rows stored are exactly the creates answered 200.
 */
class HostileRequestsTest extends ServerTest {

  /** Short deadlines: some requests of the corpus never finish their body or headers. */
  @Override
  protected List<String> serverArgs() {
    return List.of("--onautomate.request-timeouts.headers=3s", "--onautomate.request-timeouts.body=3s");
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * No request to answer: blank lines only, an HTTP/2 preface (no HTTP/2 here), and a body shorter
   * than its Content-Length whose client closed its side (Tomcat takes the end of input in the middle
   * of a body as the client gone, and closes).
   */
  private static final java.util.Set<String> ALLOWED_UNANSWERED = java.util.Set.of("framing: only blank lines",
      "framing: HTTP/2 preface", "framing: Content-Length longer than the body");

  @Test
  void noHostileRequestGetsA5xxOrAnErrorThatIsNotJsonAndOnlyAnsweredCreatesAreStored() throws Exception {
    List<HostileCorpus.Case> corpus = HostileCorpus.all();
    long opportunitiesBefore = db.count("opportunity");
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger createsAnswered200 = new AtomicInteger();
    AtomicInteger deletesAnswered200 = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (HostileCorpus.Case hostile : corpus) {
        sent.add(senders.submit(() -> {
          List<RawHttp.Answer> answers;
          try {
            answers = RawHttp.exchange(server.baseUrl().getHost(), server.port(), hostile.bytes(), hostile.halfClose());
          } catch (java.io.IOException e) {
            problems.add(hostile.name() + ": " + e);
            return null;
          }
          if (answers.isEmpty()) {
            unanswered.add(hostile.name());
          }
          boolean post = startsWith(hostile.bytes(), "POST ");
          boolean head = startsWith(hostile.bytes(), "HEAD ");
          boolean delete = startsWith(hostile.bytes(), "DELETE ");
          for (RawHttp.Answer answer : answers) {
            statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            String problem = problem(answer, head);
            if (problem != null) {
              problems.add(hostile.name() + ": " + problem);
            }
            if (delete && answer.status() == 200) {
              deletesAnswered200.incrementAndGet();
            }
            if (post && answer.status() == 200 && answer.body().contains("\"createdAt\"")) {
              createsAnswered200.incrementAndGet();
              String stored = JSON.readTree(answer.body().getBytes(StandardCharsets.ISO_8859_1)).path("name").textValue();
              if (hostile.createTitle() != null && !hostile.createTitle().equals(stored)) {
                problems.add(hostile.name() + ": title sent " + hostile.createTitle() + ", stored " + stored);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> request : sent) {
        request.get(120, TimeUnit.SECONDS);
      }
    } finally {
      senders.shutdownNow();
    }
    System.out.printf("%s: %d hostile requests in %d ms; answers by status %s; %d creates and %d deletes answered 200;"
            + " %d connections closed without an answer: %s%n", getClass().getSimpleName(), corpus.size(),
        (System.nanoTime() - started) / 1_000_000, new TreeMap<>(statuses), createsAnswered200.get(),
        deletesAnswered200.get(), unanswered.size(), unanswered);
    assertThat(corpus).hasSizeGreaterThan(3000);
    assertThat(problems).as("answers that are 5xx, or errors that are not the contract's JSON").isEmpty();
    assertThat(unanswered).as("connections closed without an answer: only where no request ever came whole")
        .allMatch(ALLOWED_UNANSWERED::contains);
    assertThat(db.count("opportunity") - opportunitiesBefore).as("rows added = creates answered 200 - deletes answered 200")
        .isEqualTo(createsAnswered200.get() - deletesAnswered200.get());
    // Still whole and still serving: a plain create reads back, and the list counts what is stored.
    String id = create(RENEWALS, Map.of("title", "after the corpus", "status", "open", "stageId",
        DemoData.DUPLICATES_STAGE_1_ID, "email", "after-corpus@example.com"));
    api().get(opportunity(RENEWALS, id)).then().statusCode(200);
    long renewals = db.queryLong("SELECT COUNT(*) FROM opportunity WHERE pipeline_id = '" + DemoData.DUPLICATES_PIPELINE_ID + "'");
    api().get(opportunities(RENEWALS)).then().statusCode(200)
        .body("meta.total", org.hamcrest.Matchers.equalTo((int) renewals));
  }

  /** What is wrong with an answer, or {@code null}: a 5xx, or an error whose body is not the contract's JSON. */
  private static String problem(RawHttp.Answer answer, boolean head) {
    int status = answer.status();
    if (status < 0) {
      return "an answer cut off in its headers: " + answer.body();
    }
    if (status >= 500) {
      return "status " + status + " " + answer.body();
    }
    if (status == 0) {
      // An HTTP/0.9 request gets the body alone: it must still be JSON.
      return answer.body().isEmpty() || isJson(answer.body()) ? null : "an HTTP/0.9 answer that is not JSON: " + answer.body();
    }
    if (status < 400 || head) {
      return null;
    }
    String type = answer.header("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      return "status " + status + " with Content-Type " + type + ": " + answer.body();
    }
    JsonNode body;
    try {
      body = JSON.readTree(answer.body().getBytes(StandardCharsets.ISO_8859_1));
    } catch (Exception e) {
      return "status " + status + " with a body that is not JSON: " + answer.body();
    }
    if (status == 422) {
      for (JsonNode field : body) {
        if (!field.path("message").isTextual() || !field.path("rule").isTextual()) {
          return "a 422 that is not the field map: " + answer.body();
        }
      }
      return body.isObject() && !body.isEmpty() ? null : "an empty 422: " + answer.body();
    }
    if (!body.isObject() || body.size() != 1 || !body.path("msg").isTextual()) {
      return "status " + status + " whose body is not {\"msg\": ...}: " + answer.body();
    }
    if (status == 405 && answer.header("Allow") == null) {
      return "a 405 without Allow";
    }
    return null;
  }

  private static boolean isJson(String text) {
    try {
      JSON.readTree(text);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] bytes, String prefix) {
    return new String(bytes, 0, Math.min(bytes.length, prefix.length()), StandardCharsets.ISO_8859_1).equals(prefix);
  }
}
