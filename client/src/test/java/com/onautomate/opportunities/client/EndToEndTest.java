package com.onautomate.opportunities.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.onautomate.opportunities.client.model.FieldError;
import com.onautomate.opportunities.client.model.Opportunity;
import com.onautomate.opportunities.client.model.OpportunityRequest;
import com.onautomate.opportunities.client.model.OpportunityStatus;
import com.onautomate.opportunities.mockserver.DemoData;
import com.onautomate.opportunities.mockserver.MockServer;
import com.onautomate.opportunities.mockserver.MockServerTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the real mock server over real HTTP: the whole life of an opportunity, and its errors. */
@MockServerTest
class EndToEndTest {
  private static final String PIPELINE = DemoData.DUPLICATES_PIPELINE_ID;
  private static final String STAGE_1 = DemoData.DUPLICATES_STAGE_1_ID;
  private static final String STAGE_2 = DemoData.DUPLICATES_STAGE_2_ID;

  private final String run = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger listRequests = new AtomicInteger();
  private MockServer server;
  private OpportunitiesClient client;

  @BeforeEach
  void connect(MockServer server) {
    this.server = server;
    OkHttpClient counting = new OkHttpClient.Builder().addInterceptor(chain -> {
      if (chain.request().method().equals("GET") && chain.request().url().encodedPath().endsWith("/opportunities")) {
        listRequests.incrementAndGet();
      }
      return chain.proceed(chain.request());
    }).build();
    client = OpportunitiesClient.builder()
        .baseUrl(server.baseUrl())
        .token(DemoData.TOKEN)
        .httpClient(counting)
        .userAgent("client-e2e-test")
        .build();
  }

  @AfterEach
  void disconnect() {
    client.close();
  }


  @Test
  void createReadListUpdateChangeStatusDeleteThenNotFound() throws Exception {
    String email = run + "@example.com";

    // create
    Opportunity created = client.createOpportunity(PIPELINE, OpportunityRequests.builder()
        .title(run + " solar roof")
        .status(OpportunityStatus.OPEN)
        .stageId(STAGE_1)
        .email(email)
        .name("Ada Lovelace")
        .companyName("Analytical Engines")
        .tags("e2e", run)
        .monetaryValue(1234.5)
        .source("client e2e")
        .build());
    assertThat(created.getId()).isNotBlank();
    assertThat(created.getName()).isEqualTo(run + " solar roof");
    assertThat(created.getPipelineId()).isEqualTo(PIPELINE);
    assertThat(created.getPipelineStageId()).isEqualTo(STAGE_1);
    assertThat(created.getStatus()).isEqualTo(OpportunityStatus.OPEN);
    assertThat(created.getMonetaryValue()).isEqualTo(1234.5);
    assertThat(created.getSource()).isEqualTo("client e2e");
    assertThat(created.getAssignedTo()).isNull();
    assertThat(created.getContact().getEmail()).isEqualTo(email);
    assertThat(created.getContact().getName()).isEqualTo("Ada Lovelace");
    assertThat(created.getContact().getTags()).containsExactly("e2e", run);

    // read
    Opportunity read = client.getOpportunity(PIPELINE, created.getId());
    assertThat(read).usingRecursiveComparison().isEqualTo(created);

    // list all pages: four more for the same contact (this pipeline allows duplicates), two per page
    for (int i = 2; i <= 5; i++) {
      client.createOpportunity(PIPELINE, OpportunityRequests.builder()
          .title(run + " opportunity " + i).status(OpportunityStatus.OPEN).stageId(STAGE_1).contactId(created.getContact().getId())
          .build());
    }
    listRequests.set(0);
    List<Opportunity> all = client.listAllOpportunities(PIPELINE, OpportunityFilter.builder().title(run).limit(2).build())
        .stream().collect(Collectors.toList());
    assertThat(all).extracting(Opportunity::getName).containsExactly(
        run + " solar roof", run + " opportunity 2", run + " opportunity 3", run + " opportunity 4", run + " opportunity 5");
    assertThat(listRequests).as("pages 1, 2 and 3, each once").hasValue(3);
    OpportunityPage first = client.listOpportunities(PIPELINE, OpportunityFilter.builder().title(run).limit(2).build());
    assertThat(first.meta().getTotal()).isEqualTo(5L);
    assertThat(first.meta().getNextPage()).isEqualTo(2);
    assertThat(client.listAllOpportunities(PIPELINE, OpportunityFilter.builder().email(email.toUpperCase()).tags(run).build()))
        .as("filters: email ignores case, tags must all match").hasSize(5);

    // update
    Opportunity updated = client.updateOpportunity(PIPELINE, created.getId(),
        OpportunityRequests.from(read).title(run + " solar roof, bigger").monetaryValue(9999.0).build());
    assertThat(updated.getName()).isEqualTo(run + " solar roof, bigger");
    assertThat(updated.getMonetaryValue()).isEqualTo(9999.0);
    assertThat(updated.getSource()).as("kept").isEqualTo("client e2e");
    assertThat(client.getOpportunity(PIPELINE, created.getId()).getName()).isEqualTo(run + " solar roof, bigger");

    // change status
    client.updateOpportunityStatus(PIPELINE, created.getId(), OpportunityStatus.WON, STAGE_2);
    Opportunity won = client.getOpportunity(PIPELINE, created.getId());
    assertThat(won.getStatus()).isEqualTo(OpportunityStatus.WON);
    assertThat(won.getPipelineStageId()).isEqualTo(STAGE_2);
    assertThat(won.getLastStatusChangeAt()).isAfterOrEqualTo(created.getLastStatusChangeAt());

    // delete, then read: not found
    client.deleteOpportunityAsync(PIPELINE, created.getId()).get(10, TimeUnit.SECONDS);
    NotFoundException gone = catchThrowableOfType(() -> client.getOpportunity(PIPELINE, created.getId()), NotFoundException.class);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.serverMessage()).contains("Not Found");
    assertThat(catchThrowableOfType(() -> client.deleteOpportunity(PIPELINE, created.getId()), NotFoundException.class))
        .isNotNull();
    assertThat(client.listAllOpportunities(PIPELINE, OpportunityFilter.builder().title(run).build())).hasSize(4);
  }

  @Test
  void aValidationErrorComesBackWithItsFieldMap() {
    ValidationException e = catchThrowableOfType(() -> client.createOpportunity(PIPELINE, OpportunityRequests.builder()
        .title(run).status(OpportunityStatus.OPEN).stageId(DemoData.STAGE_NEW_ID) // a stage of another pipeline
        .build()),                                                                   // and no contact
        ValidationException.class);

    assertThat(e.status()).isEqualTo(422);
    assertThat(e.fieldErrors()).containsOnlyKeys("stageId", "contactId or email");
    FieldError stage = e.fieldErrors().get("stageId");
    assertThat(stage.getRule()).isEqualTo("invalid");
    assertThat(stage.getMessage()).isNotBlank();
    assertThat(e.fieldErrors().get("contactId or email").getRule()).isEqualTo("required");
    assertThat(e.getMessage()).startsWith("422 on POST /v1/pipelines/" + PIPELINE + "/opportunities: ");
    assertThat(client.listAllOpportunities(PIPELINE, OpportunityFilter.builder().title(run).build()))
        .as("nothing was written").isEmpty();
  }

  @Test
  void aFieldBrokenOnTheWireIsKeyedByItsName() {
    OpportunityRequest tooLong = OpportunityRequests.builder()
        .title("x".repeat(256)).status(OpportunityStatus.OPEN).stageId(STAGE_1).email("not-an-email").build();

    ValidationException e = catchThrowableOfType(() -> client.createOpportunity(PIPELINE, tooLong), ValidationException.class);

    assertThat(e.fieldErrors()).containsKeys("title", "email");
    assertThat(e.fieldErrors().get("title").getRule()).isEqualTo("max");
    assertThat(e.fieldErrors().get("email").getRule()).isEqualTo("email");
  }

  @Test
  void aDuplicateIsABadRequest() {
    BadRequestException e = catchThrowableOfType(() -> client.createOpportunity(DemoData.PIPELINE_ID, OpportunityRequests.builder()
        .title(run).status(OpportunityStatus.OPEN).stageId(DemoData.STAGE_NEW_ID).contactId(DemoData.CONTACT_JOHN_ID).build()),
        BadRequestException.class);

    assertThat(e.serverMessage()).contains("Can not create duplicate opportunity for the contact.");
  }

  @Test
  void aWrongTokenIsUnauthorizedAndAnotherLocationsIdIsNotFound() {
    try (OpportunitiesClient stranger = OpportunitiesClient.builder().baseUrl(server.baseUrl()).token("not-a-token").build()) {
      UnauthorizedException e = catchThrowableOfType(
          () -> stranger.getOpportunity(DemoData.PIPELINE_ID, DemoData.OPPORTUNITY_ID), UnauthorizedException.class);
      assertThat(e.serverMessage()).contains("Unauthorized");
      assertThat(e.getMessage()).doesNotContain("not-a-token");
    }
    assertThat(catchThrowableOfType(
        () -> client.getOpportunity(DemoData.OTHER_PIPELINE_ID, DemoData.OTHER_OPPORTUNITY_ID), NotFoundException.class))
        .isNotNull();
  }

  @Test
  void theDemoOpportunityReadsAsTheContractShowsIt() throws Exception {
    Opportunity demo = client.getOpportunityAsync(DemoData.PIPELINE_ID, DemoData.OPPORTUNITY_ID).get(10, TimeUnit.SECONDS);

    assertThat(demo.getName()).isEqualTo("First Opp");
    assertThat(demo.getStatus()).isEqualTo(OpportunityStatus.OPEN);
    assertThat(demo.getMonetaryValue()).isEqualTo(120.0);
    assertThat(demo.getAssignedTo()).isEqualTo("hxHGVRb1YJUscrCB8eXK");
    assertThat(demo.getSource()).isEqualTo("form");
    assertThat(demo.getContact().getId()).isEqualTo(DemoData.CONTACT_JOHN_ID);
    assertThat(demo.getCreatedAt()).isNotNull();
  }
}
