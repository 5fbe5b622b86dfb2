package com.onautomate.opportunities.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.onautomate.opportunities.client.model.Opportunity;
import com.onautomate.opportunities.client.model.OpportunityStatus;
import com.onautomate.opportunities.mockserver.DemoData;
import com.onautomate.opportunities.mockserver.MockServer;
import com.onautomate.opportunities.mockserver.MockServerTest;
import com.onautomate.opportunities.mockserver.RecordedRequest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The mock server's public JUnit 5 extension, used as a partner testing their client code would:
 * the annotation only, the server and its base URL as parameters, a reset before each test, and the
 * request journal for assertions on what the client sent.
 */
@MockServerTest(resetBeforeEach = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MockServerExtensionTest {

  private static final String PIPELINE = DemoData.PIPELINE_ID;
  private static String createdInFirstTest;

  @Test
  @Order(1)
  void theClientsRequestsAreInTheJournal(MockServer server, URI baseUrl) {
    assertThat(baseUrl).isEqualTo(server.baseUrl());
    assertThat(baseUrl.getHost()).isEqualTo("127.0.0.1");
    try (OpportunitiesClient client = OpportunitiesClient.builder().baseUrl(baseUrl).token(server.token()).build()) {
      Opportunity created = client.createOpportunity(PIPELINE, OpportunityRequests.builder()
          .title("From the extension test").status(OpportunityStatus.OPEN).stageId(DemoData.STAGE_NEW_ID)
          .email("extension@example.com").build());
      createdInFirstTest = created.getId();
      client.getOpportunity(PIPELINE, created.getId());
    }

    List<RecordedRequest> creates = server.requests("POST", "/v1/pipelines/" + PIPELINE + "/opportunities");
    assertThat(creates).hasSize(1);
    RecordedRequest create = creates.get(0);
    assertThat(create.status()).isEqualTo(200);
    assertThat(create.body()).contains("\"title\":\"From the extension test\"").contains("extension@example.com");
    assertThat(create.headers().get("authorization")).isEqualTo("Bearer ***");
    assertThat(create.locationId()).isEqualTo(DemoData.LOCATION_ID);
    assertThat(server.requests("GET", "/v1/pipelines/*")).hasSize(1);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  @Order(2)
  void eachTestStartsFromTheDemoDataWithAnEmptyJournal(MockServer server) {
    assertThat(createdInFirstTest).as("the first test ran first").isNotNull();
    assertThat(server.requests()).isEmpty();
    try (OpportunitiesClient client = OpportunitiesClient.builder().baseUrl(server.baseUrl()).token(server.token()).build()) {
      assertThat(catchThrowableOfType(() -> client.getOpportunity(PIPELINE, createdInFirstTest),
          NotFoundException.class)).isNotNull();
      assertThat(client.getOpportunity(PIPELINE, DemoData.OPPORTUNITY_ID).getName()).isEqualTo("First Opp");
    }
    assertThat(server.requests(null, "*")).extracting(RecordedRequest::status).containsExactly(200, 404);
  }
}
