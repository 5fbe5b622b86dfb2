package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A filtered list's {@code meta.total} follows every write, although totals are remembered between
 * requests: each test first lists with {@code limit=1}, so that the total is counted (and
 * remembered), then writes, then lists again. Each test filters on a word of its own.
 */
class ListTotalsTest extends ServerTest {

  @Test
  void aCreateChangesTheTotal() {
    create(SALES, newOpportunity("alpha one", "alpha1@example.com"));
    create(SALES, newOpportunity("alpha two", "alpha2@example.com"));
    assertThat(total(SALES, Map.of("title", "alpha"))).isEqualTo(2);
    create(SALES, newOpportunity("alpha three", "alpha3@example.com"));
    assertThat(total(SALES, Map.of("title", "alpha"))).isEqualTo(3);
  }

  @Test
  void anUpdateChangesTheTotal() {
    create(SALES, newOpportunity("bravo one", "bravo1@example.com"));
    String id = create(SALES, newOpportunity("bravo two", "bravo2@example.com"));
    assertThat(total(SALES, Map.of("title", "bravo"))).isEqualTo(2);
    api().body(newOpportunity("renamed", "bravo2@example.com")).put(opportunity(SALES, id)).then().statusCode(200);
    assertThat(total(SALES, Map.of("title", "bravo"))).isEqualTo(1);
  }

  @Test
  void aStatusChangeChangesTheTotal() {
    create(SALES, newOpportunity("charlie one", "charlie1@example.com"));
    String id = create(SALES, newOpportunity("charlie two", "charlie2@example.com"));
    Map<String, String> openCharlies = Map.of("title", "charlie", "status", "open");
    assertThat(total(SALES, openCharlies)).isEqualTo(2);
    api().body(Map.of("status", "won", "stageId", NEW)).put(opportunity(SALES, id) + "/status").then().statusCode(200);
    assertThat(total(SALES, openCharlies)).isEqualTo(1);
  }

  @Test
  void aDeleteChangesTheTotal() {
    create(SALES, newOpportunity("delta one", "delta1@example.com"));
    String id = create(SALES, newOpportunity("delta two", "delta2@example.com"));
    assertThat(total(SALES, Map.of("title", "delta"))).isEqualTo(2);
    api().delete(opportunity(SALES, id)).then().statusCode(200);
    assertThat(total(SALES, Map.of("title", "delta"))).isEqualTo(1);
  }

  /** A create in another pipeline renames and tags a contact that has an opportunity in this one. */
  @Test
  void aContactChangedThroughAnotherPipelineChangesTheTotal() {
    create(SALES, withContact(newOpportunity("echo one", "echo1@example.com"), "Echo Person", "echotag"));
    create(SALES, withContact(newOpportunity("echo two", "echo2@example.com"), "Echo Person", "echotag"));
    create(SALES, newOpportunity("echo three", "echo3@example.com"));
    assertThat(total(SALES, Map.of("name", "echo person"))).isEqualTo(2);
    assertThat(total(SALES, Map.of("tags", "echotag"))).isEqualTo(2);

    Map<String, Object> renewal = withContact(newOpportunity("renewal", "echo3@example.com"), "Echo Person", "echotag");
    renewal.put("stageId", DemoData.DUPLICATES_STAGE_1_ID);
    create(RENEWALS, renewal);

    assertThat(total(SALES, Map.of("name", "echo person"))).isEqualTo(3);
    assertThat(total(SALES, Map.of("tags", "echotag"))).isEqualTo(3);
  }

  private static Map<String, Object> withContact(Map<String, Object> body, String name, String tag) {
    body.put("name", name);
    body.put("tags", List.of(tag));
    return body;
  }

  /** The total of a filtered list of one per page, so that it is counted whenever there is a second match. */
  long total(String pipelineId, Map<String, ?> filters) {
    return total(api(), pipelineId, filters);
  }

  long total(RequestSpecification request, String pipelineId, Map<String, ?> filters) {
    return request.queryParams(filters).queryParam("limit", 1).get(opportunities(pipelineId)).then().statusCode(200)
        .extract().jsonPath().getLong("meta.total");
  }
}
