package com.onautomate.opportunities.conformance.stateful;

import static org.assertj.core.api.Assertions.assertThat;

import com.onautomate.opportunities.conformance.Suite;
import com.onautomate.opportunities.conformance.engine.Exchange;
import com.onautomate.opportunities.conformance.engine.Facts;
import com.onautomate.opportunities.conformance.engine.Kind;
import com.onautomate.opportunities.conformance.engine.Phase;
import com.onautomate.opportunities.conformance.engine.Step;
import com.onautomate.opportunities.conformance.engine.TestCase;
import com.onautomate.opportunities.conformance.http.Request;
import com.onautomate.opportunities.conformance.http.Response;
import com.onautomate.opportunities.conformance.spec.OpportunityOperations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's links, evaluated on a create exchange, give the linked operations their path parameters. */
class LinksTest {
  private static final OpportunityOperations OPS = OpportunityOperations.of(Suite.CONTRACT);

  private static Exchange created(String body) {
    Request sent = new Request("POST", "/v1/pipelines/pipe%20one/opportunities", List.of(), Map.of(), "{}");
    return new Exchange(new TestCase(OPS.create(), Phase.STATEFUL, Kind.POSITIVE, "create", null, sent),
        new Response(200, Map.of(), body, 1), Step.CREATE, Facts.NONE);
  }

  @Test
  void everyLinkOfTheCreateGivesThePipelineOfTheRequestAndTheIdOfTheAnswer() {
    Exchange create = created("{\"id\":\"opp.1-x_y\",\"name\":\"n\"}");
    Links links = new Links(OPS.create());

    for (var target : List.of(OPS.get(), OPS.update(), OPS.status(), OPS.delete())) {
      assertThat(links.parameters(target, create)).as(target.id())
          .containsExactlyInAnyOrderEntriesOf(Map.of("pipelineId", "pipe one", "opportunityId", "opp.1-x_y"));
    }
  }

  @Test
  void anAnswerWithoutIdOrNotJsonLeavesNothingToFollow() {
    Links links = new Links(OPS.create());

    assertThat(links.parameters(OPS.get(), created("{\"name\":\"n\"}"))).isNull();
    assertThat(links.parameters(OPS.get(), created("{\"id\":null}"))).isNull();
    assertThat(links.parameters(OPS.get(), created("not json"))).isNull();
    assertThat(links.parameters(OPS.list(), created("{\"id\":\"a\"}"))).as("no link to list").isNull();
  }
}
