package com.onautomate.opportunities.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.onautomate.opportunities.client.model.OpportunityStatus;
import com.onautomate.opportunities.mockserver.DemoData;
import com.onautomate.opportunities.mockserver.MockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retries against the real mock server with its rate limit on (2 requests per second per token):
 * GET waits for the server's Retry-After and succeeds; POST is not retried.
 */
class RateLimitEndToEndTest {
  private static MockServer server;

  private final Recorded recorded = new Recorded();
  private final List<Integer> statuses = recorded.statuses;
  private final List<Duration> waits = recorded.waits;

  @BeforeAll
  static void start() {
    server = MockServer.start("--server.port=0", "--onautomate.rate-limit.enabled=true",
        "--onautomate.rate-limit.requests=2", "--onautomate.rate-limit.window=1s");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private OpportunitiesClient client() {
    return recorded.client(server, null)
        .retryPolicy(RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofMillis(10)).maxElapsed(Duration.ofSeconds(10)).build())
        .build();
  }

  @Test
  void getWaitsForRetryAfterAndSucceeds() {
    try (OpportunitiesClient client = client()) {
      for (int i = 0; i < 4; i++) {
        assertThat(client.getOpportunity(DemoData.PIPELINE_ID, DemoData.OPPORTUNITY_ID).getName()).isEqualTo("First Opp");
      }
    }
    assertThat(statuses).as("the server limited some requests").contains(429);
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(4);
    assertThat(waits).isNotEmpty().allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
  }

  @Test
  void createIsNotRetried() {
    try (OpportunitiesClient client = client()) {
      RateLimitException limited = null;
      for (int i = 0; i < 5 && limited == null; i++) {
        limited = catchThrowableOfType(() -> client.createOpportunity(DemoData.PIPELINE_ID, OpportunityRequests.builder()
            .title("rate limited").status(OpportunityStatus.OPEN).stageId("not-a-stage").phone("+1202-555-0000").build()),
            RateLimitException.class);
      }
      assertThat(limited).as("a create was answered 429").isNotNull();
      assertThat(limited.retryAfter()).isPresent();
      assertThat(limited.header("X-RateLimit-Limit")).contains("2");
    }
    assertThat(waits).isEmpty();
    assertThat(statuses).endsWith(429);
  }
}
