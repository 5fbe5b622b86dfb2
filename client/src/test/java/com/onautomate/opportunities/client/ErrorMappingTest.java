package com.onautomate.opportunities.client;

import static com.onautomate.opportunities.client.Fixtures.OPPORTUNITY;
import static com.onautomate.opportunities.client.Fixtures.PIPELINE;
import static com.onautomate.opportunities.client.Fixtures.STAGE;
import static com.onautomate.opportunities.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.client.model.FieldError;
import com.onautomate.opportunities.client.model.OpportunityStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error status the contract documents, on every operation, becomes its exception with the
 * body decoded. The cases are read from the contract, so a status added to it is tested here.
 */
class ErrorMappingTest {
  private static final Map<Integer, Class<? extends OpportunitiesServiceException>> EXPECTED = Map.of(
      400, BadRequestException.class,
      401, UnauthorizedException.class,
      404, NotFoundException.class,
      408, UnexpectedStatusException.class,
      413, UnexpectedStatusException.class,
      415, UnexpectedStatusException.class,
      422, ValidationException.class,
      429, RateLimitException.class,
      503, ServerException.class);

  private MockWebServer server;
  private OpportunitiesClient client;

  @BeforeEach
  void start() {
    server = Fixtures.startServer();
    client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.shutdown();
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedErrorOfEveryOperation() {
    JsonNode contract = Fixtures.contract();
    List<DynamicTest> tests = new ArrayList<>();
    contract.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (!op.getValue().has("operationId")) {
        return; // path-level parameters
      }
      String operationId = op.getValue().get("operationId").asText();
      op.getValue().get("responses").fields().forEachRemaining(response -> {
        int status = Integer.parseInt(response.getKey());
        if (status < 400) {
          return;
        }
        JsonNode content = Fixtures.resolve(contract, response.getValue()).path("content").path("application/json");
        for (Iterator<JsonNode> examples = content.path("examples").elements(); examples.hasNext(); ) {
          JsonNode example = Fixtures.resolve(contract, examples.next()).get("value");
          tests.add(DynamicTest.dynamicTest(operationId + " " + status + " " + example,
              () -> assertMapped(operationId, status, example)));
        }
      });
    }));
    assertThat(tests).as("cases read from the contract").hasSizeGreaterThan(30);
    return tests.stream();
  }

  private void assertMapped(String operationId, int status, JsonNode example) throws Exception {
    String body = example.toString();
    MockResponse response = json(status, body);
    if (status == 429) {
      response.setHeader("Retry-After", "7").setHeader("X-RateLimit-Limit", "100");
    }
    server.enqueue(response);
    // OkHttp itself sends a request answered 408 once more (RFC 9110 allows it; nothing was changed):
    // the second 408 is the one thrown.
    int sends = status == 408 ? 2 : 1;
    if (status == 408) {
      server.enqueue(json(status, body));
    }
    int before = server.getRequestCount(); // the dynamic tests share one server

    OpportunitiesServiceException e = catchThrowableOfType(() -> call(operationId), OpportunitiesServiceException.class);

    assertThat(e).isExactlyInstanceOf(EXPECTED.get(status));
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.rawBody()).isEqualTo(body);
    assertThat(e.header("content-type")).contains("application/json");
    assertThat(e.getMessage()).startsWith(status + " on ");
    if (example.has("msg")) {
      assertThat(e.serverMessage()).contains(example.get("msg").asText());
      assertThat(e.getMessage()).endsWith(example.get("msg").asText() + (status == 429 ? " (retry after 7 s)" : ""));
    }
    if (status == 422) {
      Map<String, FieldError> expected = new LinkedHashMap<>();
      example.fields().forEachRemaining(f -> expected.put(f.getKey(),
          new FieldError().message(f.getValue().get("message").asText()).rule(f.getValue().get("rule").asText())));
      assertThat(((ValidationException) e).fieldErrors()).containsExactlyEntriesOf(expected);
      assertThat(e.serverMessage()).isEmpty();
    }
    if (status == 429) {
      assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(7));
      assertThat(e.header("X-RateLimit-Limit")).contains("100");
    }
    assertThat(server.getRequestCount() - before).as("sent once, not retried by the client's policy").isEqualTo(sends);
    for (int i = 0; i < sends; i++) {
      server.takeRequest();
    }
  }

  private Object call(String operationId) {
    switch (operationId) {
      case "listOpportunities":
        return client.listOpportunities(PIPELINE, OpportunityFilter.none());
      case "createOpportunity":
        return client.createOpportunity(PIPELINE, request());
      case "getOpportunity":
        return client.getOpportunity(PIPELINE, OPPORTUNITY);
      case "updateOpportunity":
        return client.updateOpportunity(PIPELINE, OPPORTUNITY, request());
      case "deleteOpportunity":
        client.deleteOpportunity(PIPELINE, OPPORTUNITY);
        return "deleted";
      case "updateOpportunityStatus":
        client.updateOpportunityStatus(PIPELINE, OPPORTUNITY, OpportunityStatus.WON, STAGE);
        return "status set";
      default:
        throw new AssertionError("an operation the client does not know: " + operationId);
    }
  }

  private static com.onautomate.opportunities.client.model.OpportunityRequest request() {
    return OpportunityRequests.builder().title("t").status(OpportunityStatus.OPEN).stageId(STAGE).email("a@b.co").build();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 599})
  void fiveHundredsAreServerErrorsEvenWithoutJson(int status) {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "text/html").setBody("<h1>Bad gateway</h1>"));

    ServerException e = catchThrowableOfType(() -> client.getOpportunity(PIPELINE, OPPORTUNITY), ServerException.class);

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.rawBody()).isEqualTo("<h1>Bad gateway</h1>");
    assertThat(e.serverMessage()).isEmpty();
    assertThat(e.getMessage()).isEqualTo(status + " on GET /v1/pipelines/bCkKGpDsyPP4peuKowkG/opportunities/123akv4LFn6C9frZoy3e");
  }

  @ParameterizedTest
  @ValueSource(ints = {402, 403, 409, 418, 451})
  void otherStatusesAreUnexpected(int status) {
    server.enqueue(json(status, "{\"msg\":\"Nope\"}"));

    UnexpectedStatusException e =
        catchThrowableOfType(() -> client.deleteOpportunity(PIPELINE, OPPORTUNITY), UnexpectedStatusException.class);

    assertThat(e.status()).isEqualTo(status);
    assertThat(e.serverMessage()).contains("Nope");
  }

  @Test
  void a422WhoseBodyIsNotAFieldMapKeepsItsRawBody() {
    server.enqueue(json(422, "[\"not\", \"a map\"]"));

    ValidationException e = catchThrowableOfType(
        () -> client.createOpportunity(PIPELINE, request()), ValidationException.class);

    assertThat(e.fieldErrors()).isEmpty();
    assertThat(e.rawBody()).isEqualTo("[\"not\", \"a map\"]");
  }

  @Test
  void aRetryAfterDateIsReadAsAWait() {
    assertThat(ErrorMapper.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(ErrorMapper.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
    assertThat(ErrorMapper.retryAfter("soon")).isNull();
    assertThat(ErrorMapper.retryAfter("-3")).isNull();
  }
}
