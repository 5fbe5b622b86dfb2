package com.onautomate.opportunities.client;

import static com.onautomate.opportunities.client.Fixtures.PIPELINE;
import static com.onautomate.opportunities.client.Fixtures.json;
import static com.onautomate.opportunities.client.Fixtures.pageJson;
import static com.onautomate.opportunities.client.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onautomate.opportunities.client.model.OpportunityStatus;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** The facade keeps up with the contract: an operation or a list filter added to it fails here until the client has it. */
class ContractCoverageTest {
  private final JsonNode contract = Fixtures.contract();

  @Test
  void everyOperationHasAMethodAndAnAsyncVariant() {
    List<String> operationIds = new ArrayList<>();
    contract.get("paths").forEach(path -> path.forEach(op -> {
      if (op.has("operationId")) {
        operationIds.add(op.get("operationId").asText());
      }
    }));
    Set<String> methods = Arrays.stream(OpportunitiesClient.class.getMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getDeclaringClass() == OpportunitiesClient.class)
        .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));

    assertThat(operationIds).hasSize(6);
    for (String operationId : operationIds) {
      assertThat(methods).contains(operationId, operationId + "Async");
      Method async = Arrays.stream(OpportunitiesClient.class.getMethods())
          .filter(m -> m.getName().equals(operationId + "Async")).findFirst().orElseThrow();
      assertThat(async.getReturnType()).isEqualTo(CompletableFuture.class);
    }
  }

  @Test
  void theFilterSendsEveryQueryParameterOfTheList() throws Exception {
    Set<String> documented = new TreeSet<>();
    JsonNode list = contract.at("/paths/~1v1~1pipelines~1{pipelineId}~1opportunities/get/parameters");
    list.forEach(p -> {
      JsonNode parameter = Fixtures.resolve(contract, p);
      if (parameter.get("in").asText().equals("query")) {
        documented.add(parameter.get("name").asText());
      }
    });
    assertThat(documented).hasSize(13);

    MockWebServer server = Fixtures.startServer();
    try (OpportunitiesClient client = Fixtures.clientOf(server).build()) {
      server.enqueue(json(200, pageJson(List.of(), 0, 1, null)));
      client.listOpportunities(PIPELINE, OpportunityFilter.builder()
          .page(1).limit(1).title("t").stageId("s").status(OpportunityStatus.OPEN).monetaryValue(1.0).assignedTo("a")
          .contactId("c").email("e@x.co").name("n").phone("p").tags("g").companyName("co").build());
      assertThat(new TreeSet<>(take(server).getRequestUrl().queryParameterNames())).isEqualTo(documented);
    } finally {
      server.shutdown();
    }
  }
}
