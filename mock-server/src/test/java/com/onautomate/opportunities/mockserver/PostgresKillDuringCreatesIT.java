package com.onautomate.opportunities.mockserver;

/**
 * {@link KillDuringCreatesIT} on PostgreSQL: the server relies on PostgreSQL's commit, which returns
 * once the commit is in PostgreSQL's write-ahead log (with the default {@code synchronous_commit=on},
 * flushed to disk). Only the mock server is killed here, never PostgreSQL, so the test's PostgreSQL
 * running with {@code fsync=off} ({@code .ci/postgres.sh}, for speed) does not weaken what it shows:
 * a commit PostgreSQL acknowledged is in PostgreSQL, whatever happens to the server process after.
 */
class PostgresKillDuringCreatesIT extends KillDuringCreatesIT {

  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
