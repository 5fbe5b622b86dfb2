package com.onautomate.opportunities.mockserver.storage;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL only, at start: vacuums and analyzes the tables whose planner statistics are missing
 * or stale, as autovacuum would a minute or more later. Until then a data set just loaded by SQL (a
 * migration, a script) is planned as if empty (a page of 20 becomes a scan of the whole table and a
 * sort), and its index-only scans still read every row from the table.
 */
@Component
class PlannerStatistics implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);
  private static final List<String> TABLES = List.of("opportunity", "contact", "contact_tag", "page_bucket");

  private final JdbcClient jdbc;
  private final boolean postgres;

  PlannerStatistics(JdbcClient jdbc, Database database) {
    this.jdbc = jdbc;
    this.postgres = database.isPostgreSql();
  }

  @Override
  public void afterPropertiesSet() {
    if (!postgres) {
      return;
    }
    // autovacuum's own rule (50 rows + 10 % changed), plus tables never analyzed at all.
    List<String> stale = jdbc.sql("""
            SELECT relname FROM pg_stat_user_tables
            WHERE schemaname = current_schema() AND relname IN (?, ?, ?, ?)
              AND ((last_analyze IS NULL AND last_autoanalyze IS NULL) OR n_mod_since_analyze > 50 + n_live_tup / 10)""")
        .params(TABLES.toArray()).query(String.class).list();
    for (String table : stale) {
      // Outside a transaction (VACUUM cannot run in one): the JdbcClient is in auto-commit here.
      jdbc.sql("VACUUM (ANALYZE) " + table).update();
    }
    if (!stale.isEmpty()) {
      log.info("Refreshed the planner statistics of {}", stale);
    }
  }
}
