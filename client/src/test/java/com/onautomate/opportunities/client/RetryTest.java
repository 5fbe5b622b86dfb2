package com.onautomate.opportunities.client;

import static com.onautomate.opportunities.client.Fixtures.OPPORTUNITY;
import static com.onautomate.opportunities.client.Fixtures.PIPELINE;
import static com.onautomate.opportunities.client.Fixtures.STAGE;
import static com.onautomate.opportunities.client.Fixtures.json;
import static com.onautomate.opportunities.client.Fixtures.opportunityJson;
import static com.onautomate.opportunities.client.Fixtures.pageJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onautomate.opportunities.client.model.OpportunityStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 429 and 503 are retried on GET, PUT and DELETE only, with growing waits, within the bounds. */
@Timeout(20) // a broken bound fails here instead of hanging the build
class RetryTest {
  private static final String UNAVAILABLE = "{\"msg\":\"Service Unavailable\"}";
  private static final String TOO_MANY = "{\"msg\":\"Too Many Requests\"}";

  private MockWebServer server;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = Fixtures.startServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  /** Records the waits instead of sleeping; no jitter, so the waits are exact. */
  private OpportunitiesClient client(RetryPolicy policy) {
    return Fixtures.clientOf(server).retryPolicy(policy).sleeper(waits::add).random(() -> 0).build();
  }

  private static RetryPolicy policy(int maxRetries) {
    return RetryPolicy.builder().maxRetries(maxRetries).initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofMillis(300)).maxElapsed(Duration.ofSeconds(30)).build();
  }

  private static MockResponse tooMany(String retryAfter) {
    return json(429, TOO_MANY).setHeader("Retry-After", retryAfter);
  }

  @Test
  void getIsRetriedOn503UntilItSucceeds() {
    server.enqueue(json(503, UNAVAILABLE));
    server.enqueue(json(503, UNAVAILABLE));
    server.enqueue(json(200, opportunityJson(OPPORTUNITY)));

    try (OpportunitiesClient client = client(policy(3))) {
      assertThat(client.getOpportunity(PIPELINE, OPPORTUNITY).getId()).isEqualTo(OPPORTUNITY);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void waitsDoubleUpToTheMaximumAndStopAtTheRetryBound() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(json(503, UNAVAILABLE));
    }

    try (OpportunitiesClient client = client(policy(4))) {
      assertThatThrownBy(() -> client.listOpportunities(PIPELINE, OpportunityFilter.none()))
          .isInstanceOf(ServerException.class).hasMessageContaining("Service Unavailable");
    }
    assertThat(server.getRequestCount()).as("1 attempt + 4 retries").isEqualTo(5);
    assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300));
  }

  @Test
  void retryAfterIsHonoured() {
    server.enqueue(tooMany("2"));
    server.enqueue(json(200, pageJson(List.of(), 0, 1, null)));

    try (OpportunitiesClient client = client(policy(3))) {
      client.listOpportunities(PIPELINE, OpportunityFilter.none());
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void aRetryAfterBeyondTheTimeBoundIsNotWaitedFor() {
    server.enqueue(tooMany("60"));

    try (OpportunitiesClient client = client(policy(3))) {
      RateLimitException e = org.assertj.core.api.Assertions.catchThrowableOfType(
          () -> client.getOpportunity(PIPELINE, OPPORTUNITY), RateLimitException.class);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void putAndDeleteAreRetried() {
    server.enqueue(tooMany("0"));
    server.enqueue(json(200, opportunityJson(OPPORTUNITY)));
    server.enqueue(json(503, UNAVAILABLE));
    server.enqueue(new MockResponse().setResponseCode(200));
    server.enqueue(tooMany("0"));
    server.enqueue(new MockResponse().setResponseCode(200));

    try (OpportunitiesClient client = client(policy(3))) {
      client.updateOpportunity(PIPELINE, OPPORTUNITY,
          OpportunityRequests.builder().title("t").status(OpportunityStatus.OPEN).stageId(STAGE).phone("1").build());
      client.updateOpportunityStatus(PIPELINE, OPPORTUNITY, OpportunityStatus.WON, STAGE);
      client.deleteOpportunity(PIPELINE, OPPORTUNITY);
    }
    assertThat(server.getRequestCount()).isEqualTo(6);
    assertThat(waits).hasSize(3);
  }

  @Test
  void createIsNeverRetried() {
    server.enqueue(json(503, UNAVAILABLE));
    server.enqueue(tooMany("0"));

    try (OpportunitiesClient client = client(policy(3))) {
      var request = OpportunityRequests.builder().title("t").status(OpportunityStatus.OPEN).stageId(STAGE).phone("1").build();
      assertThatThrownBy(() -> client.createOpportunity(PIPELINE, request)).isInstanceOf(ServerException.class);
      assertThatThrownBy(() -> client.createOpportunity(PIPELINE, request)).isInstanceOf(RateLimitException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(waits).isEmpty();
  }

  @Test
  void otherErrorsAreNotRetried() {
    server.enqueue(json(500, "{\"msg\":\"boom\"}"));
    server.enqueue(json(502, "{\"msg\":\"bad gateway\"}"));
    server.enqueue(json(404, "{\"msg\":\"Not Found\"}"));

    try (OpportunitiesClient client = client(policy(3))) {
      assertThatThrownBy(() -> client.getOpportunity(PIPELINE, OPPORTUNITY)).isInstanceOf(ServerException.class);
      assertThatThrownBy(() -> client.getOpportunity(PIPELINE, OPPORTUNITY)).isInstanceOf(ServerException.class);
      assertThatThrownBy(() -> client.getOpportunity(PIPELINE, OPPORTUNITY)).isInstanceOf(NotFoundException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(waits).isEmpty();
  }

  @Test
  void noneNeverRetries() {
    server.enqueue(json(503, UNAVAILABLE));

    try (OpportunitiesClient client = client(RetryPolicy.none())) {
      assertThatThrownBy(() -> client.getOpportunity(PIPELINE, OPPORTUNITY)).isInstanceOf(ServerException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theTotalTimeIsBoundedWithRealWaits() {
    for (int i = 0; i < 50; i++) {
      server.enqueue(json(503, UNAVAILABLE));
    }
    RetryPolicy policy = RetryPolicy.builder().maxRetries(50).initialBackoff(Duration.ofMillis(20))
        .maxBackoff(Duration.ofMillis(20)).maxElapsed(Duration.ofMillis(150)).jitter(0).build();

    long start = System.nanoTime();
    try (OpportunitiesClient client = Fixtures.clientOf(server).retryPolicy(policy).build()) {
      assertThatThrownBy(() -> client.getOpportunity(PIPELINE, OPPORTUNITY)).isInstanceOf(ServerException.class);
    }
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(server.getRequestCount()).isBetween(2, 8);
    assertThat(tookMs).isLessThan(2_000);
  }

  @Test
  void jitterTakesAwayAtMostItsShare() {
    RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(1000)).maxBackoff(Duration.ofSeconds(8))
        .jitter(0.25).build();

    assertThat(policy.delayBeforeRetry("GET", 503, null, 0, Duration.ZERO, () -> 0.999)).get()
        .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(750), Duration.ofMillis(751)));
    assertThat(policy.delayBeforeRetry("GET", 503, null, 2, Duration.ZERO, () -> 0)).contains(Duration.ofSeconds(4));
    assertThat(policy.delayBeforeRetry("POST", 503, null, 0, Duration.ZERO, () -> 0)).isEmpty();
    assertThat(policy.delayBeforeRetry("DELETE", 429, Duration.ofSeconds(5), 0, Duration.ZERO, () -> 0))
        .contains(Duration.ofSeconds(5));
    assertThat(policy.delayBeforeRetry("PUT", 500, null, 0, Duration.ZERO, () -> 0)).isEmpty();
    assertThat(policy.delayBeforeRetry("GET", 503, null, 3, Duration.ZERO, () -> 0)).as("past maxRetries").isEmpty();
  }

  @Test
  void thePolicyRejectsNonsense() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).maxBackoff(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalStateException.class);
  }
}
