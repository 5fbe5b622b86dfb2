package com.onautomate.opportunities.mockserver;

/**
 * {@link OpportunityOperationsTest} on PostgreSQL, in a schema of its own (skipped only where no PostgreSQL runs
 * and CI does not require one).
 */
class PostgresOperationsTest extends OpportunityOperationsTest {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
