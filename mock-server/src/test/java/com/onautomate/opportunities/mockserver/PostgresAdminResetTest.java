package com.onautomate.opportunities.mockserver;

/** {@link AdminResetTest} on PostgreSQL, in a schema of its own (the reset's table locks included). */
class PostgresAdminResetTest extends AdminResetTest {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
