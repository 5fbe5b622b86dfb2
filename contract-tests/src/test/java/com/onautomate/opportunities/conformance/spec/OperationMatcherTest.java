package com.onautomate.opportunities.conformance.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.Suite;
import org.junit.jupiter.api.Test;

/** A request's path finds its operation as a router would; what no template matches finds none. */
class OperationMatcherTest {
  private final OperationMatcher matcher = new OperationMatcher(Suite.CONTRACT);

  @Test
  void eachDocumentedMethodAndPathFindsItsOperation() {
    assertThat(matcher.match("GET", "/v1/pipelines/p/opportunities").operation().id()).isEqualTo("listOpportunities");
    assertThat(matcher.match("post", "/v1/pipelines/p/opportunities/").operation().id()).isEqualTo("createOpportunity");
    assertThat(matcher.match("GET", "/v1/pipelines/p/opportunities/o").operation().id()).isEqualTo("getOpportunity");
    assertThat(matcher.match("PUT", "/v1/pipelines/p%20q/opportunities/o/status").operation().id())
        .isEqualTo("updateOpportunityStatus");
    assertThat(matcher.match("POST", "/v1/pipelines/p/opportunities/").path()).isEqualTo("/v1/pipelines/p/opportunities");
  }

  @Test
  void anUndocumentedMethodFindsThePathButNoOperation() {
    OperationMatcher.Match patch = matcher.match("PATCH", "/v1/pipelines/p/opportunities/o");
    assertThat(patch.operation()).isNull();
    assertThat(patch.onPath().path()).isEqualTo("/v1/pipelines/{pipelineId}/opportunities/{opportunityId}");
  }

  @Test
  void pathsOutsideTheContractFindNothing() {
    assertThat(matcher.match("GET", "/openapi.yaml")).isNull();
    assertThat(matcher.match("GET", "/v1/pipelines//opportunities")).isNull();
    assertThat(matcher.match("GET", "/v1/pipelines/p/opportunities/o/status/x")).isNull();
    assertThat(matcher.match("POST", "/__admin/reset")).isNull();
  }
}
