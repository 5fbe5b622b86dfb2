package com.onautomate.opportunities.conformance.shrinking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.checks.CheckResult;
import com.onautomate.opportunities.conformance.engine.Json;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.RunOptions;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.generation.Identities;
import com.onautomate.opportunities.conformance.generation.Requests;
import com.onautomate.opportunities.conformance.spec.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The search on its own: what a minimal case keeps and drops, and the budgets (no server: the trial is a rule). */
class ShrinkerTest {
  private static final Operation CREATE = Suite.CONTRACT.require("createOpportunity");
  private static final Operation LIST = Suite.CONTRACT.require("listOpportunities");
  private static final CheckResult.Failed FAILED = new CheckResult.Failed("Server error", "500 {}", "2xx");
  private static final RunOptions OPTIONS = Suite.options("http://127.0.0.1:1", 1L, 0);
  private static final Requests REQUESTS = new Requests(OPTIONS);

  /** A body with every property, a snowman in the middle of the title and a fractional monetary value. */
  private static ObjectNode fullBody() {
    ObjectNode b = Json.object();
    b.put("title", "Ünïcødé ☃ 日本語 Qx3a");
    b.put("status", "open");
    b.put("stageId", Suite.STAGES.get(0));
    b.put("email", "ct-orig-1@example.com");
    b.put("phone", "+15550000000001");
    b.put("name", "Elon Musk");
    b.put("companyName", "Tesla");
    b.putArray("tags").add("ea reprehenderit").add("ut Lorem laboris");
    b.put("assignedTo", "082goXVW3lIExEQPOnd3");
    b.put("monetaryValue", new java.math.BigDecimal("12345.67"));
    b.put("source", "public api");
    return b;
  }

  private static TestCase create(Kind kind, String target, ObjectNode body) {
    return new TestCase(CREATE, Phase.FUZZING, kind, "random case", target, REQUESTS.build(CREATE,
        REQUESTS.pathParams(CREATE, null), List.of(), Json.write(body), OPTIONS.token()));
  }

  private static Shrunk shrink(TestCase c, ShrinkLimits limits, Predicate<TestCase> fails) {
    return new Shrinker(limits, new Identities("fixed"), Suite.VALIDATOR::requestErrors)
        .shrink(c, FAILED, candidate -> fails.test(candidate) ? FAILED : null);
  }

  private static JsonNode body(Shrunk s) {
    return Json.parse(s.minimal().request().body());
  }

  private static List<String> names(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static boolean titleHas(TestCase c, String text) {
    JsonNode b = Json.parse(c.request().body());
    return b != null && b.path("title").asText().contains(text);
  }

  @Test
  void aFaultOfOneCharacterShrinksToThatCharacterAndWhatTheContractRequires() {
    Shrunk s = shrink(create(Kind.POSITIVE, null, fullBody()), ShrinkLimits.DEFAULT, c -> titleHas(c, "☃"));
    JsonNode body = body(s);
    assertThat(body.get("title").asText()).isEqualTo("☃");
    assertThat(names(body)).hasSize(4).contains("title", "status", "stageId").containsAnyOf("email", "phone");
    assertThat(Suite.VALIDATOR.requestErrors(s.minimal().request())).isEmpty();
    assertThat(s.stoppedBy()).isNull();
    assertThat(s.tries()).isLessThan(60);
  }

  @Test
  void aFaultOfANumberShrinksToTheSmallestFailingValueAndPlainText() {
    Shrunk s = shrink(create(Kind.POSITIVE, null, fullBody()), ShrinkLimits.DEFAULT,
        c -> Json.parse(c.request().body()).path("monetaryValue").asDouble() > 1000);
    JsonNode body = body(s);
    assertThat(body.get("monetaryValue").asText()).isEqualTo("1001");
    assertThat(body.get("title").asText()).isEqualTo("a");
    assertThat(names(body)).hasSize(5).contains("title", "status", "stageId", "monetaryValue");
    assertThat(s.stoppedBy()).isNull();
  }

  @Test
  void theSameCaseAndAnswersGiveTheSameMinimalCase() {
    TestCase c = create(Kind.POSITIVE, null, fullBody());
    Shrunk a = shrink(c, ShrinkLimits.DEFAULT, x -> titleHas(x, "日"));
    Shrunk b = shrink(c, ShrinkLimits.DEFAULT, x -> titleHas(x, "日"));
    assertThat(a.minimal().request()).isEqualTo(b.minimal().request());
    assertThat(a.tries()).isEqualTo(b.tries());
    assertThat(Json.parse(a.minimal().request().body()).get("title").asText()).isEqualTo("日");
  }

  @Test
  void aNegativeCaseKeepsTheValueItBreaksAndStaysInvalid() {
    ObjectNode body = fullBody();
    body.put("monetaryValue", -1);
    Shrunk s = shrink(create(Kind.NEGATIVE, "monetaryValue", body), ShrinkLimits.DEFAULT, c -> true);
    JsonNode minimal = body(s);
    assertThat(minimal.get("monetaryValue").asInt()).isEqualTo(-1);
    assertThat(minimal.get("title").asText()).isEqualTo("a");
    assertThat(names(minimal)).hasSize(5);
    assertThat(Suite.VALIDATOR.requestErrors(s.minimal().request())).isNotEmpty();
  }

  @Test
  void propertiesTheSchemaDoesNotDeclareAndBodiesThatAreNotObjectsAreSentAsTheyWere() {
    ObjectNode big = fullBody();
    big.put("padding", "x".repeat(70_000));
    Shrunk s = shrink(create(Kind.NEGATIVE, null, big), ShrinkLimits.DEFAULT, c -> true);
    assertThat(body(s).get("padding").asText()).hasSize(70_000);
    TestCase notJson = new TestCase(CREATE, Phase.COVERAGE, Kind.NEGATIVE, "body: not JSON", null,
        REQUESTS.build(CREATE, REQUESTS.pathParams(CREATE, null), List.of(), "{\"title\": ", OPTIONS.token()));
    Shrunk t = shrink(notJson, ShrinkLimits.DEFAULT, c -> true);
    assertThat(t.minimal()).isSameAs(notJson);
    assertThat(t.tries()).isZero();
  }

  @Test
  void queryParametersAreDroppedAndTheirValuesSimplified() {
    TestCase list = new TestCase(LIST, Phase.FUZZING, Kind.POSITIVE, "random valid case", null, REQUESTS.build(LIST,
        REQUESTS.pathParams(LIST, null), List.of(Map.entry("title", "Ünï ☃ abc"), Map.entry("limit", "57"),
            Map.entry("tags", "t0"), Map.entry("tags", "t1"), Map.entry("status", "open")), null, OPTIONS.token()));
    Shrunk s = shrink(list, ShrinkLimits.DEFAULT, c -> c.request().query().stream()
        .anyMatch(e -> e.getKey().equals("limit") && Integer.parseInt(e.getValue()) >= 10));
    assertThat(s.minimal().request().query()).containsExactly(Map.entry("limit", "10"));
  }

  @Test
  void theRequestBudgetStopsTheSearch() {
    AtomicInteger sent = new AtomicInteger();
    Shrunk s = shrink(create(Kind.POSITIVE, null, fullBody()), new ShrinkLimits(true, 3, Duration.ofSeconds(10)),
        c -> sent.incrementAndGet() < 0);
    assertThat(sent.get()).isEqualTo(3);
    assertThat(s.tries()).isEqualTo(3);
    assertThat(s.stoppedBy()).isEqualTo(Shrunk.Stop.REQUEST_BUDGET);
    assertThat(s.failure()).isSameAs(FAILED);
  }

  @Test
  void theTimeBudgetStopsTheSearch() {
    AtomicLong now = new AtomicLong();
    Shrinker shrinker = new Shrinker(new ShrinkLimits(true, 1000, Duration.ofMillis(2500)), new Identities("fixed"),
        Suite.VALIDATOR::requestErrors, now::get);
    Shrunk s = shrinker.shrink(create(Kind.POSITIVE, null, fullBody()), FAILED, c -> {
      now.addAndGet(Duration.ofSeconds(1).toNanos()); // every candidate takes a second
      return titleHas(c, "☃") ? FAILED : null;
    });
    assertThat(s.tries()).isEqualTo(3);
    assertThat(s.stoppedBy()).isEqualTo(Shrunk.Stop.TIME_BUDGET);
  }

  @Test
  void aCandidateWithoutAnAnswerDoesNotReproduce() {
    TestCase c = create(Kind.POSITIVE, null, fullBody());
    Shrunk s = shrink(c, ShrinkLimits.DEFAULT, x -> false); // every candidate unanswered (or answered otherwise)
    assertThat(s.minimal()).isSameAs(c);
    assertThat(s.failure()).isSameAs(FAILED);
    assertThat(s.tries()).isPositive();
  }
}
