package com.onautomate.opportunities.client;

import static com.onautomate.opportunities.client.Fixtures.OPPORTUNITY;
import static com.onautomate.opportunities.client.Fixtures.PIPELINE;
import static com.onautomate.opportunities.client.Fixtures.STAGE;
import static com.onautomate.opportunities.client.Fixtures.json;
import static com.onautomate.opportunities.client.Fixtures.opportunityJson;
import static com.onautomate.opportunities.client.Fixtures.pageJson;
import static com.onautomate.opportunities.client.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onautomate.opportunities.client.model.OpportunityRequest;
import com.onautomate.opportunities.client.model.OpportunityStatus;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each operation's CompletableFuture variant sends the same request and fails with the same exceptions. */
class AsyncTest {
  private MockWebServer server;

  @BeforeEach
  void start() {
    server = Fixtures.startServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void everyOperationHasAnAsyncVariantOnTheGivenExecutor() throws Exception {
    AtomicInteger tasks = new AtomicInteger();
    Executor counting = command -> {
      tasks.incrementAndGet();
      new Thread(command).start();
    };
    OpportunityRequest request =
        OpportunityRequests.builder().title("t").status(OpportunityStatus.OPEN).stageId(STAGE).phone("1").build();
    server.enqueue(json(200, opportunityJson("new")));
    server.enqueue(json(200, opportunityJson(OPPORTUNITY)));
    server.enqueue(json(200, pageJson(List.of(OPPORTUNITY), 1, 1, null)));
    server.enqueue(json(200, opportunityJson(OPPORTUNITY)));
    server.enqueue(new MockResponse().setResponseCode(200));
    server.enqueue(new MockResponse().setResponseCode(200));

    try (OpportunitiesClient client = Fixtures.clientOf(server).executor(counting).build()) {
      assertThat(client.createOpportunityAsync(PIPELINE, request).get(5, TimeUnit.SECONDS).getId()).isEqualTo("new");
      assertThat(take(server).getMethod()).isEqualTo("POST");
      assertThat(client.getOpportunityAsync(PIPELINE, OPPORTUNITY).get(5, TimeUnit.SECONDS).getId()).isEqualTo(OPPORTUNITY);
      assertThat(take(server).getMethod()).isEqualTo("GET");
      assertThat(client.listOpportunitiesAsync(PIPELINE, OpportunityFilter.none()).get(5, TimeUnit.SECONDS).opportunities()).hasSize(1);
      assertThat(take(server).getPath()).isEqualTo("/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities");
      assertThat(client.updateOpportunityAsync(PIPELINE, OPPORTUNITY, request).get(5, TimeUnit.SECONDS).getId()).isEqualTo(OPPORTUNITY);
      assertThat(take(server).getMethod()).isEqualTo("PUT");
      client.updateOpportunityStatusAsync(PIPELINE, OPPORTUNITY, OpportunityStatus.WON, STAGE).get(5, TimeUnit.SECONDS);
      assertThat(take(server).getPath()).endsWith("/status");
      client.deleteOpportunityAsync(PIPELINE, OPPORTUNITY).get(5, TimeUnit.SECONDS);
      assertThat(take(server).getMethod()).isEqualTo("DELETE");
    }
    assertThat(tasks).hasValue(6);
  }

  @Test
  void aFailureCompletesTheFutureWithTheTypedException() {
    server.enqueue(json(404, "{\"msg\":\"Not Found\"}"));

    try (OpportunitiesClient client = Fixtures.clientOf(server).build()) {
      assertThatThrownBy(() -> client.getOpportunityAsync(PIPELINE, OPPORTUNITY).get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(NotFoundException.class).hasMessageEndingWith("Not Found");
    }
  }

  @Test
  void badArgumentsFailAtOnceNotInTheFuture() {
    try (OpportunitiesClient client = Fixtures.clientOf(server).build()) {
      assertThatThrownBy(() -> client.deleteOpportunityAsync(PIPELINE, "")).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.getRequestCount()).isZero();
  }
}
