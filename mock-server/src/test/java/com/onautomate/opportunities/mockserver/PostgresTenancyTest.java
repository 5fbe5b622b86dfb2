package com.onautomate.opportunities.mockserver;

/** {@link TenancyTest} on PostgreSQL, in a schema of its own (skipped only where no PostgreSQL runs and CI does not require one). */
class PostgresTenancyTest extends TenancyTest {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
