package com.onautomate.opportunities.client;

import static com.onautomate.opportunities.client.Fixtures.OPPORTUNITY;
import static com.onautomate.opportunities.client.Fixtures.PIPELINE;
import static com.onautomate.opportunities.client.Fixtures.STAGE;
import static com.onautomate.opportunities.client.Fixtures.TOKEN;
import static com.onautomate.opportunities.client.Fixtures.json;
import static com.onautomate.opportunities.client.Fixtures.opportunityJson;
import static com.onautomate.opportunities.client.Fixtures.pageJson;
import static com.onautomate.opportunities.client.Fixtures.take;
import static com.onautomate.opportunities.client.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onautomate.opportunities.client.model.Opportunity;
import com.onautomate.opportunities.client.model.OpportunityStatus;
import java.time.OffsetDateTime;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation sends exactly the method, path, query, headers and body the contract documents. */
class RequestShapeTest {
  private MockWebServer server;
  private OpportunitiesClient client;

  @BeforeEach
  void start() {
    server = Fixtures.startServer();
    client = Fixtures.clientOf(server).userAgent("partner-app/2.0").build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  @Test
  void createPostsTheRequestAsJsonAndDecodesTheOpportunity() {
    server.enqueue(json(200, opportunityJson("7XExm1wr8gFeZpl6rQny")));

    Opportunity created = client.createOpportunity(PIPELINE, OpportunityRequests.builder()
        .title("First Opp")
        .status(OpportunityStatus.OPEN)
        .stageId(STAGE)
        .email("elon@musk.com")
        .phone("+1202-555-0107")
        .assignedTo("082goXVW3lIExEQPOnd3")
        .monetaryValue(122.22)
        .source("public api")
        .contactId("mTkSCb1UBjb5tk4OvB69")
        .name("Elon Musk")
        .companyName("Tesla")
        .tags("ea reprehenderit", "ut Lorem laboris")
        .build());

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities");
    assertStandardHeaders(request);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(tree(request.getBody().readUtf8())).isEqualTo(tree("""
        {"title":"First Opp","status":"open","stageId":"7915dedc-8f18-44d5-8bc3-77c04e994a10",
         "contactId":"mTkSCb1UBjb5tk4OvB69","email":"elon@musk.com","phone":"+1202-555-0107",
         "name":"Elon Musk","companyName":"Tesla","tags":["ea reprehenderit","ut Lorem laboris"],
         "assignedTo":"082goXVW3lIExEQPOnd3","monetaryValue":122.22,"source":"public api"}
        """));
    assertThat(created.getId()).isEqualTo("7XExm1wr8gFeZpl6rQny");
    assertThat(created.getName()).isEqualTo("First Opp");
    assertThat(created.getStatus()).isEqualTo(OpportunityStatus.OPEN);
    assertThat(created.getMonetaryValue()).isEqualTo(120.0);
    assertThat(created.getCreatedAt()).isEqualTo(OffsetDateTime.parse("2020-10-29T09:31:30.255Z"));
    assertThat(created.getContact().getTags()).containsExactly("cillum sunt in enim", "ea");
  }

  @Test
  void unsetOptionalFieldsAreLeftOutOfTheBody() {
    server.enqueue(json(200, opportunityJson("x")));

    client.createOpportunity(PIPELINE, OpportunityRequests.builder()
        .title("Minimal").status(OpportunityStatus.WON).stageId(STAGE).phone("+1202-555-0199").build());

    assertThat(tree(take(server).getBody().readUtf8())).isEqualTo(tree("""
        {"title":"Minimal","status":"won","stageId":"7915dedc-8f18-44d5-8bc3-77c04e994a10","phone":"+1202-555-0199"}
        """));
  }

  @Test
  void getSendsNoBodyAndEncodesPathParameters() {
    server.enqueue(json(200, opportunityJson(OPPORTUNITY)));

    Opportunity opportunity = client.getOpportunity("pipe line/1", "opp?#%");

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/v1/pipelines/pipe%20line%2F1/opportunities/opp%3F%23%25");
    assertStandardHeaders(request);
    assertThat(request.getBodySize()).isZero();
    assertThat(opportunity.getId()).isEqualTo(OPPORTUNITY);
  }

  @Test
  void listSendsEveryFilterAndRepeatsTags() {
    server.enqueue(json(200, pageJson(List.of(OPPORTUNITY), 1, 2, null)));

    OpportunityPage page = client.listOpportunities(PIPELINE, OpportunityFilter.builder()
        .page(2)
        .limit(50)
        .title("First")
        .stageId("8b897c8f-b859-49c1-88f2-ed590708a85c")
        .status(OpportunityStatus.OPEN)
        .monetaryValue(120.0)
        .assignedTo("hxHGVRb1YJUscrCB8eXK")
        .contactId("byMEV0NQinDhq8ZfiOi2")
        .email("john@deo.com")
        .name("John Deo")
        .phone("+1202-555-0107")
        .tags("ea", "cillum sunt in enim")
        .companyName("Tesla & Co")
        .build());

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities");
    assertThat(request.getRequestUrl().queryParameterNames()).containsExactlyInAnyOrder(
        "page", "limit", "title", "stageId", "status", "monetaryValue", "assignedTo", "contactId", "email",
        "name", "phone", "tags", "companyName");
    assertThat(request.getRequestUrl().queryParameter("page")).isEqualTo("2");
    assertThat(request.getRequestUrl().queryParameter("limit")).isEqualTo("50");
    assertThat(request.getRequestUrl().queryParameter("title")).isEqualTo("First");
    assertThat(request.getRequestUrl().queryParameter("stageId")).isEqualTo("8b897c8f-b859-49c1-88f2-ed590708a85c");
    assertThat(request.getRequestUrl().queryParameter("status")).isEqualTo("open");
    assertThat(Double.parseDouble(request.getRequestUrl().queryParameter("monetaryValue"))).isEqualTo(120.0);
    assertThat(request.getRequestUrl().queryParameter("assignedTo")).isEqualTo("hxHGVRb1YJUscrCB8eXK");
    assertThat(request.getRequestUrl().queryParameter("contactId")).isEqualTo("byMEV0NQinDhq8ZfiOi2");
    assertThat(request.getRequestUrl().queryParameter("email")).isEqualTo("john@deo.com");
    assertThat(request.getRequestUrl().queryParameter("name")).isEqualTo("John Deo");
    assertThat(request.getRequestUrl().queryParameter("phone")).isEqualTo("+1202-555-0107");
    assertThat(request.getRequestUrl().queryParameterValues("tags")).containsExactly("ea", "cillum sunt in enim");
    assertThat(request.getRequestUrl().queryParameter("companyName")).isEqualTo("Tesla & Co");
    assertThat(request.getPath()).contains("phone=%2B1202-555-0107").contains("companyName=Tesla%20%26%20Co");
    assertStandardHeaders(request);
    assertThat(page.opportunities()).extracting(Opportunity::getId).containsExactly(OPPORTUNITY);
    assertThat(page.meta().getTotal()).isEqualTo(1L);
    assertThat(page.meta().getCurrentPage()).isEqualTo(2);
    assertThat(page.hasNextPage()).isFalse();
  }

  @Test
  void listWithoutFilterSendsNoQuery() {
    server.enqueue(json(200, pageJson(List.of(), 0, 1, null)));

    client.listOpportunities(PIPELINE, OpportunityFilter.none());

    assertThat(take(server).getPath()).isEqualTo("/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities");
  }

  @Test
  void updatePutsTheRequest() {
    server.enqueue(json(200, opportunityJson(OPPORTUNITY)));

    Opportunity updated = client.updateOpportunity(PIPELINE, OPPORTUNITY, OpportunityRequests.builder()
        .title("Renamed").status(OpportunityStatus.LOST).stageId(STAGE).contactId("byMEV0NQinDhq8ZfiOi2").build());

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getPath()).isEqualTo("/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities/123akv4LFn6C9frZoy3e");
    assertStandardHeaders(request);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(tree(request.getBody().readUtf8())).isEqualTo(tree("""
        {"title":"Renamed","status":"lost","stageId":"7915dedc-8f18-44d5-8bc3-77c04e994a10","contactId":"byMEV0NQinDhq8ZfiOi2"}
        """));
    assertThat(updated.getId()).isEqualTo(OPPORTUNITY);
  }

  @Test
  void fromAnOpportunityKeepsItsValuesForAnUpdate() {
    Opportunity existing = OpportunitiesClient.objectMapper().convertValue(tree(opportunityJson(OPPORTUNITY)), Opportunity.class);

    assertThat(tree(OpportunitiesClient.objectMapper().valueToTree(
        OpportunityRequests.from(existing).status(OpportunityStatus.WON).build()).toString()))
        .isEqualTo(tree("""
            {"title":"First Opp","status":"won","stageId":"8b897c8f-b859-49c1-88f2-ed590708a85c",
             "contactId":"byMEV0NQinDhq8ZfiOi2","assignedTo":"hxHGVRb1YJUscrCB8eXK","monetaryValue":120.0,"source":"form"}
            """));
  }

  @Test
  void statusChangePutsStatusAndStageAndAcceptsTheEmptyAnswer() {
    server.enqueue(new MockResponse().setResponseCode(200));

    client.updateOpportunityStatus(PIPELINE, OPPORTUNITY, OpportunityStatus.ABANDONED, STAGE);

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getPath()).isEqualTo("/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities/123akv4LFn6C9frZoy3e/status");
    assertStandardHeaders(request);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(tree(request.getBody().readUtf8()))
        .isEqualTo(tree("{\"status\":\"abandoned\",\"stageId\":\"7915dedc-8f18-44d5-8bc3-77c04e994a10\"}"));
  }

  @Test
  void deleteSendsNoBodyAndAcceptsTheEmptyAnswer() {
    server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json"));

    client.deleteOpportunity(PIPELINE, OPPORTUNITY);

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getPath()).isEqualTo("/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities/123akv4LFn6C9frZoy3e");
    assertStandardHeaders(request);
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void aBaseUrlPathIsKeptAsAPrefix() throws Exception {
    try (OpportunitiesClient proxied = Fixtures.clientOf(server).baseUrl(server.url("/onautomate").toString()).build()) {
      server.enqueue(json(200, opportunityJson(OPPORTUNITY)));
      proxied.getOpportunity(PIPELINE, OPPORTUNITY);
      assertThat(take(server).getPath()).isEqualTo("/onautomate/v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities/123akv4LFn6C9frZoy3e");
    }
  }

  @Test
  void blankOrTraversingIdsAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> client.getOpportunity(" ", OPPORTUNITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pipelineId is blank.");
    assertThatThrownBy(() -> client.deleteOpportunity(PIPELINE, ".."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aSuccessWithABodyThatIsNotJsonIsAnIoFailure() {
    server.enqueue(json(200, "<html>maintenance</html>"));

    assertThatThrownBy(() -> client.getOpportunity(PIPELINE, OPPORTUNITY))
        .isInstanceOf(OpportunitiesIoException.class)
        .hasMessageStartingWith("Could not read the answer to GET /v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities/123akv4LFn6C9frZoy3e");
  }

  @Test
  void anUnreachableServerIsAnIoFailure() throws Exception {
    String url = server.url("/").toString();
    server.shutdown();
    try (OpportunitiesClient offline = OpportunitiesClient.builder().baseUrl(url).token(TOKEN).build()) {
      assertThatThrownBy(() -> offline.getOpportunity(PIPELINE, OPPORTUNITY))
          .isInstanceOf(OpportunitiesIoException.class)
          .hasCauseInstanceOf(java.io.IOException.class)
          .hasMessageStartingWith("GET /v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities/123akv4LFn6C9frZoy3e failed");
    }
  }

  private static void assertStandardHeaders(RecordedRequest request) {
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.getHeader("User-Agent")).isEqualTo("partner-app/2.0");
  }
}
