package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ListTotalsTest} on PostgreSQL, and a second server's writes seen in the first server's totals. */
class PostgresListTotalsTest extends ListTotalsTest {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }

  @Test
  void writesThroughAnotherServerChangeTheTotal() {
    try (MockServer other = MockServer.start("--server.port=0", db.serverArg())) {
      create(SALES, newOpportunity("foxtrot one", "foxtrot1@example.com"));
      create(SALES, newOpportunity("foxtrot two", "foxtrot2@example.com"));
      assertThat(total(SALES, Map.of("title", "foxtrot"))).isEqualTo(2);

      String id = PersistenceTest.api(other).body(newOpportunity("foxtrot three", "foxtrot3@example.com"))
          .post(opportunities(SALES)).then().statusCode(200).extract().path("id");
      assertThat(total(SALES, Map.of("title", "foxtrot"))).isEqualTo(3);

      PersistenceTest.api(other).delete(opportunity(SALES, id)).then().statusCode(200);
      assertThat(total(SALES, Map.of("title", "foxtrot"))).isEqualTo(2);
    }
  }
}
