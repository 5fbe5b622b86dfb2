package com.onautomate.opportunities.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation is documented the way partners and generators need it. */
class ContractOperationsTest {
  private static final OpenAPI OPENAPI = Contract.parse().getOpenAPI();

  static Map<String, Operation> operations() {
    Map<String, Operation> operations = new LinkedHashMap<>();
    OPENAPI.getPaths().forEach((path, item) -> item.readOperationsMap()
        .forEach((method, operation) -> operations.put(method + " " + path, operation)));
    return operations;
  }

  static Stream<Arguments> eachOperation() {
    return operations().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @Test
  void theSixOperationsOfTheVendorsPage() {
    assertThat(operations()).containsOnlyKeys(
        "GET /v1/pipelines/{pipelineId}/opportunities",
        "POST /v1/pipelines/{pipelineId}/opportunities",
        "GET /v1/pipelines/{pipelineId}/opportunities/{opportunityId}",
        "PUT /v1/pipelines/{pipelineId}/opportunities/{opportunityId}",
        "DELETE /v1/pipelines/{pipelineId}/opportunities/{opportunityId}",
        "PUT /v1/pipelines/{pipelineId}/opportunities/{opportunityId}/status");
    assertThat(operations().values()).extracting(Operation::getOperationId).containsExactlyInAnyOrder(
        "listOpportunities", "createOpportunity", "getOpportunity", "updateOpportunity",
        "deleteOpportunity", "updateOpportunityStatus");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eachOperation")
  void isNamedTaggedAndDescribed(String name, Operation operation) {
    assertThat(operation.getOperationId()).matches("[a-z][a-zA-Z]+");
    assertThat(operation.getTags()).containsExactly("Opportunities");
    assertThat(operation.getSummary()).isNotBlank();
    assertThat(operation.getDescription()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eachOperation")
  void requiresTheBearerToken(String name, Operation operation) {
    assertThat(operation.getSecurity()).hasSize(1);
    assertThat(operation.getSecurity().get(0)).containsOnlyKeys("bearerAuth");
    var scheme = OPENAPI.getComponents().getSecuritySchemes().get("bearerAuth");
    assertThat(scheme.getType().toString()).isEqualTo("http");
    assertThat(scheme.getScheme()).isEqualTo("bearer");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eachOperation")
  void documentsItsErrors(String name, Operation operation) {
    Map<String, ApiResponse> responses = new LinkedHashMap<>();
    operation.getResponses().forEach((status, response) -> responses.put(status, resolve(response)));
    assertThat(responses).containsKeys("200", "400", "401", "404", "429", "503");
    boolean takesInput = operation.getRequestBody() != null || queryParameters(operation).size() > 0;
    if (takesInput) {
      assertThat(responses).containsKey("422");
      assertThat(schemaName(responses.get("422"))).isEqualTo("ValidationErrors");
    }
    if (operation.getRequestBody() != null) {
      assertThat(responses).containsKeys("408", "413", "415");
    }
    responses.forEach((status, response) -> {
      if ((status.startsWith("4") && !status.equals("422")) || status.startsWith("5")) {
        assertThat(schemaName(response)).as(status).isEqualTo("ErrorMessage");
      }
    });
    for (String status : List.of("429", "503")) {
      assertThat(responses.get(status).getHeaders()).as(status).containsKey("Retry-After");
      var retryAfter = responses.get(status).getHeaders().get("Retry-After");
      if (retryAfter.get$ref() != null) {
        retryAfter = OPENAPI.getComponents().getHeaders().get(simpleName(retryAfter.get$ref()));
      }
      assertThat(retryAfter.getRequired()).as(status).isTrue();
    }
  }

  @Test
  void createLinksToEveryOperationOnTheCreatedOpportunity() {
    Operation create = OPENAPI.getPaths().get("/v1/pipelines/{pipelineId}/opportunities").getPost();
    var links = create.getResponses().get("200").getLinks().values().stream()
        .map(link -> link.get$ref() == null ? link
            : OPENAPI.getComponents().getLinks().get(simpleName(link.get$ref())))
        .toList();

    assertThat(links).extracting(link -> link.getOperationId()).containsExactlyInAnyOrder(
        "getOpportunity", "updateOpportunity", "updateOpportunityStatus", "deleteOpportunity");
    links.forEach(link ->
        assertThat(link.getParameters()).containsEntry("opportunityId", "$response.body#/id"));
  }

  @Test
  void listTakesPagingAndEveryFilterOfTheVendorsPage() {
    Operation list = OPENAPI.getPaths().get("/v1/pipelines/{pipelineId}/opportunities").getGet();

    assertThat(queryParameters(list)).extracting(Parameter::getName).containsExactlyInAnyOrder(
        "page", "limit", "title", "stageId", "status", "monetaryValue", "assignedTo", "contactId",
        "email", "name", "phone", "tags", "companyName");
    assertThat(queryParameters(list)).allSatisfy(p -> assertThat(p.getRequired()).isNotEqualTo(true));
    Parameter limit = queryParameters(list).stream().filter(p -> p.getName().equals("limit")).findFirst().orElseThrow();
    assertThat(limit.getSchema().getDefault()).isEqualTo(20);
    assertThat(limit.getSchema().getMaximum()).isEqualByComparingTo("100");
  }

  private static List<Parameter> queryParameters(Operation operation) {
    return operation.getParameters() == null ? List.of()
        : operation.getParameters().stream().filter(p -> "query".equals(p.getIn())).toList();
  }

  private static ApiResponse resolve(ApiResponse response) {
    return response.get$ref() == null ? response
        : OPENAPI.getComponents().getResponses().get(simpleName(response.get$ref()));
  }

  private static String schemaName(ApiResponse response) {
    return simpleName(response.getContent().get("application/json").getSchema().get$ref());
  }

  private static String simpleName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
