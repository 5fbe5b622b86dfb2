package com.onautomate.opportunities.mockserver;

/** {@link BadInputTest} on PostgreSQL, in a schema of its own (skipped only where no PostgreSQL runs and CI does not require one). */
class PostgresBadInputTest extends BadInputTest {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
