package com.onautomate.opportunities.mockserver;

/** {@link ConcurrencyTest} on PostgreSQL, in a schema of its own (skipped only where no PostgreSQL runs and CI does not require one). */
class PostgresConcurrencyTest extends ConcurrencyTest {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
