package com.onautomate.opportunities.mockserver;

/** {@link HostileRequestsTest} on PostgreSQL (injection strings reach its SQL and its text columns). */
class PostgresHostileRequestsTest extends HostileRequestsTest {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
