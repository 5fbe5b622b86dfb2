package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging, meta, ordering and every filter, alone and combined, on the Renewals pipeline. */
class ListingTest extends ServerTest {

  private static final String S1 = DemoData.DUPLICATES_STAGE_1_ID;
  private static final String S2 = DemoData.DUPLICATES_STAGE_2_ID;
  private final List<String> created = new ArrayList<>();

  @Override
  protected List<String> serverArgs() {
    // Buckets of 4, so that paging crosses many of them; contact filters matching more than 2
    // contacts take the subquery path, the others the contact-list path.
    return List.of("--onautomate.demo-data=false", "--onautomate.page-bucket-size=4",
        "--onautomate.contact-scope-max=2");
  }

  @BeforeAll
  void createFortyFive() {
    for (int i = 0; i < 45; i++) {
      Map<String, Object> body = new java.util.HashMap<>(Map.of(
          // The last title holds the characters a LIKE pattern would treat specially ('!' is its escape).
          "title", (i % 3 == 0 ? "Big Deal " : "small deal ") + i + (i == 44 ? " (50%_off!)" : ""),
          "status", i % 2 == 0 ? "open" : "won",
          "stageId", i % 5 == 0 ? S2 : S1,
          "email", "person" + (i % 4) + "@Example.com",
          "monetaryValue", i % 9 == 0 ? 500 : i,
          "tags", i % 2 == 0 ? List.of("even", "t" + (i % 4)) : List.of("odd")));
      if (i % 7 == 0) {
        body.put("assignedTo", "user7");
      }
      body.put("name", "Person " + (i % 4));
      body.put("companyName", i % 4 == 1 ? "ACME corp" : "Initech");
      body.put("phone", "+1 555 000" + (i % 4));
      created.add(create(RENEWALS, body));
    }
  }

  @Test
  void pagesAreOldestFirstWithMetaAndNoOpportunityOnTwoPages() {
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    JsonPath page1 = api().get(opportunities(RENEWALS)).then().statusCode(200)
        .body("meta.total", equalTo(45))
        .body("meta.currentPage", equalTo(1))
        .body("meta.nextPage", equalTo(2))
        .body("meta.prevPage", nullValue())
        .extract().jsonPath();
    assertThat(page1.getList("opportunities")).hasSize(20);
    String next = page1.getString("meta.nextPageUrl");
    assertThat(next).isEqualTo(server.baseUrl() + opportunities(RENEWALS) + "?page=2");
    order.addAll(page1.getList("opportunities.id"));
    JsonPath page2 = api().get(next).then().statusCode(200).body("meta.prevPage", equalTo(1)).extract().jsonPath();
    order.addAll(page2.getList("opportunities.id"));
    JsonPath page3 = api().get(page2.getString("meta.nextPageUrl")).then().statusCode(200)
        .body("meta.currentPage", equalTo(3))
        .body("meta.nextPage", nullValue())
        .body("meta.nextPageUrl", nullValue())
        .body("meta.total", equalTo(45))
        .extract().jsonPath();
    order.addAll(page3.getList("opportunities.id"));
    assertThat(page3.getList("opportunities")).hasSize(5);
    seen.addAll(order);
    assertThat(seen).hasSize(45);
    assertThat(order).isEqualTo(created);  // creation order

    api().queryParam("page", 4).get(opportunities(RENEWALS)).then().statusCode(200)
        .body("opportunities.size()", equalTo(0))
        .body("meta.total", equalTo(45))
        .body("meta.nextPage", nullValue())
        .body("meta.prevPage", equalTo(3));
  }

  @Test
  void limitAndTheSameFiltersAreCarriedToTheNextPage() {
    JsonPath page = api().queryParam("limit", 4).queryParam("status", "open").queryParam("tags", "even")
        .get(opportunities(RENEWALS) + "/").then().statusCode(200)
        .body("meta.total", equalTo(23)).extract().jsonPath();
    String next = page.getString("meta.nextPageUrl");
    assertThat(next).startsWith(server.baseUrl() + opportunities(RENEWALS) + "?page=2&")
        .contains("limit=4").contains("status=open").contains("tags=even");
    api().get(next).then().statusCode(200).body("meta.currentPage", equalTo(2))
        .body("opportunities.size()", equalTo(4)).body("meta.total", equalTo(23));
    api().queryParam("limit", 100).get(opportunities(RENEWALS)).then().body("opportunities.size()", equalTo(45))
        .body("meta.nextPage", nullValue());
  }

  @Test
  void everyFilterAlone() {
    assertThat(total(Map.of("title", "big DEAL"))).isEqualTo(15);
    assertThat(total(Map.of("title", "deal 4"))).isEqualTo(6);  // 4 and 40 to 44
    assertThat(total(Map.of("stageId", S2))).isEqualTo(9);
    assertThat(total(Map.of("status", "won"))).isEqualTo(22);
    assertThat(total(Map.of("monetaryValue", "500"))).isEqualTo(5);
    assertThat(total(Map.of("monetaryValue", "10"))).isEqualTo(1);
    assertThat(total(Map.of("assignedTo", "user7"))).isEqualTo(7);
    assertThat(total(Map.of("email", "PERSON1@example.com"))).isEqualTo(11);
    assertThat(total(Map.of("name", "son 2"))).isEqualTo(11);
    assertThat(total(Map.of("phone", "+1 555 0003"))).isEqualTo(11);
    assertThat(total(Map.of("companyName", "acme"))).isEqualTo(11);
    assertThat(total(Map.of("tags", "odd"))).isEqualTo(22);
    String contactId = api().get(opportunity(RENEWALS, created.get(0))).then().extract().path("contact.id");
    assertThat(total(Map.of("contactId", contactId))).isEqualTo(12);
    // Substrings, never patterns: '%', '_' and '!' match themselves only.
    assertThat(total(Map.of("title", "%"))).isEqualTo(1);
    assertThat(total(Map.of("title", "_"))).isEqualTo(1);
    assertThat(total(Map.of("title", "!"))).isEqualTo(1);
    assertThat(total(Map.of("title", "50%_OFF!"))).isEqualTo(1);
    assertThat(total(Map.of("title", "5_%"))).isZero();
    assertThat(total(Map.of("title", "deal%"))).isZero();
  }

  @Test
  void filtersCombineWithAnd() {
    // even i, i % 4 == 0 → tags even,t0 and person0: i in {0,4,...,44} → 12; open ones are all of them.
    assertThat(total(Map.of("tags", List.of("even", "t0"), "status", "open"))).isEqualTo(12);
    assertThat(total(Map.of("tags", List.of("even", "t0"), "email", "person0@example.com", "stageId", S2)))
        .isEqualTo(3);  // 0, 20, 40
    assertThat(total(Map.of("tags", List.of("even", "odd")))).isZero();
    // odd multiples of 3 not ≡ 1 (mod 4): 3, 15, 27, 39
    assertThat(total(Map.of("title", "big", "status", "won", "companyName", "initech"))).isEqualTo(4);
  }

  @Test
  void aPageThatIsNotFullStillCountsEverythingWithFilters() {
    JsonPath page = api().queryParams(Map.of("status", "won", "limit", "10", "page", "3")).get(opportunities(RENEWALS))
        .then().statusCode(200).extract().jsonPath();
    assertThat(page.getList("opportunities")).hasSize(2);
    assertThat(page.getInt("meta.total")).isEqualTo(22);
    assertThat(page.getString("meta.nextPageUrl")).isNull();
  }

  /** On the Sales pipeline, which the other tests leave alone. */
  @Test
  void pagesStayRightAfterDeletesAndNewCreates() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      expected.add(create(SALES, newOpportunity("sales " + i, "sales" + i + "@example.com")));
    }
    for (int i : new int[] {29, 20, 13, 12, 11, 10, 4, 0}) {
      api().delete(opportunity(SALES, expected.remove(i))).then().statusCode(200);
    }
    expected.add(create(SALES, newOpportunity("sales late", "late@example.com")));
    List<String> seen = new ArrayList<>();
    for (int page = 1; page <= 5; page++) {
      JsonPath json = api().queryParam("limit", 5).queryParam("page", page).get(opportunities(SALES)).then()
          .statusCode(200).body("meta.total", equalTo(expected.size())).extract().jsonPath();
      seen.addAll(json.getList("opportunities.id"));
    }
    assertThat(seen).isEqualTo(expected);
    api().queryParam("limit", 5).queryParam("page", 6).get(opportunities(SALES)).then()
        .body("opportunities.size()", equalTo(0)).body("meta.total", equalTo(expected.size()));
  }

  private long total(Map<String, ?> query) {
    return api().queryParams(query).get(opportunities(RENEWALS)).then().statusCode(200)
        .extract().jsonPath().getLong("meta.total");
  }
}
