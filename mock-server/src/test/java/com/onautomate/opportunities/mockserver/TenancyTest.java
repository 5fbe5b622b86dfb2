package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A token never reads or changes another location's data, and gets 404 (not 403) for it. */
class TenancyTest extends ServerTest {

  private static final String OTHER = DemoData.OTHER_TOKEN;

  @Test
  void anotherLocationsPipelineAndOpportunityAre404() {
    String before = storeSnapshot();
    as(OTHER).get(opportunities(SALES)).then().statusCode(404).body("msg", equalTo("Not Found"));
    as(OTHER).get(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(404);
    as(OTHER).body(newOpportunity("t", "other@example.com")).post(opportunities(SALES)).then().statusCode(404);
    as(OTHER).body(newOpportunity("t", "other@example.com")).put(opportunity(SALES, DemoData.OPPORTUNITY_ID))
        .then().statusCode(404);
    as(OTHER).body(Map.of("status", "won", "stageId", NEW)).put(opportunity(SALES, DemoData.OPPORTUNITY_ID) + "/status")
        .then().statusCode(404);
    as(OTHER).delete(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(404);
    assertThat(storeSnapshot()).isEqualTo(before);

    api().get(opportunities(DemoData.OTHER_PIPELINE_ID)).then().statusCode(404);
    api().get(opportunity(DemoData.OTHER_PIPELINE_ID, DemoData.OTHER_OPPORTUNITY_ID)).then().statusCode(404);
    api().delete(opportunity(DemoData.OTHER_PIPELINE_ID, DemoData.OTHER_OPPORTUNITY_ID)).then().statusCode(404);
    assertThat(storeSnapshot()).isEqualTo(before);

    // Each reads its own.
    as(OTHER).get(opportunity(DemoData.OTHER_PIPELINE_ID, DemoData.OTHER_OPPORTUNITY_ID)).then().statusCode(200)
        .body("contact.id", equalTo(DemoData.OTHER_CONTACT_ID));
    api().get(opportunity(SALES, DemoData.OPPORTUNITY_ID)).then().statusCode(200);
  }

  @Test
  void contactsAreFoundOnlyWithinTheLocation() {
    // The same email in two locations is two contacts; location B's contact is not touched by A.
    Map<String, Object> a = newOpportunity("A's", "jane@acme.example");
    a.put("name", "Changed by A");
    String id = create(SALES, a);
    String contactA = api().get(opportunity(SALES, id)).then().extract().path("contact.id");
    assertThat(contactA).isNotEqualTo(DemoData.OTHER_CONTACT_ID);
    as(OTHER).get(opportunity(DemoData.OTHER_PIPELINE_ID, DemoData.OTHER_OPPORTUNITY_ID)).then()
        .body("contact.name", equalTo("Jane Roe"));
  }
}
