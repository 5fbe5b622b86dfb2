package com.onautomate.opportunities.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onautomate.opportunities.client.model.OpportunityStatus;
import com.onautomate.opportunities.mockserver.DemoData;
import com.onautomate.opportunities.mockserver.MockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The retry path against the real mock server's injected faults: a seeded share of 429 and 503
 * answers (Retry-After 0) that idempotent calls retry through and creates do not, and the faults a
 * client cannot retry safely (a dropped connection, a cut answer, an answer slower than the read
 * timeout), chosen per request with {@code Prefer}.
 */
@Timeout(60)
class InjectedFaultsEndToEndTest {
  private static MockServer server;

  private final Recorded recorded = new Recorded();
  private final List<Integer> statuses = recorded.statuses;
  private final List<Duration> waits = recorded.waits;

  @BeforeAll
  static void start() {
    server = MockServer.start("--server.port=0", "--onautomate.faults.status-rate.429=0.2",
        "--onautomate.faults.status-rate.503=0.2", "--onautomate.faults.retry-after=0", "--onautomate.faults.seed=17");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A patient client with short waits and a short read timeout, sending {@code prefer} when given. */
  private OpportunitiesClient client(String prefer) {
    return recorded.client(server, prefer)
        .readTimeout(Duration.ofMillis(800))
        .retryPolicy(RetryPolicy.builder().maxRetries(8).initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(4)).maxElapsed(Duration.ofSeconds(20)).build())
        .build();
  }

  @Test
  void readsAndStatusChangesRetryThroughInjected429And503() {
    try (OpportunitiesClient client = client(null)) {
      for (int i = 0; i < 20; i++) {
        assertThat(client.getOpportunity(DemoData.PIPELINE_ID, DemoData.OPPORTUNITY_ID).getName()).isEqualTo("First Opp");
        assertThat(client.listOpportunities(DemoData.PIPELINE_ID, OpportunityFilter.none()).meta().getTotal()).isEqualTo(1);
        client.updateOpportunityStatus(DemoData.PIPELINE_ID, DemoData.OPPORTUNITY_ID, OpportunityStatus.OPEN,
            DemoData.STAGE_NEW_ID);
      }
    }
    assertThat(statuses).as("the server injected both").contains(429, 503);
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(60);
    assertThat(waits).as("one wait before each retry").hasSize(statuses.size() - 60);
  }

  @Test
  void aCreateAnswered503IsNotRetried() {
    try (OpportunitiesClient client = client("fault=503")) {
      assertThatThrownBy(() -> client.createOpportunity(DemoData.DUPLICATES_PIPELINE_ID, OpportunityRequests.builder()
          .title("not retried").status(OpportunityStatus.OPEN).stageId(DemoData.DUPLICATES_STAGE_1_ID)
          .phone("+1202-555-0199").build()))
          .isInstanceOf(ServerException.class).hasMessageContaining("Service Unavailable");
    }
    assertThat(statuses).containsExactly(503);
    assertThat(waits).isEmpty();
  }

  @Test
  void aDroppedConnectionACutAnswerAndASlowAnswerAreIoFailuresNotRetried() {
    for (String fault : List.of("fault=close", "fault=truncate", "fault=none, delay=2000")) {
      statuses.clear();
      try (OpportunitiesClient client = client(fault)) {
        assertThatThrownBy(() -> client.getOpportunity(DemoData.PIPELINE_ID, DemoData.OPPORTUNITY_ID)).as(fault)
            .isInstanceOf(OpportunitiesIoException.class);
      }
      assertThat(statuses.size()).as(fault + ": answers seen").isLessThanOrEqualTo(1);
    }
    assertThat(waits).isEmpty();
  }
}
