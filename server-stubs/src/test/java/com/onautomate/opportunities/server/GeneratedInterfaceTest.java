package com.onautomate.opportunities.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.server.api.OpportunitiesApi;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMapping;

/** The generated interface carries the contract's six operations, as interfaces without default bodies. */
class GeneratedInterfaceTest {

  @Test
  void hasTheSixOperationsWithTheirMethodsAndPaths() {
    Map<String, String> routes = new TreeMap<>();
    for (Method method : OpportunitiesApi.class.getDeclaredMethods()) {
      RequestMapping mapping = method.getAnnotation(RequestMapping.class);
      if (mapping != null) {
        routes.put(method.getName(), mapping.method()[0] + " " + mapping.value()[0]);
      }
    }
    assertThat(routes).containsExactlyInAnyOrderEntriesOf(Map.of(
        "listOpportunities", "GET /v1/pipelines/{pipelineId}/opportunities",
        "createOpportunity", "POST /v1/pipelines/{pipelineId}/opportunities",
        "getOpportunity", "GET /v1/pipelines/{pipelineId}/opportunities/{opportunityId}",
        "updateOpportunity", "PUT /v1/pipelines/{pipelineId}/opportunities/{opportunityId}",
        "deleteOpportunity", "DELETE /v1/pipelines/{pipelineId}/opportunities/{opportunityId}",
        "updateOpportunityStatus", "PUT /v1/pipelines/{pipelineId}/opportunities/{opportunityId}/status"));
    assertThat(Arrays.stream(OpportunitiesApi.class.getDeclaredMethods()).noneMatch(Method::isDefault)).isTrue();
  }
}
