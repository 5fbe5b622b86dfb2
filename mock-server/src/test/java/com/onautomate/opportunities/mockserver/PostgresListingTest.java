package com.onautomate.opportunities.mockserver;

/** {@link ListingTest} on PostgreSQL, in a schema of its own (skipped only where no PostgreSQL runs and CI does not require one). */
class PostgresListingTest extends ListingTest {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
