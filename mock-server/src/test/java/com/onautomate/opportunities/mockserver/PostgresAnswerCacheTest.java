package com.onautomate.opportunities.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link AnswerCacheTest} on PostgreSQL, where the data version is read from the database on every read. */
class PostgresAnswerCacheTest extends AnswerCacheTest {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }

  /** A program writing to the database directly bumps {@code location.data_version} and is seen at once. */
  @Test
  void aNewDataVersionWrittenInTheDatabaseIsSeen() {
    String id = create(SALES, newOpportunity("oscar one", "oscar1@example.com"));
    assertThat(title(server, id)).isEqualTo("oscar one");
    db.execute("UPDATE opportunity SET title = 'oscar behind' WHERE id = '" + id + "'");
    db.execute("UPDATE location SET data_version = data_version + 1 WHERE id = '" + DemoData.LOCATION_ID + "'");
    assertThat(title(server, id)).isEqualTo("oscar behind");
  }
}
