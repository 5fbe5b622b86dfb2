package com.onautomate.opportunities.mockserver.storage;

import com.onautomate.opportunities.mockserver.tenancy.Locations;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Drops an in-memory H2 database when the last server of this JVM using it stops, so that many test
 * servers in one JVM do not pile up (nor the data versions {@link Locations} counts for it), and a
 * server sharing another's database keeps it.
 */
@Component
class InMemoryDatabaseShutdown implements DisposableBean {

  private static final ConcurrentMap<String, Integer> SERVERS_BY_URL = new ConcurrentHashMap<>();

  private final DataSource dataSource;
  private final String url;
  private final boolean inMemory;

  InMemoryDatabaseShutdown(DataSource dataSource, Database database) {
    this.dataSource = dataSource;
    this.url = database.url();
    this.inMemory = database.isH2InMemory();
    if (inMemory) {
      SERVERS_BY_URL.merge(url, 1, Integer::sum);
    }
  }

  @Override
  public void destroy() {
    if (inMemory && SERVERS_BY_URL.merge(url, -1, (a, b) -> a + b == 0 ? null : a + b) == null) {
      new JdbcTemplate(dataSource).execute("SHUTDOWN");
      Locations.forgetInMemoryDatabase(url);
    }
  }
}
