package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reads' answers are kept between requests (see the mock server's {@code AnswerCache}), and
 * every write is seen by the next read all the same: each test reads first, so that the answer is
 * kept, then writes, then reads again.
 */
class AnswerCacheTest extends ServerTest {

  @Test
  void anUpdateIsSeenByTheNextGet() {
    String id = create(SALES, newOpportunity("golf one", "golf1@example.com"));
    assertThat(title(server, id)).isEqualTo("golf one");
    assertThat(title(server, id)).isEqualTo("golf one");
    api().body(newOpportunity("golf renamed", "golf1@example.com")).put(opportunity(SALES, id)).then().statusCode(200);
    assertThat(title(server, id)).isEqualTo("golf renamed");
  }

  @Test
  void aStatusChangeIsSeenByTheNextGetAndList() {
    String id = create(SALES, newOpportunity("hotel one", "hotel1@example.com"));
    assertThat(api().get(opportunity(SALES, id)).then().statusCode(200).extract().<String>path("status")).isEqualTo("open");
    assertThat(titles(Map.of("title", "hotel", "status", "won"))).isEmpty();
    api().body(Map.of("status", "won", "stageId", NEW)).put(opportunity(SALES, id) + "/status").then().statusCode(200);
    assertThat(api().get(opportunity(SALES, id)).then().statusCode(200).extract().<String>path("status")).isEqualTo("won");
    assertThat(titles(Map.of("title", "hotel", "status", "won"))).containsExactly("hotel one");
  }

  @Test
  void aDeleteIsSeenByTheNextGetAndList() {
    String id = create(SALES, newOpportunity("india one", "india1@example.com"));
    assertThat(titles(Map.of("title", "india"))).containsExactly("india one");
    assertThat(title(server, id)).isEqualTo("india one");
    api().delete(opportunity(SALES, id)).then().statusCode(200);
    api().get(opportunity(SALES, id)).then().statusCode(404);
    assertThat(titles(Map.of("title", "india"))).isEmpty();
  }

  @Test
  void aCreateIsSeenByTheNextList() {
    assertThat(titles(Map.of("title", "juliett"))).isEmpty();
    create(SALES, newOpportunity("juliett one", "juliett1@example.com"));
    assertThat(titles(Map.of("title", "juliett"))).containsExactly("juliett one");
  }

  /**
   * The answer is kept: a change made in the database behind the API's back (without a new data
   * version) is not seen. This is what shows the reads are served from the kept answers at all.
   */
  @Test
  void anAnswerIsKeptUntilTheDataVersionChanges() {
    String id = create(SALES, newOpportunity("november one", "november1@example.com"));
    assertThat(title(server, id)).isEqualTo("november one");
    db.execute("UPDATE opportunity SET title = 'november behind' WHERE id = '" + id + "'");
    assertThat(title(server, id)).isEqualTo("november one");
    create(SALES, newOpportunity("another write", "november2@example.com"));  // a new data version
    assertThat(title(server, id)).isEqualTo("november behind");
  }

  /** A 404 is not kept: the opportunity may exist by the next request. */
  @Test
  void notFoundIsNotKept() {
    api().get(opportunity(SALES, "kiloDoesNotExist0001")).then().statusCode(404);
    api().get(opportunity(SALES, "kiloDoesNotExist0001")).then().statusCode(404);
  }

  /** A forged Host reaches neither the next page's URL nor the kept answers of other clients. */
  @Test
  void theHostHeaderReachesNoAnswer() {
    create(SALES, newOpportunity("lima one", "lima1@example.com"));
    create(SALES, newOpportunity("lima two", "lima2@example.com"));
    for (String host : new String[] {"evil.example", "first.example:8080", "evil.example"}) {
      String next = api().header("Host", host).queryParams(Map.of("title", "lima", "limit", 1))
          .get(opportunities(SALES)).then().statusCode(200).extract().path("meta.nextPageUrl");
      assertThat(next).startsWith(server.baseUrl() + "/v1/");
    }
  }

  /** Another server on the same database (in this JVM for an in-memory one) writes: this one sees it. */
  @Test
  void writesThroughAnotherServerAreSeen() {
    String id = create(SALES, newOpportunity("mike one", "mike1@example.com"));
    assertThat(title(server, id)).isEqualTo("mike one");
    try (MockServer other = MockServer.start("--server.port=0", db.serverArg())) {
      assertThat(title(other, id)).isEqualTo("mike one");
      PersistenceTest.api(other).body(newOpportunity("mike renamed", "mike1@example.com"))
          .put(opportunity(SALES, id)).then().statusCode(200);
      assertThat(title(server, id)).isEqualTo("mike renamed");
      assertThat(title(other, id)).isEqualTo("mike renamed");
    }
  }

  String title(MockServer on, String id) {
    return PersistenceTest.api(on).get(opportunity(SALES, id)).then().statusCode(200).extract().path("name");
  }

  private java.util.List<String> titles(Map<String, ?> filters) {
    return api().queryParams(filters).get(opportunities(SALES)).then().statusCode(200)
        .extract().jsonPath().getList("opportunities.name", String.class);
  }
}
