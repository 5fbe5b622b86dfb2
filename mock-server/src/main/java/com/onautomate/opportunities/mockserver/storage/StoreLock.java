package com.onautomate.opportunities.mockserver.storage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Holds off other servers' writes for a reset. Within one server its own gate keeps requests out;
 * only PostgreSQL can be shared with other servers (an H2 database is this JVM's alone), so there the
 * tables a write touches are locked in EXCLUSIVE mode until the commit: writes of other servers wait
 * (or, in a deadlock, one side is retried), plain reads go on and see the data before the reset
 * until it commits.
 */
@Component
public class StoreLock {

  private final JdbcClient jdbc;
  private final boolean shared;

  StoreLock(JdbcClient jdbc, Database database) {
    this.jdbc = jdbc;
    this.shared = database.isPostgreSql();
  }

  /** In the caller's transaction: no other server writes until it ends. */
  public void lockAgainstOtherServers() {
    if (shared) {
      jdbc.sql("LOCK TABLE contact, contact_tag, opportunity, page_bucket, pipeline, location IN EXCLUSIVE MODE")
          .update();
    }
  }
}
